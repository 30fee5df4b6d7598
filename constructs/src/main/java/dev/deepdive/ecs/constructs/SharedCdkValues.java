package dev.deepdive.ecs.constructs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.ServicePrincipal;

/**
 * Immutable CDK values that every service uses, made once per JVM instead of once per use.
 *
 * <p>Why: a {@code Duration} or a {@code ServicePrincipal} lives in the jsii kernel's Node.js process, so making
 * one is a round trip over the bridge (two for a {@code Duration}: the call, then the runtime's lookup of the
 * returned object's Java class), about 0.15 to 0.3 ms each. An environment of 100 services spent 800 round trips on
 * five distinct values. Neither type has a method that changes it, so one instance serves every construct and
 * every app in the JVM, and the template is the same.
 */
final class SharedCdkValues {
  private static final Map<Integer, Duration> SECONDS = new ConcurrentHashMap<>();
  private static final Map<Integer, Duration> DAYS = new ConcurrentHashMap<>();

  private SharedCdkValues() {}

  /** {@code Duration.seconds(seconds)}, made once per value. */
  static Duration seconds(int seconds) {
    return SECONDS.computeIfAbsent(seconds, Duration::seconds);
  }

  /** {@code Duration.days(days)}, made once per value. */
  static Duration days(int days) {
    return DAYS.computeIfAbsent(days, Duration::days);
  }

  /** The principal of ECS tasks, which both roles of every service trust. */
  static ServicePrincipal ecsTasks() {
    return EcsTasks.PRINCIPAL;
  }

  /** Made on first use, not when this class loads: the class is loaded before the jsii runtime may start. */
  private static final class EcsTasks {
    static final ServicePrincipal PRINCIPAL = new ServicePrincipal("ecs-tasks.amazonaws.com");
  }
}

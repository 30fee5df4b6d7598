package dev.deepdive.ecs.app.config;

import java.util.List;
import java.util.Objects;

/**
 * How a service sits behind the environment's load balancer: one listener rule and one target group.
 *
 * @param container the container that receives the traffic; the app checks that the task definition has it
 * @param containerPort the port of that container, 1 to 65535; the app checks that it is declared
 * @param pathPatterns the rule's path patterns (each starts with {@code /}), in file order; may be empty when
 *     {@code hostHeaders} is not
 * @param hostHeaders the rule's host names, in file order; may be empty when {@code pathPatterns} is not
 * @param priority the listener rule priority, 1 to 50000, unique within the environment; default
 *     {@link ConfigDefaults#listenerRulePriority(int)} of the service's position
 * @param healthCheck the target group health check
 * @param deregistrationDelaySeconds how long a stopping task keeps its connections, 0 to 3600; default 30
 */
public record ServiceLoadBalancerConfig(
    String container,
    int containerPort,
    List<String> pathPatterns,
    List<String> hostHeaders,
    int priority,
    HealthCheckConfig healthCheck,
    int deregistrationDelaySeconds) {
  public ServiceLoadBalancerConfig {
    Objects.requireNonNull(container, "container");
    pathPatterns = pathPatterns == null ? List.of() : List.copyOf(pathPatterns);
    hostHeaders = hostHeaders == null ? List.of() : List.copyOf(hostHeaders);
    Objects.requireNonNull(healthCheck, "healthCheck");
  }
}

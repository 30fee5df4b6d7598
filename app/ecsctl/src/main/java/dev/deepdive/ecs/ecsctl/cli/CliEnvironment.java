package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.ClientSettings;
import dev.deepdive.ecs.ecsctl.ops.TimeSource;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What ecsctl takes from its surroundings, injectable so tests run the real command line in-process.
 *
 * @param terminal where confirmations are asked
 * @param clientTuning last say over the client settings (tests: static credentials, fast retries)
 * @param time clock and sleep for waiting loops
 * @param interrupts how Ctrl-C reaches a waiting loop
 * @param variables the environment variables ecsctl reads itself (AWS_REGION, AWS_DEFAULT_REGION); the AWS
 *     SDK reads the process's own for credentials and profiles
 */
public record CliEnvironment(Terminal terminal, UnaryOperator<ClientSettings> clientTuning, TimeSource time,
    Interrupts interrupts, Map<String, String> variables) {

  public CliEnvironment {
    Objects.requireNonNull(terminal, "terminal");
    Objects.requireNonNull(clientTuning, "clientTuning");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(interrupts, "interrupts");
    variables = Map.copyOf(variables);
  }

  /** No environment variables: what tests use unless they set some. */
  public CliEnvironment(Terminal terminal, UnaryOperator<ClientSettings> clientTuning, TimeSource time,
      Interrupts interrupts) {
    this(terminal, clientTuning, time, interrupts, Map.of());
  }

  /** The real process: its console, the SDK's default chains, the system clock, Ctrl-C, its environment. */
  public static CliEnvironment system() {
    return new CliEnvironment(Terminal.system(), UnaryOperator.identity(), TimeSource.system(), Interrupts.system(),
        System.getenv());
  }

  /** A non-blank environment variable, or {@code null}. */
  String variable(String name) {
    String value = variables.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }
}

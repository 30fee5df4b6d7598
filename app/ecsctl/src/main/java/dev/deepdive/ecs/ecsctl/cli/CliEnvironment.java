package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.ClientSettings;
import dev.deepdive.ecs.ecsctl.ops.TimeSource;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What ecsctl takes from its surroundings, injectable so tests run the real command line in-process.
 *
 * @param terminal where confirmations are asked
 * @param clientTuning last say over the client settings (tests: static credentials, fast retries)
 * @param time clock and sleep for waiting loops
 * @param interrupts how Ctrl-C reaches a waiting loop
 */
public record CliEnvironment(Terminal terminal, UnaryOperator<ClientSettings> clientTuning, TimeSource time,
    Interrupts interrupts) {

  public CliEnvironment {
    Objects.requireNonNull(terminal, "terminal");
    Objects.requireNonNull(clientTuning, "clientTuning");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(interrupts, "interrupts");
  }

  /** The real process: its console, the SDK's default chains, the system clock, Ctrl-C. */
  public static CliEnvironment system() {
    return new CliEnvironment(Terminal.system(), UnaryOperator.identity(), TimeSource.system(), Interrupts.system());
  }
}

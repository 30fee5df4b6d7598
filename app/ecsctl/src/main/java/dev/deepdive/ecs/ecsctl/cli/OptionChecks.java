package dev.deepdive.ecs.ecsctl.cli;

import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Bounds of option values picocli's types do not express, checked before any AWS call (emptiness is checked for
 * every command by {@link NonEmptyValues}, a duration's ceiling by {@link DurationConverter}).
 */
final class OptionChecks {
  /** A wait shorter than a second cannot see anything change; one longer than a day is a typo. */
  static final Duration MIN_WAIT = Duration.ofSeconds(1);
  static final Duration MAX_WAIT = Duration.ofHours(24);

  private OptionChecks() {}

  /** A --timeout of a waiting command: 1s to 24h. */
  static void waitTimeout(CommandSpec spec, Duration value) {
    DurationConverter.requireWithin(spec.commandLine(), "--timeout", value, MIN_WAIT, MAX_WAIT);
  }

  /** A look-back such as --since: 1s up to the converter's ceiling (7 days). */
  static void lookBack(CommandSpec spec, String option, Duration value) {
    DurationConverter.requireWithin(spec.commandLine(), option, value, MIN_WAIT, DurationConverter.CEILING);
  }

  /** {@code value} must be at least {@code min}. */
  static void atLeast(CommandSpec spec, String option, int value, int min) {
    if (value < min) {
      throw new ParameterException(spec.commandLine(), option + " must be at least " + min + ", got " + value);
    }
  }
}

package dev.deepdive.ecs.ecsctl.cli;

import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks of option values picocli's types do not express; each fails as a usage error, before any AWS call. */
final class OptionChecks {
  private OptionChecks() {}

  /** {@code value} must be more than zero. */
  static void positive(CommandSpec spec, String option, Duration value) {
    if (value.isZero() || value.isNegative()) {
      throw new ParameterException(spec.commandLine(),
          option + " must be greater than 0, got '" + DurationConverter.format(value) + "'");
    }
  }

  /** Every value of a name option must have a non-blank value. */
  static void notBlank(CommandSpec spec, String option, List<String> values) {
    for (String value : values) {
      notBlank(spec, option, value);
    }
  }

  static void notBlank(CommandSpec spec, String option, String value) {
    if (value != null && value.isBlank()) {
      throw new ParameterException(spec.commandLine(), option + " must not be empty");
    }
  }

  /** {@code value} must be at least {@code min}. */
  static void atLeast(CommandSpec spec, String option, int value, int min) {
    if (value < min) {
      throw new ParameterException(spec.commandLine(), option + " must be at least " + min + ", got " + value);
    }
  }
}

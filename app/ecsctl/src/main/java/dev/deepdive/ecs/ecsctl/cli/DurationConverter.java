package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.Durations;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses {@code 90s}, {@code 10m}, {@code 1h}, {@code 1h30m}, {@code 500ms}: what people type for a timeout.
 * Anything above {@link #CEILING} is refused here, so no arithmetic downstream can overflow; each option then
 * checks its own range with {@link #requireWithin}.
 */
public final class DurationConverter implements ITypeConverter<Duration> {
  /** No ecsctl wait is meant to last longer than a week; beyond, a typo is likelier than intent. */
  static final Duration CEILING = Duration.ofDays(7);
  private static final Pattern WHOLE = Pattern.compile("(?:[0-9]+(?:ms|h|m|s))+");
  private static final Pattern PART = Pattern.compile("([0-9]+)(ms|h|m|s)");
  private static final String FORM = "use a number and a unit (ms, s, m, h), e.g. 90s, 10m, 1h30m";

  @Override
  public Duration convert(String value) {
    String text = value == null ? "" : value.trim();
    if (!WHOLE.matcher(text).matches()) {
      throw new TypeConversionException("'" + value + "' is not a duration: " + FORM);
    }
    Duration total = Duration.ZERO;
    Matcher part = PART.matcher(text);
    try {
      while (part.find()) {
        long amount = Long.parseLong(part.group(1));
        total = total.plus(switch (part.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          default -> Duration.ofHours(amount);
        });
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // A number too long for a long, or hours that overflow seconds: both are far past the ceiling.
      throw tooLarge(value);
    }
    if (total.compareTo(CEILING) > 0) {
      throw tooLarge(value);
    }
    return total;
  }

  private static TypeConversionException tooLarge(String value) {
    return new TypeConversionException("'" + value + "' is too large a duration: at most "
        + Durations.format(CEILING) + " (" + CEILING.toDays() + " days)");
  }

  /**
   * A usage error unless {@code min <= value <= max}; a {@code null} value (option not given) passes.
   *
   * @param option the option's name as typed, e.g. {@code --timeout}
   */
  static void requireWithin(CommandLine commandLine, String option, Duration value, Duration min, Duration max) {
    if (value != null && (value.compareTo(min) < 0 || value.compareTo(max) > 0)) {
      throw new ParameterException(commandLine, option + " must be from " + Durations.format(min) + " to "
          + Durations.format(max) + ", got '" + Durations.format(value) + "'");
    }
  }
}

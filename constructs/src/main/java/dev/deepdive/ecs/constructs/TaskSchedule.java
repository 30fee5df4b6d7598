package dev.deepdive.ecs.constructs;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When EventBridge Scheduler runs a scheduled task: one of its three expression forms, and for {@code cron} and
 * {@code at} an optional IANA time zone (default UTC), as
 * https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html defines them:
 * <ul>
 *   <li>{@code cron(minutes hours day-of-month month day-of-week year)}: six fields; one of day-of-month and
 *       day-of-week must be {@code ?};</li>
 *   <li>{@code rate(value unit)}: a positive whole number and {@code minute}, {@code hour} or {@code day}, singular
 *       for 1 and plural otherwise ({@code rate(1 hour)}, {@code rate(5 minutes)});</li>
 *   <li>{@code at(yyyy-mm-ddThh:mm:ss)}: once, at that local time.</li>
 * </ul>
 *
 * @param expression the Scheduler expression, as written
 * @param timeZone   an IANA zone such as {@code Europe/Berlin}; empty for UTC. A cron schedule in a zone with
 *                   daylight saving time follows the local clock.
 */
public record TaskSchedule(String expression, Optional<String> timeZone) {
  private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)");
  private static final Pattern RATE = Pattern.compile("rate\\(([0-9]+) ([a-z]+)\\)");
  private static final Pattern AT = Pattern.compile("at\\(([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2})\\)");
  /** Characters a cron field may hold: digits, names (JAN, MON), and , - * / ? L W #. */
  private static final Pattern CRON_FIELD = Pattern.compile("[0-9A-Za-z,\\-*/?LW#]+");
  private static final String FORMS = "cron(minutes hours day-of-month month day-of-week year), rate(value unit) or"
      + " at(yyyy-mm-ddThh:mm:ss)";

  /**
   * @throws IllegalArgumentException naming the value received and the forms allowed
   */
  public TaskSchedule {
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(timeZone, "timeZone");
    String problem = problem(expression);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    if (timeZone.isPresent()) {
      if (expression.startsWith("rate(")) {
        throw new IllegalArgumentException("a time zone applies to cron() and at() schedules only, got '"
            + timeZone.get() + "' with '" + expression + "'");
      }
      try {
        ZoneId.of(timeZone.get());
      } catch (DateTimeException e) {
        throw new IllegalArgumentException("not an IANA time zone, got '" + timeZone.get()
            + "'; use a name such as UTC, Europe/Berlin or America/New_York");
      }
    }
  }

  /** A schedule in UTC. */
  public static TaskSchedule of(String expression) {
    return new TaskSchedule(expression, Optional.empty());
  }

  private static String problem(String expression) {
    Matcher cron = CRON.matcher(expression);
    if (cron.matches()) {
      String[] fields = cron.group(1).trim().split(" +");
      if (fields.length != 6) {
        return "a cron expression has 6 fields (minutes hours day-of-month month day-of-week year), got "
            + fields.length + " in '" + expression + "'";
      }
      for (String field : fields) {
        if (!CRON_FIELD.matcher(field).matches()) {
          return "cron field '" + field + "' in '" + expression + "' holds characters a cron field cannot;"
              + " allowed: digits, names (JAN, MON), and , - * / ? L W #";
        }
      }
      if (!"?".equals(fields[2]) && !"?".equals(fields[4])) {
        return "in '" + expression + "' one of day-of-month (3rd field) and day-of-week (5th field) must be ?,"
            + " e.g. cron(0 2 * * ? *) for 02:00 every day";
      }
      return null;
    }
    Matcher rate = RATE.matcher(expression);
    if (rate.matches()) {
      long value;
      try {
        value = Long.parseLong(rate.group(1));
      } catch (NumberFormatException e) {
        value = 0;
      }
      String unit = rate.group(2);
      String singular = unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
      if (value < 1 || value > Integer.MAX_VALUE) {
        return "a rate needs a positive whole number, got '" + expression + "'";
      }
      if (!singular.equals("minute") && !singular.equals("hour") && !singular.equals("day")) {
        return "a rate's unit is minute(s), hour(s) or day(s), got '" + unit + "' in '" + expression + "'";
      }
      if ((value == 1) != unit.equals(singular)) {
        return "write rate(1 " + singular + ") and rate(N " + singular + "s), got '" + expression + "'";
      }
      return null;
    }
    Matcher at = AT.matcher(expression);
    if (at.matches()) {
      try {
        LocalDateTime.parse(at.group(1));
      } catch (DateTimeParseException e) {
        return "not a date and time, got '" + at.group(1) + "' in '" + expression + "'";
      }
      return null;
    }
    return "not a schedule expression, got '" + expression + "'; expected " + FORMS;
  }
}

package dev.deepdive.ecs.constructs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** EventBridge Scheduler's three expression forms and the time zone, as the docs' examples write them. */
class TaskScheduleTest {

  @ParameterizedTest
  @ValueSource(strings = {"cron(0 2 * * ? *)", "cron(30 1 ? * MON-FRI *)", "cron(0 9 L * ? 2027)",
      "cron(0/15 8-17 ? * 2#1 *)", "rate(1 minute)", "rate(5 minutes)", "rate(1 hour)", "rate(12 hours)",
      "rate(1 day)", "rate(7 days)", "at(2026-12-31T23:00:00)"})
  void acceptsTheDocumentedForms(String expression) {
    assertThat(TaskSchedule.of(expression).expression()).isEqualTo(expression);
  }

  @Test
  void acceptsAnIanaTimeZoneForCronAndAt() {
    assertThat(new TaskSchedule("cron(0 2 * * ? *)", Optional.of("Europe/Berlin")).timeZone())
        .contains("Europe/Berlin");
    assertThat(new TaskSchedule("at(2026-12-31T23:00:00)", Optional.of("UTC")).timeZone()).contains("UTC");
  }

  @Test
  void rejectsAFiveFieldUnixCron() {
    assertThatThrownBy(() -> TaskSchedule.of("cron(0 2 * * *)")).hasMessage("a cron expression has 6 fields"
        + " (minutes hours day-of-month month day-of-week year), got 5 in 'cron(0 2 * * *)'");
  }

  @Test
  void rejectsACronWithBothDayFields() {
    assertThatThrownBy(() -> TaskSchedule.of("cron(0 2 * * * *)")).hasMessage("in 'cron(0 2 * * * *)' one of"
        + " day-of-month (3rd field) and day-of-week (5th field) must be ?, e.g. cron(0 2 * * ? *) for 02:00 every day");
  }

  @Test
  void rejectsAWrongRateUnitOrNumber() {
    assertThatThrownBy(() -> TaskSchedule.of("rate(1 hours)"))
        .hasMessage("write rate(1 hour) and rate(N hours), got 'rate(1 hours)'");
    assertThatThrownBy(() -> TaskSchedule.of("rate(5 hour)"))
        .hasMessage("write rate(1 hour) and rate(N hours), got 'rate(5 hour)'");
    assertThatThrownBy(() -> TaskSchedule.of("rate(2 weeks)"))
        .hasMessage("a rate's unit is minute(s), hour(s) or day(s), got 'weeks' in 'rate(2 weeks)'");
    assertThatThrownBy(() -> TaskSchedule.of("rate(0 minutes)"))
        .hasMessage("a rate needs a positive whole number, got 'rate(0 minutes)'");
  }

  @Test
  void rejectsAnImpossibleDate() {
    assertThatThrownBy(() -> TaskSchedule.of("at(2026-02-30T10:00:00)"))
        .hasMessage("not a date and time, got '2026-02-30T10:00:00' in 'at(2026-02-30T10:00:00)'");
  }

  @Test
  void rejectsAnythingElseNamingTheForms() {
    assertThatThrownBy(() -> TaskSchedule.of("daily at 2am")).hasMessage("not a schedule expression, got"
        + " 'daily at 2am'; expected cron(minutes hours day-of-month month day-of-week year), rate(value unit) or"
        + " at(yyyy-mm-ddThh:mm:ss)");
  }

  @Test
  void rejectsAnUnknownZoneAndAZoneOnARate() {
    assertThatThrownBy(() -> new TaskSchedule("cron(0 2 * * ? *)", Optional.of("Europe/Berlinn")))
        .hasMessage("not an IANA time zone, got 'Europe/Berlinn'; use a name such as UTC, Europe/Berlin or"
            + " America/New_York");
    assertThatThrownBy(() -> new TaskSchedule("rate(1 day)", Optional.of("UTC")))
        .hasMessage("a time zone applies to cron() and at() schedules only, got 'UTC' with 'rate(1 day)'");
  }
}

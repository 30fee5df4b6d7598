package dev.deepdive.ecs.ecsctl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deepdive.ecs.ecsctl.ops.Durations;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {
  private final DurationConverter converter = new DurationConverter();

  @Test void parsesEachUnit() {
    assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(converter.convert("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(converter.convert("10m")).isEqualTo(Duration.ofMinutes(10));
    assertThat(converter.convert("1h")).isEqualTo(Duration.ofHours(1));
  }

  @Test void parsesCombinations() {
    assertThat(converter.convert("1h30m")).isEqualTo(Duration.ofMinutes(90));
  }

  @Test void rejectsANumberWithoutUnit() {
    assertThatThrownBy(() -> converter.convert("600")).isInstanceOf(TypeConversionException.class)
        .hasMessage("'600' is not a duration: use a number and a unit (ms, s, m, h), e.g. 90s, 10m, 1h30m");
  }

  @Test void formatsBackInTheSameNotation() {
    assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(Durations.format(Duration.ofMinutes(10))).isEqualTo("10m");
  }

  @Test void hoursThatOverflowSecondsAreTooLargeNotAnArithmeticError() {
    assertThatThrownBy(() -> converter.convert("2562047788015215h")).isInstanceOf(TypeConversionException.class)
        .hasMessage("'2562047788015215h' is too large a duration: at most 168h (7 days)");
  }

  @Test void aNumberLongerThanALongIsTooLarge() {
    assertThatThrownBy(() -> converter.convert("99999999999999999999s")).isInstanceOf(TypeConversionException.class)
        .hasMessageStartingWith("'99999999999999999999s' is too large a duration");
  }

  @Test void justAboveTheCeilingIsTooLarge() {
    assertThat(converter.convert("168h")).isEqualTo(Duration.ofDays(7));
    assertThatThrownBy(() -> converter.convert("168h1ms")).isInstanceOf(TypeConversionException.class);
  }
}

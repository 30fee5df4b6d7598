package dev.deepdive.ecs.ecsctl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    assertThat(DurationConverter.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(DurationConverter.format(Duration.ofMinutes(10))).isEqualTo("10m");
  }
}

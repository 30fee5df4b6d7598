package dev.deepdive.ecs.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EnvironmentSelectionTest {
  private static List<EnvironmentConfig> all;

  @BeforeAll
  static void load() {
    all = EnvironmentLoader.loadAll(Path.of("app/environments"));
  }

  private static List<String> selected(String contextValue) {
    return EnvironmentLoader.select(all, contextValue).stream().map(EnvironmentConfig::name).toList();
  }

  private static List<String> problemsSelecting(String contextValue) {
    return catchThrowableOfType(ConfigException.class, () -> EnvironmentLoader.select(all, contextValue)).problems();
  }

  @Test
  void selectsAllWhenTheValueIsAbsent() {
    assertThat(selected(null)).containsExactly("dev", "prod", "qa");
  }

  @Test
  void selectsAllWhenTheValueIsBlank() {
    assertThat(selected(" ")).containsExactly("dev", "prod", "qa");
  }

  @Test
  void selectsTheNamedEnvironmentsInLoadOrder() {
    assertThat(selected("qa,dev")).containsExactly("dev", "qa");
  }

  @Test
  void toleratesSpacesAndATrailingComma() {
    assertThat(selected(" dev , qa,")).containsExactly("dev", "qa");
  }

  @Test
  void rejectsAnUnknownEnvironment() {
    assertThat(problemsSelecting("dev,stage"))
        .containsExactly("-c environments=dev,stage: unknown environment 'stage'; known: dev, prod, qa");
  }

  @Test
  void reportsEveryUnknownEnvironment() {
    assertThat(problemsSelecting("stage,uat")).containsExactly(
        "-c environments=stage,uat: unknown environment 'stage'; known: dev, prod, qa",
        "-c environments=stage,uat: unknown environment 'uat'; known: dev, prod, qa");
  }

  @Test
  void rejectsAValueThatNamesNothing() {
    assertThat(problemsSelecting(",")).containsExactly(
        "-c environments=,: names no environment; known: dev, prod, qa (leave the value out to synthesize all)");
  }

  @Test
  void namesAreCaseSensitive() {
    assertThat(problemsSelecting("DEV"))
        .containsExactly("-c environments=DEV: unknown environment 'DEV'; known: dev, prod, qa");
  }
}

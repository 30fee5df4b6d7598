package dev.deepdive.ecs.app.config;

import static dev.deepdive.ecs.app.config.ServiceFiles.WORKER;
import static dev.deepdive.ecs.app.config.ServiceFiles.only;
import static dev.deepdive.ecs.app.config.ServiceFiles.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeploymentSectionTest {
  private static final String FILE = "app/environments/qa.json: services[0].deployment";

  private static String deployment(int desiredCount, String fields) {
    return WORKER.replace("\"desiredCount\": 1", "\"desiredCount\": " + desiredCount)
        .replace("}", ", \"deployment\": {" + fields + "}}");
  }

  @Test
  void anEmptyObjectTakesEcsDefaults() {
    assertThat(only(deployment(2, "")).deployment()).isEqualTo(new DeploymentConfig(200, 100, true));
  }

  @Test
  void readsEveryField() {
    assertThat(only(deployment(2, "\"maximumPercent\": 150, \"minimumHealthyPercent\": 50,"
        + " \"circuitBreakerRollback\": false")).deployment()).isEqualTo(new DeploymentConfig(150, 50, false));
  }

  @Test
  void rejectsAMaximumBelow100() {
    assertThat(problems(deployment(2, "\"maximumPercent\": 99"))).containsExactly(
        FILE + ".maximumPercent: must be at least 100, got 99");
  }

  @Test
  void rejectsAMaximumAbove400() {
    assertThat(problems(deployment(2, "\"maximumPercent\": 401"))).containsExactly(
        FILE + ".maximumPercent: must be at most 400, got 401");
  }

  @Test
  void rejectsAMinimumAbove100() {
    assertThat(problems(deployment(2, "\"minimumHealthyPercent\": 101"))).containsExactly(
        FILE + ".minimumHealthyPercent: must be at most 100, got 101");
  }

  @Test
  void rejectsARollbackFlagInQuotes() {
    assertThat(problems(deployment(2, "\"circuitBreakerRollback\": \"true\""))).containsExactly(
        FILE + ".circuitBreakerRollback: expected true or false, got \"true\" (a string)");
  }

  @Test
  void rejectsAMaximumEqualToTheMinimumBecauseNothingCanMove() {
    assertThat(problems(deployment(2, "\"maximumPercent\": 100, \"minimumHealthyPercent\": 100"))).containsExactly(
        FILE + ": a deployment can never make progress, got maximumPercent 100 and minimumHealthyPercent 100 with"
            + " desiredCount 2: ECS may run at most 2 tasks (rounded down) and must keep 2 healthy (rounded up), so"
            + " it can neither start a new task nor stop an old one; raise maximumPercent to at least 150 or lower"
            + " minimumHealthyPercent to at most 50");
  }

  @Test
  void rejectsAMaximumThatRoundsDownToTheDesiredCount() {
    assertThat(problems(deployment(1, "\"maximumPercent\": 150"))).containsExactly(
        FILE + ": a deployment can never make progress, got maximumPercent 150 and minimumHealthyPercent 100 with"
            + " desiredCount 1: ECS may run at most 1 task (rounded down) and must keep 1 healthy (rounded up), so"
            + " it can neither start a new task nor stop an old one; raise maximumPercent to at least 200 or lower"
            + " minimumHealthyPercent to at most 0");
  }

  @Test
  void acceptsNoHeadroomAboveWhenTasksMayStopBelow() {
    assertThat(only(deployment(2, "\"maximumPercent\": 100, \"minimumHealthyPercent\": 50")).deployment()
        .maximumPercent()).isEqualTo(100);
  }

  @Test
  void acceptsAnyPercentagesWhenTheDesiredCountIsZero() {
    assertThat(problems(deployment(0, "\"maximumPercent\": 100, \"minimumHealthyPercent\": 100"))).isEmpty();
  }
}

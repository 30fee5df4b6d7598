package dev.deepdive.ecs.constructs.taskdef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The task must fit at least one of the environment's instance types; the facts come from the placement module. */
class TaskFitCheckTest {
  static final String PATH = "app/task-definitions/web.json";

  static TaskDefinitionDocument doc(String json) {
    return TaskDefinitionDocument.parse(PATH, json);
  }

  static final String WEB = TaskDefinitionRoundTripTest.read("web.json");
  static final String BIG = "{\"family\":\"big\",\"containerDefinitions\":["
      + "{\"name\":\"a\",\"image\":\"app\",\"cpu\":1024,\"memory\":4096},"
      + "{\"name\":\"b\",\"image\":\"app\",\"cpu\":1024,\"memory\":8192,\"memoryReservation\":4096}]}";

  @Test
  void theWebTaskFitsAT2Micro() {
    assertThat(doc(WEB).validateFits(List.of("t2.micro"))).isEqualTo(ValidationReport.clean());
  }

  @Test
  void fitsWhenAnyOneTypeIsBigEnough() {
    assertThat(doc(BIG).validateFits(List.of("t3.micro", "m5.2xlarge")).errors()).isEmpty();
  }

  @Test
  void errorsWhenNoTypeCanPlaceTheTaskNamingNeedsAndCapacities() {
    assertThat(doc(BIG).validateFits(List.of("t3.micro", "m5.large")).errors()).containsExactly(PATH
        + ": containerDefinitions: the task needs 2048 CPU units and 8192 MiB (the sum of the containers' cpu;"
        + " the sum of the containers' memoryReservation, else memory), more than any of the environment's instance"
        + " types can give, so ECS could never place it: t3.micro offers 2048 CPU units and 896 MiB for tasks"
        + " (1 GiB installed); m5.large offers 2048 CPU units and 7946 MiB for tasks (8 GiB installed)");
  }

  @Test
  void usesTaskLevelSizesWhenSet() {
    String json = "{\"family\":\"t\",\"cpu\":\"4 vCPU\",\"memory\":\"4 GB\",\"containerDefinitions\":"
        + "[{\"name\":\"a\",\"image\":\"app\"}]}";

    assertThat(doc(json).validateFits(List.of("m5.large")).errors()).singleElement().asString()
        .startsWith(PATH + ": memory: the task needs 4096 CPU units and 4096 MiB (task-level cpu; task-level memory)");
  }

  @Test
  void countsEcsReservedMemoryAgainstTheInstance() {
    String json = "{\"family\":\"t\",\"containerDefinitions\":[{\"name\":\"a\",\"image\":\"app\",\"memory\":7800}]}";

    assertThat(doc(json).validateFits(List.of("m5.large"), 0).errors()).isEmpty();
    assertThat(doc(json).validateFits(List.of("m5.large"), 256).errors()).hasSize(1);
  }

  @Test
  void anUnknownInstanceTypeIsAnError() {
    ValidationReport report = doc(WEB).validateFits(List.of("t3.micro", "z1d.large"));

    assertThat(report.warnings()).isEmpty();
    assertThat(report.errors()).singleElement().asString().startsWith(PATH + ": containerDefinitions[0].memory:"
        + " cannot check that the task fits: instance type 'z1d.large' is not in this tool's instance type table");
  }

  @Test
  void needsAtLeastOneInstanceType() {
    assertThatThrownBy(() -> doc(WEB).validateFits(List.of()))
        .hasMessage("instanceTypes: at least one instance type is needed, got none");
  }
}

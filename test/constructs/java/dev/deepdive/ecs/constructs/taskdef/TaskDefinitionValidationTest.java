package dev.deepdive.ecs.constructs.taskdef;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One test per validation rule, asserting the message a user sees. */
class TaskDefinitionValidationTest {
  static final String PATH = "app/task-definitions/web.json";

  static List<String> errors(String json) {
    return TaskDefinitionDocument.parse(PATH, json).validate().errors();
  }

  static String task(String topLevel, String... containers) {
    return "{\"family\":\"web\"" + topLevel + ",\"containerDefinitions\":[" + String.join(",", containers) + "]}";
  }

  static String c(String name, String extra) {
    return "{\"name\":\"" + name + "\",\"image\":\"nginx\",\"memory\":128" + extra + "}";
  }

  @Test
  void acceptsAValidMultiContainerTask() {
    assertThat(errors(task("", c("app", ",\"links\":[\"db:database\"]"), c("db", ",\"essential\":false"))))
        .isEmpty();
  }

  @Test
  void errorsOnMoreThanTenContainers() {
    String[] eleven = IntStream.range(0, 11).mapToObj(i -> c("c" + i, "")).toArray(String[]::new);

    assertThat(errors(task("", eleven)))
        .containsExactly(PATH + ": containerDefinitions: 11 containers; a task definition allows at most 10");
  }

  @Test
  void errorsOnNoContainers() {
    assertThat(errors(task("")))
        .containsExactly(PATH + ": containerDefinitions: no containers; a task definition needs at least one");
  }

  @Test
  void errorsOnDuplicateContainerNames() {
    assertThat(errors(task("", c("app", ""), c("app", "")))).containsExactly(PATH + ": containerDefinitions[1].name:"
        + " 'app' is already the name of containerDefinitions[0]; container names must be unique within a task"
        + " definition");
  }

  @Test
  void errorsWhenNoContainerIsEssential() {
    assertThat(errors(task("", c("app", ",\"essential\":false")))).containsExactly(PATH + ": containerDefinitions:"
        + " no essential container; at least one must be essential (essential defaults to true when left out)");
  }

  @Test
  void errorsWhenAContainerHasNoMemoryAndTheTaskNone() {
    String noMemory = "{\"name\":\"app\",\"image\":\"nginx\"}";

    assertThat(errors(task("", noMemory))).containsExactly(PATH + ": containerDefinitions[0]: container 'app' has"
        + " neither memory nor memoryReservation and the task has no task-level memory; on EC2 set one of them");
  }

  @Test
  void acceptsContainersWithoutMemoryWhenTheTaskHasMemory() {
    assertThat(errors(task(",\"memory\":\"512\"", "{\"name\":\"app\",\"image\":\"nginx\"}"))).isEmpty();
  }

  @Test
  void errorsOnMemoryBelowDockersMinimum() {
    assertThat(errors(task("", "{\"name\":\"app\",\"image\":\"nginx\",\"memory\":4}"))).containsExactly(
        PATH + ": containerDefinitions[0].memory: 4 MiB is below Docker's minimum of 6 MiB per container");
  }

  @Test
  void errorsOnMemoryReservationBelowDockersMinimum() {
    assertThat(errors(task("", "{\"name\":\"app\",\"image\":\"nginx\",\"memoryReservation\":5}"))).containsExactly(
        PATH + ": containerDefinitions[0].memoryReservation: 5 MiB is below Docker's minimum of 6 MiB per container");
  }

  @Test
  void errorsWhenMemoryReservationExceedsMemory() {
    assertThat(errors(task("", c("app", ",\"memoryReservation\":256")))).containsExactly(PATH
        + ": containerDefinitions[0].memoryReservation: 256 MiB exceeds memory (128 MiB); the soft limit must not"
        + " exceed the hard limit");
  }

  @Test
  void errorsOnTheSameHostPortTwice() {
    assertThat(errors(task("", c("a", ",\"portMappings\":[{\"containerPort\":80,\"hostPort\":8080}]"),
        c("b", ",\"portMappings\":[{\"containerPort\":81,\"hostPort\":8080,\"protocol\":\"tcp\"}]"))))
        .containsExactly(PATH + ": containerDefinitions[1].portMappings[0]: host port 8080/tcp is already taken by"
            + " containerDefinitions[0].portMappings[0]; a host port can be bound only once per task");
  }

  @Test
  void acceptsTheSameHostPortForTcpAndUdp() {
    assertThat(errors(task("", c("dns", ",\"portMappings\":[{\"containerPort\":53,\"hostPort\":53},"
        + "{\"containerPort\":53,\"hostPort\":53,\"protocol\":\"udp\"}]")))).isEmpty();
  }

  @Test
  void acceptsManyDynamicHostPorts() {
    assertThat(errors(task("", c("a", ",\"portMappings\":[{\"containerPort\":80,\"hostPort\":0}]"),
        c("b", ",\"portMappings\":[{\"containerPort\":80}]")))).isEmpty();
  }

  @Test
  void errorsOnTwoContainersWithTheSamePortInAwsvpcMode() {
    assertThat(errors(task(",\"networkMode\":\"awsvpc\"", c("a", ",\"portMappings\":[{\"containerPort\":80}]"),
        c("b", ",\"portMappings\":[{\"containerPort\":80}]")))).containsExactly(PATH
        + ": containerDefinitions[1].portMappings[0]: host port 80/tcp is already taken by"
        + " containerDefinitions[0].portMappings[0]; a host port can be bound only once per task");
  }

  @Test
  void errorsWhenHostPortDiffersFromContainerPortInAwsvpcMode() {
    assertThat(errors(task(",\"networkMode\":\"awsvpc\"",
        c("a", ",\"portMappings\":[{\"containerPort\":8080,\"hostPort\":80}]")))).containsExactly(PATH
        + ": containerDefinitions[0].portMappings[0].hostPort: in awsvpc network mode hostPort must equal"
        + " containerPort (8080) or be left out; got 80");
  }

  @Test
  void errorsWhenHostPortDiffersFromContainerPortInHostMode() {
    assertThat(errors(task(",\"networkMode\":\"host\"",
        c("a", ",\"portMappings\":[{\"containerPort\":8080,\"hostPort\":0}]")))).containsExactly(PATH
        + ": containerDefinitions[0].portMappings[0].hostPort: in host network mode hostPort must equal"
        + " containerPort (8080) or be left out; got 0");
  }

  @Test
  void errorsOnAPortMappingWithoutAPort() {
    assertThat(errors(task("", c("a", ",\"portMappings\":[{\"protocol\":\"udp\"}]")))).containsExactly(
        PATH + ": containerDefinitions[0].portMappings[0]: needs containerPort (or containerPortRange)");
  }

  @Test
  void errorsOnAMountPointOfAnUndeclaredVolume() {
    assertThat(errors(task(",\"volumes\":[{\"name\":\"logs\"}]",
        c("a", ",\"mountPoints\":[{\"sourceVolume\":\"data\",\"containerPath\":\"/data\"}]")))).containsExactly(PATH
        + ": containerDefinitions[0].mountPoints[0].sourceVolume: 'data' is not a volume of this task;"
        + " declared volumes: 'logs'");
  }

  @Test
  void errorsOnAVolumeDeclaredTwice() {
    assertThat(errors(task(",\"volumes\":[{\"name\":\"logs\"},{\"name\":\"logs\"}]", c("a", "")))).containsExactly(
        PATH + ": volumes[1].name: 'logs' is already declared by volumes[0]; volume names must be unique");
  }

  @Test
  void errorsOnVolumesFromAnUnknownContainer() {
    assertThat(errors(task("", c("a", ",\"volumesFrom\":[{\"sourceContainer\":\"data\"}]")))).containsExactly(PATH
        + ": containerDefinitions[0].volumesFrom[0].sourceContainer: 'data' is not a container of this task;"
        + " containers: 'a'");
  }

  @Test
  void errorsOnVolumesFromItself() {
    assertThat(errors(task("", c("a", ",\"volumesFrom\":[{\"sourceContainer\":\"a\"}]")))).containsExactly(PATH
        + ": containerDefinitions[0].volumesFrom[0].sourceContainer: 'a' is this container itself; name another"
        + " container of the task");
  }

  @Test
  void errorsOnLinksOutsideBridgeMode() {
    assertThat(errors(task(",\"networkMode\":\"awsvpc\"", c("a", ",\"links\":[\"b\"]"), c("b", ""))))
        .containsExactly(PATH + ": containerDefinitions[0].links: links work only in bridge network mode; this task"
            + " uses awsvpc (containers of an awsvpc or host task reach each other on localhost)");
  }

  @Test
  void errorsOnALinkToAnUnknownContainer() {
    assertThat(errors(task("", c("a", ",\"links\":[\"db:database\"]")))).containsExactly(PATH
        + ": containerDefinitions[0].links[0]: 'db' is not a container of this task; containers: 'a'");
  }

  @Test
  void errorsOnADependencyOnAnUnknownContainer() {
    assertThat(errors(task("", c("a", ",\"dependsOn\":[{\"containerName\":\"db\",\"condition\":\"START\"}]"))))
        .containsExactly(PATH + ": containerDefinitions[0].dependsOn[0].containerName: 'db' is not a container of"
            + " this task; containers: 'a'");
  }

  @Test
  void errorsOnADependencyOnItself() {
    assertThat(errors(task("", c("a", ",\"dependsOn\":[{\"containerName\":\"a\",\"condition\":\"START\"}]"))))
        .containsExactly(PATH + ": containerDefinitions[0].dependsOn[0].containerName: 'a' is this container"
            + " itself; a container cannot depend on itself");
  }

  @Test
  void errorsOnHealthyDependencyWithoutAHealthCheck() {
    assertThat(errors(task("", c("a", ",\"dependsOn\":[{\"containerName\":\"db\",\"condition\":\"HEALTHY\"}]"),
        c("db", "")))).containsExactly(PATH + ": containerDefinitions[0].dependsOn[0].condition: HEALTHY needs"
        + " container 'db' to define a healthCheck, and it has none; add one or use START");
  }

  @Test
  void rejectsAnUnknownDependencyCondition() {
    List<String> problems = TaskDefinitionParseTest.problems(task("",
        c("a", ",\"dependsOn\":[{\"containerName\":\"b\",\"condition\":\"RUNNING\"}]"), c("b", "")));

    assertThat(problems).containsExactly(PATH + ": containerDefinitions[0]"
        + ".dependsOn[0].condition: must be one of START, COMPLETE, SUCCESS, HEALTHY; got \"RUNNING\"");
  }

  @Test
  void errorsWhenCompatibilitiesExcludeEc2() {
    assertThat(errors(task(",\"requiresCompatibilities\":[\"FARGATE\"]", c("a", "")))).containsExactly(PATH
        + ": requiresCompatibilities: this tool places tasks on EC2 container instances, so the list must include"
        + " \"EC2\"; got [\"FARGATE\"]");
  }

  @Test
  void reportsEveryProblemOfTheFileTogether() {
    List<String> all = errors(task(",\"networkMode\":\"awsvpc\"",
        c("a", ",\"links\":[\"b\"],\"memoryReservation\":512"), c("a", ",\"essential\":false")));

    assertThat(all.stream().map(e -> e.substring(PATH.length() + 2, e.indexOf(':', PATH.length() + 2)))
        .collect(Collectors.toList()))
        .containsExactly("containerDefinitions[1].name", "containerDefinitions[0].memoryReservation",
            "containerDefinitions[0].links");
  }
}

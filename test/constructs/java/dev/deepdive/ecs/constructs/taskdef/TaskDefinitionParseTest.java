package dev.deepdive.ecs.constructs.taskdef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a file: unknown fields, wrong types and malformed JSON are rejected by name with their JSON path. */
class TaskDefinitionParseTest {
  static final String PATH = "app/task-definitions/web.json";

  static List<String> problems(String json) {
    return catchThrowableOfType(TaskDefinitionProblems.class, () -> TaskDefinitionDocument.parse(PATH, json))
        .problems();
  }

  /** A minimal valid file with {@code extra} spliced into its only container. */
  static String container(String extra) {
    return "{\"family\":\"web\",\"containerDefinitions\":[{\"name\":\"tomcat\",\"image\":\"tomcat\",\"memory\":512"
        + extra + "}]}";
  }

  @Test
  void readsTheWebFileAsItIs() {
    TaskDefinitionDocument doc = TaskDefinitionDocument.parse(PATH, TaskDefinitionRoundTripTest.read("web.json"));

    assertThat(doc.family()).isEqualTo("web");
  }

  @Test
  void rejectsAnUnknownContainerFieldSuggestingTheSupportedOne() {
    assertThat(problems(container(",\"memorySize\":512"))).containsExactly(
        PATH + ": containerDefinitions[0].memorySize: unknown field; did you mean 'memory'?");
  }

  @Test
  void suggestsTheApiSpellingForACloudFormationSpelling() {
    assertThat(problems(container(",\"MemoryReservation\":256"))).containsExactly(
        PATH + ": containerDefinitions[0].MemoryReservation: unknown field; did you mean 'memoryReservation'?");
  }

  @Test
  void rejectsAnUnknownNestedFieldListingTheAllowedOnes() {
    assertThat(problems(container(",\"portMappings\":[{\"containerPort\":80,\"targetPort\":80}]")))
        .containsExactly(PATH + ": containerDefinitions[0].portMappings[0].targetPort: unknown field; allowed in"
            + " portMapping: containerPort, hostPort, protocol, name, appProtocol, containerPortRange");
  }

  @Test
  void rejectsAnUnknownTopLevelFieldWithoutASuggestion() {
    assertThat(problems(container("").replace("{\"family\"", "{\"owner\":\"team-a\",\"family\""))).containsExactly(
        PATH + ": owner: unknown field in taskDefinition (the ECS API's RegisterTaskDefinition names every field;"
            + " docs/task-definitions.md, 'Task definition files')");
  }

  @Test
  void rejectsAnApiFieldThisToolRefusesSayingWhy() {
    assertThat(problems(container("").replace("{\"family\"", "{\"ephemeralStorage\":{\"sizeInGiB\":30},\"family\"")))
        .containsExactly(PATH + ": ephemeralStorage: not supported: Fargate only; on EC2 the task uses the instance's"
            + " Docker storage");
  }

  @Test
  void acceptsEveryApiFieldCloudFormationCanDeploy() {
    TaskDefinitionDocument doc = TaskDefinitionDocument.parse(PATH, container(",\"restartPolicy\":{\"enabled\":true,"
        + "\"restartAttemptPeriod\":60},\"versionConsistency\":\"disabled\""));

    assertThat(doc.toCloudFormationProperties(null, null).get("ContainerDefinitions")).asString()
        .contains("RestartPolicy={Enabled=true, RestartAttemptPeriod=60}", "VersionConsistency=disabled");
  }

  @Test
  void takesEnumerationsFromTheApiModel() {
    // NeuronDevice came with the SDK; nobody typed it into this tool.
    assertThat(TaskDefinitionDocument.parse(PATH, container(",\"resourceRequirements\":[{\"type\":\"NeuronDevice\","
        + "\"value\":\"1\"}]")).containerNames()).containsExactly("tomcat");
    assertThat(problems(container("").replace("{\"family\"",
        "{\"runtimePlatform\":{\"operatingSystemFamily\":\"linux\"},\"family\""))).singleElement().asString()
        .startsWith(PATH + ": runtimePlatform.operatingSystemFamily: must be one of WINDOWS_SERVER_2019_FULL,")
        .endsWith("; got \"linux\" (did you mean 'LINUX'?)");
  }

  @Test
  void explainsDescribeTaskDefinitionOutputFieldsInOneLine() {
    assertThat(problems(container("").replace("{\"family\"", "{\"revision\":3,\"status\":\"ACTIVE\",\"family\"")))
        .containsExactly(PATH + ": revision, status: output of aws ecs describe-task-definition, set by ECS when it"
            + " registers a revision, not input; remove them");
  }

  @Test
  void explainsWrappedDescribeOutputInOneLine() {
    String described = "{\"taskDefinition\":" + container("").replace("{\"family\"",
        "{\"taskDefinitionArn\":\"arn:aws:ecs:us-east-1:111111111111:task-definition/web:3\",\"revision\":3,"
            + "\"compatibilities\":[\"EC2\"],\"registeredAt\":\"2024-01-01T00:00:00Z\",\"family\"") + ",\"tags\":[]}";
    assertThat(problems(described)).containsExactly(PATH + ": this is the output of aws ecs describe-task-definition,"
        + " not a task definition file: keep only the object under \"taskDefinition\" (move \"tags\" into it), and"
        + " remove taskDefinitionArn, revision, compatibilities, registeredAt");
  }

  @Test
  void explainsTheConsolesNullsInOneLine() {
    assertThat(problems(container(",\"cpu\":null,\"linuxParameters\":null").replace("{\"family\"",
        "{\"pidMode\":null,\"family\""))).containsExactly(PATH + ": pidMode, containerDefinitions[0].cpu,"
            + " containerDefinitions[0].linuxParameters: null, as the console's JSON view writes unset fields; remove"
            + " them: a field left out takes ECS's default");
  }

  @Test
  void rejectsAStringWhereAnIntegerIsExpected() {
    assertThat(problems(container(",\"cpu\":\"256\""))).containsExactly(
        PATH + ": containerDefinitions[0].cpu: expected an integer, got a string (\"256\")");
  }

  @Test
  void rejectsAFractionWhereAnIntegerIsExpected() {
    assertThat(problems(container(",\"cpu\":0.5"))).containsExactly(
        PATH + ": containerDefinitions[0].cpu: expected an integer, got a number (0.5)");
  }

  @Test
  void rejectsAStringWhereAListIsExpected() {
    assertThat(problems(container(",\"command\":\"catalina.sh run\""))).containsExactly(
        PATH + ": containerDefinitions[0].command: expected a list of strings, got a string (\"catalina.sh run\")");
  }

  @Test
  void rejectsANonStringValueInAFreeFormMap() {
    assertThat(problems(container(",\"dockerLabels\":{\"com.example.port\":8080}"))).containsExactly(
        PATH + ": containerDefinitions[0].dockerLabels[\"com.example.port\"]: expected a string, got a number (8080)");
  }

  @Test
  void rejectsAValueOutsideAnEnumeration() {
    assertThat(problems(container("").replace("{\"family\"", "{\"networkMode\":\"nat\",\"family\"")))
        .containsExactly(PATH + ": networkMode: must be one of bridge, host, awsvpc, none; got \"nat\"");
  }

  @Test
  void rejectsAMissingRequiredField() {
    assertThat(problems("{\"family\":\"web\",\"containerDefinitions\":[{\"name\":\"tomcat\",\"memory\":512}]}"))
        .containsExactly(PATH + ": containerDefinitions[0].image: required field is missing");
  }

  @Test
  void rejectsTaskMemoryInAnUnknownUnit() {
    assertThat(problems(container("").replace("{\"family\"", "{\"memory\":\"2 TB\",\"family\""))).containsExactly(
        PATH + ": memory: expected MiB as an integer or a string like \"2048\" or \"2 GB\", got a string (\"2 TB\")");
  }

  @Test
  void acceptsTaskCpuAndMemoryAsNumbersOrStringsWithUnits() {
    String json = container("").replace("{\"family\"", "{\"cpu\":\"0.5 vCPU\",\"memory\":1024,\"family\"");

    assertThat(TaskDefinitionDocument.parse(PATH, json).toCloudFormationProperties(null, null))
        .containsEntry("Cpu", "0.5 vCPU").containsEntry("Memory", "1024");
  }

  @Test
  void reportsEveryProblemOfTheFileTogether() {
    assertThat(problems(container(",\"memorySize\":1,\"cpu\":\"1\",\"essential\":\"yes\""))).hasSize(3);
  }

  @Test
  void reportsMalformedJsonWithLineAndColumn() {
    assertThat(problems("{\n  \"family\": \"web\",\n  \"containerDefinitions\": [\n}")).singleElement().asString()
        .startsWith(PATH + ": line 4, column 1: malformed JSON: Unexpected close marker '}'");
  }

  @Test
  void rejectsAKeyGivenTwice() {
    assertThat(problems("{\"family\":\"web\",\"family\":\"web2\"}")).singleElement().asString()
        .startsWith(PATH + ": line 1, column 25: malformed JSON: Duplicate field 'family'");
  }

  @Test
  void rejectsAnEmptyFile() {
    assertThat(problems("  \n")).containsExactly(PATH + ": empty file; expected a task definition object");
  }

  @Test
  void rejectsATopLevelList() {
    assertThat(problems("[]")).containsExactly(PATH + ": expected a JSON object at the top level, got a list");
  }
}

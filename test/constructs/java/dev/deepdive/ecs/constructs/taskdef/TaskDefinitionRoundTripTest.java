package dev.deepdive.ecs.constructs.taskdef;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;

/**
 * Real-world task definition files go through the construct and CloudFormation synthesis unchanged: every
 * field of each file appears in its {@code AWS::ECS::TaskDefinition}, spelled as CloudFormation spells it.
 * One stack holds them all and is synthesized once.
 */
class TaskDefinitionRoundTripTest {
  static final List<String> FILES = List.of(
      "web.json", "tomcat-memcached.json", "bridge-links.json", "awsvpc-healthchecks.json",
      "secrets-logging.json", "efs-docker-linux.json", "task-level-size.json", "api-extras.json");
  static final List<String> INSTANCE_TYPES = List.of("t3.medium", "m5.2xlarge");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Stack stack;
  private static Role executionRole;
  private static Role taskRole;
  private static final Map<String, TaskDefinitionFromJson> BY_FILE = new LinkedHashMap<>();
  private static TaskDefinitionFromJson tagged;
  private static JsonNode resources;
  private static Annotations annotations;

  @BeforeAll
  static void synthesizeOnce() {
    App app = new App();
    stack = new Stack(app, "RoundTrip");
    executionRole = Role.Builder.create(stack, "ExecutionRole")
        .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com")).build();
    taskRole = Role.Builder.create(stack, "TaskRole")
        .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com")).build();
    for (String file : FILES) {
      BY_FILE.put(file, new TaskDefinitionFromJson(stack, constructId(file), props(file)));
    }
    tagged = new TaskDefinitionFromJson(stack, "Tagged", props("secrets-logging.json"));
    Tags.of(tagged).add("environment", "test");
    Template template = Template.fromStack(stack);
    resources = JSON.valueToTree(template.toJSON()).get("Resources");
    annotations = Annotations.fromStack(stack);
  }

  static TaskDefinitionFromJsonProps props(String file) {
    return TaskDefinitionFromJsonProps.of(document(file), executionRole, taskRole, INSTANCE_TYPES);
  }

  static TaskDefinitionDocument document(String file) {
    return TaskDefinitionDocument.parse("test/constructs/resources/taskdef/" + file, read(file));
  }

  static String read(String file) {
    try (InputStream in = TaskDefinitionRoundTripTest.class.getResourceAsStream("/taskdef/" + file)) {
      if (in == null) {
        throw new IllegalStateException("test resource taskdef/" + file + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String constructId(String file) {
    StringBuilder id = new StringBuilder();
    for (String part : file.replace(".json", "").split("-")) {
      id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return id.toString();
  }

  private static JsonNode resource(TaskDefinitionFromJson td) {
    return resources.get(stack.resolve(td.resource().getLogicalId()).toString());
  }

  static List<String> files() {
    return FILES;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void everyFieldOfTheFileReachesTheResourceUnchanged(String file) throws IOException {
    JsonNode input = JSON.readTree(read(file));
    JsonNode properties = resource(BY_FILE.get(file)).get("Properties");

    assertThat(RoundTripComparison.differences(input, properties)).isEmpty();
  }

  @Test
  void fileRoleArnsAreReplacedByTheGeneratedRoles() {
    JsonNode properties = resource(BY_FILE.get("secrets-logging.json")).get("Properties");

    assertThat(properties.get("ExecutionRoleArn")).isEqualTo(JSON.valueToTree(stack.resolve(executionRole.getRoleArn())));
    assertThat(properties.get("TaskRoleArn")).isEqualTo(JSON.valueToTree(stack.resolve(taskRole.getRoleArn())));
  }

  @Test
  void replacedRevisionsAreRetainedForRollback() {
    assertThat(resource(BY_FILE.get("web.json")).path("UpdateReplacePolicy").asText()).isEqualTo("Retain");
  }

  @Test
  void deletingTheStackAlsoKeepsTheRevisions() {
    assertThat(resource(BY_FILE.get("web.json")).path("DeletionPolicy").asText()).isEqualTo("Retain");
  }

  @Test
  void tagsFromTheFileMergeWithTagsAppliedInCdk() {
    JsonNode tags = resource(tagged).get("Properties").get("Tags");

    assertThat(tags).containsExactlyInAnyOrderElementsOf(JSON.valueToTree(List.of(
        Map.of("Key", "team", "Value", "billing"),
        Map.of("Key", "cost-center", "Value", "CC-4711"),
        Map.of("Key", "environment", "Value", "test"))));
  }

  @Test
  void aFiftyMibTomcatIsWarnedAboutAtSynth() {
    annotations.hasWarning("/RoundTrip/Web", Match.stringLikeRegexp(".*50 MiB is far too little.*tomcat.*"));
  }

  @Test
  void replacedRoleFieldsAreReportedAsInfo() {
    annotations.hasInfo("/RoundTrip/SecretsLogging",
        Match.stringLikeRegexp(".*executionRoleArn: replaced by the task execution role.*"));
  }
}

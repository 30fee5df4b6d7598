package dev.deepdive.ecs.constructs.taskdef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rendering additions the caller asks for; the file's own fields are covered by the round-trip test. */
class CloudFormationRenderingTest {
  static final String PATH = "app/task-definitions/shop.json";
  static final String TWO_CONTAINERS = "{\"family\":\"shop\",\"containerDefinitions\":["
      + "{\"name\":\"app\",\"image\":\"ecr:shop-app:1.2\",\"memory\":512},"
      + "{\"name\":\"proxy\",\"image\":\"nginx\",\"memory\":128,"
      + "\"logConfiguration\":{\"logDriver\":\"json-file\",\"options\":{\"max-size\":\"10m\"}}}],"
      + "\"executionRoleArn\":\"arn:aws:iam::123456789012:role/old\"}";
  static final Map<String, Object> AWSLOGS = Map.of("logDriver", "awslogs",
      "options", Map.of("awslogs-group", "/ecs/shop", "awslogs-stream-prefix", "shop"));

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> containers(Map<String, Object> properties) {
    return (List<Map<String, Object>>) properties.get("ContainerDefinitions");
  }

  static Map<String, Object> render(RenderOptions options) {
    return TaskDefinitionDocument.parse(PATH, TWO_CONTAINERS).toCloudFormationProperties("exec-arn", "task-arn",
        options);
  }

  @Test
  void appliesTheImageResolverToEveryContainer() {
    Map<String, Object> props = render(RenderOptions.NONE.withImageResolver(
        image -> image.startsWith("ecr:") ? "123.dkr.ecr.eu-west-1.amazonaws.com/" + image.substring(4) : image));

    assertThat(containers(props)).extracting(c -> c.get("Image"))
        .containsExactly("123.dkr.ecr.eu-west-1.amazonaws.com/shop-app:1.2", "nginx");
  }

  @Test
  void givesTheDefaultLogConfigurationToContainersWithoutOne() {
    Map<String, Object> props = render(RenderOptions.NONE.withDefaultLogConfiguration(AWSLOGS));

    assertThat(containers(props).get(0).get("LogConfiguration")).isEqualTo(Map.of("LogDriver", "awslogs",
        "Options", Map.of("awslogs-group", "/ecs/shop", "awslogs-stream-prefix", "shop")));
  }

  @Test
  void keepsAContainersOwnLogConfiguration() {
    Map<String, Object> props = render(RenderOptions.NONE.withDefaultLogConfiguration(AWSLOGS));

    assertThat(containers(props).get(1).get("LogConfiguration")).isEqualTo(Map.of("LogDriver", "json-file",
        "Options", Map.of("max-size", "10m")));
  }

  @Test
  void addsNoLogConfigurationByDefault() {
    assertThat(containers(render(RenderOptions.NONE)).get(0)).doesNotContainKey("LogConfiguration");
  }

  @Test
  void rejectsADefaultLogConfigurationThatIsNotOne() {
    assertThatThrownBy(() -> render(RenderOptions.NONE.withDefaultLogConfiguration(Map.of("driver", "awslogs"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("defaultLogConfiguration: driver: unknown field; did you mean 'logDriver'?");
  }

  @Test
  void replacesTheFilesRoleArnsWithTheGivenOnes() {
    assertThat(render(RenderOptions.NONE)).containsEntry("ExecutionRoleArn", "exec-arn")
        .containsEntry("TaskRoleArn", "task-arn");
  }

  @Test
  void leavesRoleArnsOutWhenNoneAreGiven() {
    assertThat(TaskDefinitionDocument.parse(PATH, TWO_CONTAINERS).toCloudFormationProperties(null, null))
        .doesNotContainKeys("ExecutionRoleArn", "TaskRoleArn");
  }

  @Test
  void recordsWhichRoleFieldsItReplaces() {
    TaskDefinitionDocument doc = TaskDefinitionDocument.parse(PATH, TWO_CONTAINERS);

    assertThat(doc.replacedFields()).containsExactly("executionRoleArn");
    assertThat(doc.replacementNotices()).containsExactly(PATH + ": executionRoleArn: replaced by the task execution"
        + " role this tool generates for the service; the file's value (arn:aws:iam::123456789012:role/old) is not"
        + " used");
  }
}

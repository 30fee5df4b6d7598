package dev.deepdive.ecs.constructs.grants;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The instance role statements each agent setting implies, as a pure function of the settings. */
class InstanceRoleGrantsTest {
  private static final InstanceRoleGrants.ClusterScope SCOPE =
      new InstanceRoleGrants.ClusterScope("${P}", "${R}", "${A}", "${ClusterArn}");
  private static final String INSTANCES = "arn:${P}:ecs:${R}:${A}:container-instance/*";

  private static List<Permission> derive(String... keyValues) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      settings.put(keyValues[i], keyValues[i + 1]);
    }
    return InstanceRoleGrants.derive(settings, SCOPE);
  }

  @Test
  void settingsWithoutCallsOfTheirOwnNeedNothing() {
    assertThat(derive("ECS_AWSVPC_BLOCK_IMDS", "true", "ECS_LOGLEVEL", "debug", "ECS_ENABLE_SPOT_INSTANCE_DRAINING",
        "false", "ECS_CONTAINER_INSTANCE_PROPAGATE_TAGS_FROM", "none", "ECS_CONTAINER_INSTANCE_TAGS", "{}")).isEmpty();
  }

  @Test
  void containerInstanceTagsAreSetOnlyAtRegistrationAndOnlyWithTheirKeys() {
    assertThat(derive("ECS_CONTAINER_INSTANCE_TAGS", "{\"team\": \"web\", \"tier\": \"front\"}")).containsExactly(
        new Permission("ContainerInstanceTagsOnRegistration", List.of("ecs:TagResource"), List.of(INSTANCES),
            Map.of("StringEquals", Map.of("ecs:CreateAction", List.of("RegisterContainerInstance")),
                "ForAllValues:StringEquals", Map.of("aws:TagKeys", List.of("team", "tier"))),
            List.of("agent.ECS_CONTAINER_INSTANCE_TAGS"),
            Optional.of("A container instance's ID exists only once it registers; the condition ecs:CreateAction ="
                + " RegisterContainerInstance allows tagging only as part of an instance's own registration")));
  }

  @Test
  void tagsPropagatedFromTheInstanceAreReadFromEc2AndTheirKeysAreUnknown() {
    List<Permission> permissions = derive("ECS_CONTAINER_INSTANCE_PROPAGATE_TAGS_FROM", "ec2_instance",
        "ECS_CONTAINER_INSTANCE_TAGS", "{\"team\": \"web\"}");
    assertThat(permissions).extracting(Permission::sid)
        .containsExactly("ContainerInstanceTagsOnRegistration", "ContainerInstanceEc2Tags");
    assertThat(permissions.get(0).conditions())
        .isEqualTo(Map.of("StringEquals", Map.of("ecs:CreateAction", List.of("RegisterContainerInstance"))));
    assertThat(permissions.get(0).sources()).containsExactly("agent.ECS_CONTAINER_INSTANCE_TAGS",
        "agent.ECS_CONTAINER_INSTANCE_PROPAGATE_TAGS_FROM");
    assertThat(permissions.get(1).actions()).containsExactly("ec2:DescribeTags");
    assertThat(permissions.get(1).resources()).containsExactly("*");
  }

  @Test
  void spotDrainingSetsTheInstancesOwnStateInThisClusterOnly() {
    assertThat(derive("ECS_ENABLE_SPOT_INSTANCE_DRAINING", "true")).singleElement().satisfies(p -> {
      assertThat(p.actions()).containsExactly("ecs:UpdateContainerInstancesState");
      assertThat(p.resources()).containsExactly(INSTANCES);
      assertThat(p.conditions()).isEqualTo(Map.of("ArnEquals", Map.of("ecs:cluster", List.of("${ClusterArn}"))));
    });
  }

  @Test
  void theAgentsOwnAwslogsGroupIsCreatedWhenItsOptionsAskForIt() {
    assertThat(derive("ECS_LOG_DRIVER", "awslogs", "ECS_LOG_OPTS",
        "{\"awslogs-group\": \"/ecs/agent\", \"awslogs-create-group\": \"true\"}")).singleElement().satisfies(p -> {
          assertThat(p.actions()).containsExactly("logs:CreateLogGroup");
          assertThat(p.resources()).containsExactly("arn:${P}:logs:${R}:${A}:log-group:/ecs/agent",
              "arn:${P}:logs:${R}:${A}:log-group:/ecs/agent:*");
        });
    assertThat(derive("ECS_LOG_DRIVER", "awslogs", "ECS_LOG_OPTS", "{\"awslogs-group\": \"/ecs/agent\"}")).isEmpty();
  }
}

package dev.deepdive.ecs.constructs.grants;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deepdive.ecs.constructs.AgentSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the container instance role needs beyond the agent's base permissions, for the agent settings an
 * environment writes into {@code ecs.config} ({@link AgentSettings} lists them and what each implies).
 *
 * <p>The agent calls these at start; a call it is denied makes it exit, so the instance runs but never joins the
 * cluster. A pure function of the settings (checked by {@link AgentSettings#check} beforehand).
 */
public final class InstanceRoleGrants {
  private InstanceRoleGrants() {}

  /**
   * The cluster the instances join.
   *
   * @param partition  partition, or a token for {@code AWS::Partition}
   * @param region     region, or a token for {@code AWS::Region}
   * @param account    account ID, or a token for {@code AWS::AccountId}
   * @param clusterArn the cluster's ARN (a token)
   */
  public record ClusterScope(String partition, String region, String account, String clusterArn) {
    public ClusterScope {
      Objects.requireNonNull(partition, "partition");
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(clusterArn, "clusterArn");
    }

    /** Container instance ARNs of this account and region; their ID exists only once an instance registers. */
    String containerInstances() {
      return "arn:" + partition + ":ecs:" + region + ":" + account + ":container-instance/*";
    }
  }

  /**
   * The statements for {@code settings} (the effective {@code ecs.config} lines, without {@code ECS_CLUSTER}); empty
   * when none needs a permission.
   */
  public static List<Permission> derive(Map<String, String> settings, ClusterScope scope) {
    List<Permission> out = new ArrayList<>();
    boolean propagate = "ec2_instance".equals(settings.get("ECS_CONTAINER_INSTANCE_PROPAGATE_TAGS_FROM"));
    List<String> tagKeys = AgentSettings.containerInstanceTagKeys(settings);
    if (propagate || !tagKeys.isEmpty()) {
      // RegisterContainerInstance with tags is authorized as ecs:TagResource too, with ecs:CreateAction naming the
      // creating call: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/supported-iam-actions-tagging.html.
      // With tags from ECS_CONTAINER_INSTANCE_TAGS alone the keys are known, and only they may be set.
      Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>();
      conditions.put("StringEquals", Map.of("ecs:CreateAction", List.of("RegisterContainerInstance")));
      if (!propagate) {
        conditions.put("ForAllValues:StringEquals", Map.of("aws:TagKeys", tagKeys));
      }
      List<String> sources = new ArrayList<>();
      if (!tagKeys.isEmpty()) {
        sources.add("agent.ECS_CONTAINER_INSTANCE_TAGS");
      }
      if (propagate) {
        sources.add("agent.ECS_CONTAINER_INSTANCE_PROPAGATE_TAGS_FROM");
      }
      out.add(new Permission("ContainerInstanceTagsOnRegistration", List.of("ecs:TagResource"),
          List.of(scope.containerInstances()), conditions, sources,
          Optional.of("A container instance's ID exists only once it registers; the condition ecs:CreateAction ="
              + " RegisterContainerInstance allows tagging only as part of an instance's own registration")));
    }
    if (propagate) {
      // The agent reads its instance's EC2 tags to register them with ECS (amazon-ecs-agent: agent/ec2/ec2_client.go,
      // DescribeECSTagsForInstance).
      out.add(new Permission("ContainerInstanceEc2Tags", List.of("ec2:DescribeTags"), List.of("*"), Map.of(),
          List.of("agent.ECS_CONTAINER_INSTANCE_PROPAGATE_TAGS_FROM"),
          Optional.of("ec2:DescribeTags has no resource type, so IAM accepts it on * only; it reads tags, nothing"
              + " else")));
    }
    if (AgentSettings.isTrue(settings.getOrDefault("ECS_ENABLE_SPOT_INSTANCE_DRAINING", "false"))) {
      // On a Spot interruption notice the agent sets its own instance to DRAINING (amazon-ecs-agent:
      // agent/app/agent.go, spotInstanceDrainingPoller). The condition keeps it to this cluster's instances, as the
      // CDK's own drain hook does.
      out.add(new Permission("SpotInstanceDraining", List.of("ecs:UpdateContainerInstancesState"),
          List.of(scope.containerInstances()),
          Map.of("ArnEquals", Map.of("ecs:cluster", List.of(scope.clusterArn()))),
          List.of("agent.ECS_ENABLE_SPOT_INSTANCE_DRAINING"),
          Optional.of("A container instance's ID exists only once it registers; the condition ecs:cluster limits"
              + " the call to this cluster's instances")));
    }
    if ("awslogs".equals(settings.get("ECS_LOG_DRIVER"))) {
      Optional<JsonNode> options = AgentSettings.jsonOptions(settings);
      Optional<String> group = AgentSettings.awslogsGroup(settings);
      boolean create = options.map(o -> AgentSettings.isTrue(o.path("awslogs-create-group").asText(""))).orElse(false);
      if (group.isPresent() && create) {
        // Docker's awslogs driver, which runs the agent's own container here, creates the group with the
        // instance's credentials. https://docs.docker.com/engine/logging/drivers/awslogs/
        String region = options.get().path("awslogs-region").asText(scope.region());
        String arn = "arn:" + scope.partition() + ":logs:" + region + ":" + scope.account() + ":log-group:"
            + group.get();
        out.add(new Permission("AgentLogGroupCreate", List.of("logs:CreateLogGroup"), List.of(arn, arn + ":*"),
            Map.of(), List.of("agent.ECS_LOG_OPTS"),
            Optional.of("The agent's own log group is named exactly; <group>:* is the form CloudWatch Logs"
                + " authorizes some calls on a group against, and covers nothing but that group")));
      }
    }
    return out;
  }
}

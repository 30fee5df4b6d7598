package dev.deepdive.ecs.constructs;

import static dev.deepdive.ecs.constructs.ContainerInstancesTest.options;
import static dev.deepdive.ecs.constructs.ContainerInstancesTest.stack;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deepdive.ecs.testing.ShippedExample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The Auto Scaling group waits for its instances to join the cluster: on creation (CreationPolicy) and when a
 * change replaces them (a rolling update waiting on signals), and the user data sends those signals.
 */
class InstanceSignalsTest {
  private final ShippedExample example = ShippedExample.get();
  private final Template dev = example.template("dev", "Cluster");

  private Map<String, Object> group(Template template) {
    Map<String, Map<String, Object>> groups = template.findResources("AWS::AutoScaling::AutoScalingGroup");
    assertThat(groups).hasSize(1);
    return groups.values().iterator().next();
  }

  @Test
  void creationWaitsForTheDesiredNumberOfInstancesToJoin() {
    example.template("qa", "Cluster").hasResource("AWS::AutoScaling::AutoScalingGroup", Map.of(
        "CreationPolicy", Map.of(
            "ResourceSignal", Map.of("Count", 2, "Timeout", "PT15M"),
            "AutoScalingCreationPolicy", Map.of("MinSuccessfulInstancesPercent", 100))));
  }

  @Test
  void aReplacementRollsOneInstanceAtATimeKeepingEveryOldOneUntilItsReplacementJoined() {
    dev.hasResource("AWS::AutoScaling::AutoScalingGroup", Map.of("UpdatePolicy", Map.of(
        "AutoScalingRollingUpdate", Map.of(
            "MaxBatchSize", 1,
            "MinActiveInstancesPercent", 100,
            "MinSuccessfulInstancesPercent", 100,
            "WaitOnResourceSignals", true,
            "PauseTime", "PT15M",
            "SuspendProcesses", List.of("HealthCheck", "ReplaceUnhealthy", "AZRebalance", "AlarmNotification",
                "ScheduledActions", "InstanceRefresh")),
        "AutoScalingScheduledAction", Map.of("IgnoreUnmodifiedGroupSizeProperties", true))));
  }

  @Test
  void theSignalTimeoutIsBothTheCreationTimeoutAndEachBatchsPause() {
    Template template = Template.fromStack(stack(options().signalTimeoutMinutes(30)));
    template.hasResource("AWS::AutoScaling::AutoScalingGroup", Map.of(
        "CreationPolicy", Match.objectLike(Map.of("ResourceSignal", Map.of("Count", 1, "Timeout", "PT30M"))),
        "UpdatePolicy", Match.objectLike(Map.of("AutoScalingRollingUpdate", Match.objectLike(Map.of(
            "PauseTime", "PT30M"))))));
  }

  @Test
  void aGroupThatStartsEmptyHasNothingToWaitForOnCreation() {
    Template template = Template.fromStack(stack(options().sizes(0, 0, 2)));
    assertThat(group(template)).doesNotContainKey("CreationPolicy");
    assertThat(group(template)).containsKey("UpdatePolicy");
  }

  @Test
  void theUserDataSignalsAboutThisGroupInThisStack() {
    String userData = userData(dev);
    String groupId = dev.findResources("AWS::AutoScaling::AutoScalingGroup").keySet().iterator().next();
    assertThat(userData).contains("readonly resource=\"" + groupId + "\"")
        .contains("readonly stack=\"{\"Ref\":\"AWS::StackId\"}\"");
  }

  @Test
  void theUserDataGivesTheAgentTheSignalTimeoutLessTheBootBudget() {
    assertThat(userData(dev)).contains("readonly registration_timeout=\"600\"");
  }

  @Test
  void theUserDataNamesTheConfigObjectByTheHashOfItsContent() {
    AgentConfigBucket config = example.stage("dev").clusterStack().agentConfig();
    assertThat(userData(dev)).contains("readonly key=\"" + config.configSha256() + "/ecs.config\"")
        .contains("readonly config_sha256=\"" + config.configSha256() + "\"");
  }

  /** The launch template's user data, references shown as their JSON. */
  @SuppressWarnings("unchecked")
  static String userData(Template template) {
    Map<String, Map<String, Object>> templates = template.findResources("AWS::EC2::LaunchTemplate");
    Map<String, Object> properties = (Map<String, Object>) templates.values().iterator().next().get("Properties");
    Map<String, Object> data = (Map<String, Object>) properties.get("LaunchTemplateData");
    Object joined = ((Map<String, Object>) data.get("UserData")).get("Fn::Base64");
    StringBuilder text = new StringBuilder();
    for (Object part : (List<Object>) ((List<Object>) ((Map<String, Object>) joined).get("Fn::Join")).get(1)) {
      text.append(part instanceof String s ? s : new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(part)
          .toString());
    }
    return text.toString();
  }
}

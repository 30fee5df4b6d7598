package dev.deepdive.ecs.constructs;

import static dev.deepdive.ecs.constructs.ContainerInstancesTest.options;
import static dev.deepdive.ecs.constructs.ContainerInstancesTest.stack;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * What makes CloudFormation roll the instances: a change of the launch template (which the group references by
 * its latest version) or of the group's instance types. Each case synthesizes two versions and compares.
 */
class RollingReplacementTest {

  @SuppressWarnings("unchecked")
  private static Object launchTemplateData(Template template) {
    Map<String, Object> properties = (Map<String, Object>) template.findResources("AWS::EC2::LaunchTemplate")
        .values().iterator().next().get("Properties");
    return properties.get("LaunchTemplateData");
  }

  @SuppressWarnings("unchecked")
  private static Object mixedInstancesPolicy(Template template) {
    Map<String, Object> properties = (Map<String, Object>) template.findResources(
        "AWS::AutoScaling::AutoScalingGroup").values().iterator().next().get("Properties");
    return properties.get("MixedInstancesPolicy");
  }

  @Test
  void anAgentSettingChangeChangesTheLaunchTemplate() {
    Template before = Template.fromStack(stack(options().agentSettings(Map.of("ECS_LOGLEVEL", "info"))));
    Template after = Template.fromStack(stack(options().agentSettings(Map.of("ECS_LOGLEVEL", "debug"))));

    assertThat(InstanceSignalsTest.userData(after)).isNotEqualTo(InstanceSignalsTest.userData(before));
  }

  @Test
  void theSameAgentSettingsGiveTheSameLaunchTemplate() {
    Template one = Template.fromStack(stack(options().agentSettings(Map.of("ECS_LOGLEVEL", "info"))));
    Template two = Template.fromStack(stack(options().agentSettings(Map.of("ECS_LOGLEVEL", "info"))));

    assertThat(launchTemplateData(two)).isEqualTo(launchTemplateData(one));
  }

  @Test
  void aPinnedAmiChangeChangesTheLaunchTemplate() {
    Template before = Template.fromStack(stack(options().ami(
        new EcsAmi(EcsAmiFamily.AL2023, Optional.of("ami-0123456789abcdef0"), Optional.empty()))));
    Template after = Template.fromStack(stack(options().ami(
        new EcsAmi(EcsAmiFamily.AL2023, Optional.of("ami-0fedcba9876543210"), Optional.empty()))));

    assertThat(launchTemplateData(after)).isNotEqualTo(launchTemplateData(before));
  }

  @Test
  void anInstanceTypeChangeChangesTheGroupsOverrides() {
    Template before = Template.fromStack(stack(options().types(List.of("t3.small"))));
    Template after = Template.fromStack(stack(options().types(List.of("t3.medium"))));

    assertThat(mixedInstancesPolicy(after)).isNotEqualTo(mixedInstancesPolicy(before));
  }

  @Test
  void theGroupAlwaysLaunchesTheLaunchTemplatesLatestVersion() {
    Template.fromStack(stack(options())).hasResourceProperties("AWS::AutoScaling::AutoScalingGroup", Map.of(
        "MixedInstancesPolicy", Match.objectLike(Map.of("LaunchTemplate", Match.objectLike(Map.of(
            "LaunchTemplateSpecification", Map.of(
                "LaunchTemplateId", Map.of("Ref", Match.stringLikeRegexp("InstancesLaunchTemplate.*")),
                "Version", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("InstancesLaunchTemplate.*"),
                    "LatestVersionNumber")))))))));
  }

  @Test
  void warnsWhenThereIsNoRoomToStartAReplacementFirst() {
    Annotations annotations = Annotations.fromStack(stack(options().sizes(2, 2, 2)));
    annotations.hasWarning("/Test/Instances", Match.stringLikeRegexp(
        "maxSize \\(2\\) equals desiredSize: a rolling replacement cannot start a new instance before its old one.*"));
  }

  @Test
  void noWarningWithRoomToRoll() {
    assertThat(Annotations.fromStack(stack(options().sizes(1, 1, 2)))
        .findWarning("*", Match.stringLikeRegexp(".*rolling replacement.*"))).isEmpty();
  }
}

package dev.deepdive.ecs.constructs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepdive.ecs.testing.ShippedExample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class InstanceRoleTest {
  private final Template cluster = ShippedExample.get().template("dev", "Cluster");

  private String instancePolicy() throws Exception {
    Map<String, Map<String, Object>> policies = cluster.findResources("AWS::IAM::Policy", Map.of(
        "Properties", Map.of("Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("InstanceRole.*"))))));
    assertThat(policies).hasSize(1);
    return new ObjectMapper().writeValueAsString(policies.values().iterator().next());
  }

  @Test
  void isAssumedByEc2() {
    cluster.hasResourceProperties("AWS::IAM::Role", Map.of("AssumeRolePolicyDocument", Map.of("Statement",
        List.of(Map.of("Action", "sts:AssumeRole", "Effect", "Allow",
            "Principal", Map.of("Service", "ec2.amazonaws.com"))))));
  }

  @Test
  void cannotCreateClusters() throws Exception {
    assertThat(instancePolicy()).doesNotContain("ecs:CreateCluster").doesNotContain("\"ecs:*\"");
  }

  @Test
  void registersOnlyIntoItsOwnCluster() {
    cluster.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(
        List.of(Map.of(
            "Action", List.of("ecs:DeregisterContainerInstance", "ecs:RegisterContainerInstance", "ecs:Submit*"),
            "Effect", "Allow",
            "Resource", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("Cluster.*"), "Arn"))))))));
  }

  @Test
  void readsTheEcsConfigObjectsOfItsOwnBucketAndNothingElseInS3() throws Exception {
    cluster.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(
        List.of(Map.of(
            "Action", "s3:GetObject",
            "Effect", "Allow",
            "Resource", Map.of("Fn::Join", List.of("", List.of(
                Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("AgentConfigBucket.*"), "Arn")),
                "/*/ecs.config")))))))));
    assertThat(instancePolicy()).doesNotContain("s3:Get*").doesNotContain("s3:List");
  }

  @Test
  void signalsCloudFormationAboutItsOwnStackOnly() {
    cluster.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(
        List.of(Map.of(
            "Sid", "SignalJoinToCloudFormation",
            "Action", "cloudformation:SignalResource",
            "Effect", "Allow",
            "Resource", Map.of("Ref", "AWS::StackId")))))));
  }

  @Test
  void drainsNoContainerInstancesWithoutSpot() throws Exception {
    assertThat(instancePolicy()).doesNotContain("ecs:UpdateContainerInstancesState");
  }

  @Test
  void usesSessionManagerChannels() {
    cluster.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(
        List.of(Match.objectLike(Map.of("Sid", "SessionManagerChannels",
            "Action", List.of("ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
                "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"))))))));
  }

  @Test
  void pullsNoImagesItselfTheServicesExecutionRolesDo() {
    cluster.hasResourceProperties("AWS::IAM::Policy", Map.of(
        "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("InstanceRole.*"))),
        "PolicyDocument", Map.of("Statement", Match.not(Match.arrayWith(List.of(Match.objectLike(Map.of(
            "Action", Match.arrayWith(List.of("ecr:BatchGetImage"))))))))));
  }
}

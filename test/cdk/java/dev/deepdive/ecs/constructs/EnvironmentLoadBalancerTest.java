package dev.deepdive.ecs.constructs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepdive.ecs.testing.ShippedExample;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class EnvironmentLoadBalancerTest {
  private final Template edge = ShippedExample.get().template("dev", "LoadBalancer");

  @Test
  void writesAccessLogsIntoItsAccessLogBucket() {
    edge.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Map.of("LoadBalancerAttributes",
        Match.arrayWith(List.of(
            Map.of("Key", "access_logs.s3.enabled", "Value", "true"),
            Map.of("Key", "access_logs.s3.bucket", "Value",
                Map.of("Ref", Match.stringLikeRegexp("LoadBalancerAccessLogsBucket.*"))),
            Map.of("Key", "access_logs.s3.prefix", "Value", EnvironmentLoadBalancer.ACCESS_LOG_PREFIX)))));
  }

  @Test
  void withoutARegionTheLogWriterIsTheRegionsElbAccountFromAMapping() {
    edge.hasResourceProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Map.of("Statement",
        Match.arrayWith(List.of(Match.objectLike(Map.of(
            "Sid", "LoadBalancerAccessLogs",
            "Action", "s3:PutObject",
            "Principal", Map.of("AWS", Map.of("Fn::Join", List.of("", List.of(
                "arn:", Map.of("Ref", "AWS::Partition"), ":iam::",
                Map.of("Fn::FindInMap", List.of("Elbv2AccountMap", Map.of("Ref", "AWS::Region"), "value")),
                ":root")))))))))));
  }

  @Test
  void theLoadBalancerWaitsForTheBucketPolicyThatLetsItWrite() {
    edge.hasResource("AWS::ElasticLoadBalancingV2::LoadBalancer", Map.of("DependsOn",
        Match.arrayWith(List.of(Match.stringLikeRegexp("LoadBalancerAccessLogsBucketPolicy.*")))));
  }

  @Test
  void inAKnownRegionTheCdkGrantsThatRegionsElbAccount() {
    Stack stack = new Stack(new App(), "Test", StackProps.builder()
        .env(Environment.builder().account("111111111111").region("eu-west-1").build()).build());
    loadBalancer(stack, Optional.empty());
    // eu-west-1's Elastic Load Balancing account, from the CDK's region facts.
    Map<String, Object> principal = Map.of("AWS", Map.of("Fn::Join", List.of("",
        List.of("arn:", Map.of("Ref", "AWS::Partition"), ":iam::156460612806:root"))));
    Template.fromStack(stack).hasResourceProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Map.of(
        "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
            "Action", "s3:PutObject", "Principal", principal)))))));
  }

  /**
   * Across stacks the subnets are two Fn::ImportValue; the CDK's CloudFormation validation reads them as the same
   * unknown value and reports W9007 "Subnets contains duplicate values". The construct acknowledges that rule,
   * with the cause, on the load balancer. (Validation is off in unit tests, CDK_VALIDATION=false; .ci/run's synth
   * has it on and fails if W9007 is reported unacknowledged.)
   */
  @Test
  void acknowledgesTheValidatorsDuplicateSubnetsWarningWithItsCause() {
    Stack stack = new Stack(new App(), "Test");
    EnvironmentLoadBalancer edge = loadBalancer(stack, Optional.empty());

    List<Object> acknowledged = edge.loadBalancer().getNode().getMetadata().stream()
        .filter(entry -> entry.getType().equals("aws:cdk:acknowledged-rules"))
        .map(entry -> entry.getData()).toList();
    assertThat(acknowledged).singleElement().asString()
        .contains(EnvironmentLoadBalancer.IMPORTED_SUBNETS_RULE)
        .contains("the validator cannot resolve imports and compares them as equal");
  }

  private static EnvironmentLoadBalancer loadBalancer(Stack stack, Optional<String> certificateArn) {
    Network network = new Network(stack, "Network",
        new NetworkProps("10.0.0.0/20", stack.getAvailabilityZones(), 1));
    return new EnvironmentLoadBalancer(stack, "LoadBalancer", new EnvironmentLoadBalancerProps(
        network.vpc(), network.publicSubnets(), certificateArn, 60));
  }
}

package dev.deepdive.ecs.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepdive.ecs.stacks.EnvironmentStage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * Environment-file options the shipped example leaves off, from the file to the template: HTTPS with a
 * certificate, the legacy ECS service role, a task role grant with a justified wildcard, and the container
 * instances' Spot capacity, pinned AMI version and signal timeout.
 */
class EnvironmentOptionsTest {
  private static final String REASON = "the service reads every object of its assets bucket";
  private static final String CERTIFICATE = "arn:aws:acm:us-east-1:111111111111:certificate/0b5c1e7a";
  @TempDir static Path root;
  private static Template edge;
  private static Template web;
  private static Template cluster;
  private static EnvironmentStage dev;

  @BeforeAll
  static void synthesizeDevWithTheOptions() throws Exception {
    Path environments = Files.createDirectories(root.resolve("environments"));
    Path taskDefinitions = Files.createDirectories(root.resolve("task-definitions"));
    for (String file : List.of("web.json", "shop.json")) {
      Files.copy(Path.of("app/task-definitions", file), taskDefinitions.resolve(file));
    }
    Files.writeString(environments.resolve("dev.json"), Files.readString(Path.of("app/environments/dev.json"))
        .replace("\"services\": [", "\"loadBalancer\": {\"certificateArn\": \"" + CERTIFICATE + "\"},\n"
            + "  \"legacyEcsServiceRole\": true,\n  \"services\": [")
        .replace("\"desiredCount\": 1,\n      \"loadBalancer\": {\n        \"container\": \"tomcat\",\n"
            + "        \"containerPort\": 8080,\n        \"pathPatterns\": [\n          \"/*\"",
            "\"desiredCount\": 1,\n      \"taskRole\": {\"statements\": [{\"actions\": [\"s3:GetObject\"],"
            + " \"resources\": [\"arn:aws:s3:::web-assets/*\"], \"wildcardReason\": \"" + REASON + "\"}]},\n"
            + "      \"loadBalancer\": {\n        \"container\": \"tomcat\",\n"
            + "        \"containerPort\": 8080,\n        \"pathPatterns\": [\n          \"/*\"")
        .replace("\"amiFamily\": \"AL2023\"", "\"amiFamily\": \"AL2023\", \"amiParameterVersion\": 42,"
            + " \"signalTimeoutMinutes\": 20, \"spot\": {\"onDemandBaseCapacity\": 1,"
            + " \"allocationStrategy\": \"capacity-optimized\"}"));
    App app = App.Builder.create().outdir(root.resolve("cdk.out").toString())
        .context(Map.of("environmentsDir", environments.toString())).build();
    dev = EcsApp.build(app).get(0);
    edge = Template.fromStack(dev.loadBalancerStack().orElseThrow());
    web = Template.fromStack(dev.serviceStacks().get("ServicesB"));
    cluster = Template.fromStack(dev.clusterStack());
  }

  @Test
  void spotFromTheFileReachesTheGroupAndTheAgentConfiguration() {
    cluster.hasResourceProperties("AWS::AutoScaling::AutoScalingGroup", Map.of("MixedInstancesPolicy",
        Match.objectLike(Map.of("InstancesDistribution", Map.of("OnDemandAllocationStrategy", "prioritized",
            "OnDemandBaseCapacity", 1, "OnDemandPercentageAboveBaseCapacity", 0,
            "SpotAllocationStrategy", "capacity-optimized")))));
    assertThat(dev.clusterStack().agentConfig().ecsConfig()).contains("ECS_ENABLE_SPOT_INSTANCE_DRAINING=true");
  }

  @Test
  void thePinnedParameterVersionAndTheSignalTimeoutReachTheTemplate() {
    cluster.hasResourceProperties("AWS::EC2::LaunchTemplate", Map.of("LaunchTemplateData", Match.objectLike(Map.of(
        "ImageId", "{{resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id:42}}"))));
    cluster.hasResource("AWS::AutoScaling::AutoScalingGroup", Map.of("UpdatePolicy", Match.objectLike(Map.of(
        "AutoScalingRollingUpdate", Match.objectLike(Map.of("PauseTime", "PT20M"))))));
  }

  @Test
  void theClusterWithTheseOptionsPassesTheSecurityGate() {
    Annotations annotations = Annotations.fromStack(dev.clusterStack());
    assertThat(annotations.findError("*", Match.anyValue())).isEmpty();
    assertThat(annotations.findWarning("*", Match.stringLikeRegexp(".*(AwsSolutions|NIST|CdkNag).*"))).isEmpty();
  }

  @Test
  void aCertificateServesHttpsAndRedirectsHttp() {
    edge.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of(
        "Port", 443, "Protocol", "HTTPS", "Certificates", List.of(Map.of("CertificateArn", CERTIFICATE))));
    edge.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of(
        "Port", 80, "DefaultActions", List.of(Match.objectLike(Map.of("Type", "redirect",
            "RedirectConfig", Match.objectLike(Map.of("Protocol", "HTTPS", "Port", "443", "StatusCode", "HTTP_301")))))));
  }

  @Test
  void aJustifiedWildcardIsGrantedAndPassesTheGateWithItsReason() {
    web.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement", List.of(Map.of(
        "Action", "s3:GetObject", "Effect", "Allow", "Resource", "arn:aws:s3:::web-assets/*")))));
    assertThat(Annotations.fromStack(dev.serviceStacks().get("ServicesB"))
        .findError("*", Match.stringLikeRegexp("AwsSolutions-IAM5.*"))).isEmpty();
    assertThat(web.toJSON().toString()).contains("From the environment file: " + REASON);
  }

  @Test
  void eachLoadBalancedServiceGetsALegacyServiceRoleOfItsOwnForEcs() {
    web.hasResourceProperties("AWS::IAM::Role", Map.of("AssumeRolePolicyDocument", Map.of("Statement", List.of(
        Match.objectLike(Map.of("Principal", Map.of("Service", "ecs.amazonaws.com")))))));
    web.hasResourceProperties("AWS::ECS::Service", Map.of("ServiceName", "web", "Role", Match.anyValue()));
  }

  @Test
  void theLegacyServiceRoleRegistersTargetsInItsServicesTargetGroupOnly() {
    web.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(
        Map.of("Action", List.of("elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets"),
            "Effect", "Allow", "Resource", Map.of("Ref", Match.stringLikeRegexp("WebTargetGroup.*"))))))));
    assertThat(edge.findResources("AWS::IAM::Role")).isEmpty();
  }
}

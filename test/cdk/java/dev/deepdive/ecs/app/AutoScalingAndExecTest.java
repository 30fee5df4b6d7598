package dev.deepdive.ecs.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepdive.ecs.stacks.EnvironmentStage;
import dev.deepdive.ecs.stacks.Ids;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * Auto scaling and ECS Exec from the environment file to the template, through the security gate: dev with
 * web scaled on CPU, memory and requests per target with two scheduled actions and ECS Exec on, and shop scaled on
 * CPU alone with its own cooldowns. One synth serves every assertion.
 */
class AutoScalingAndExecTest {
  @TempDir static Path root;
  private static EnvironmentStage dev;
  private static Template web;
  private static Template shop;
  private static Template cluster;

  @BeforeAll
  static void synthesizeDevWithScalingAndExec() throws Exception {
    Path environments = Files.createDirectories(root.resolve("environments"));
    Path taskDefinitions = Files.createDirectories(root.resolve("task-definitions"));
    for (String file : List.of("web.json", "shop.json")) {
      Files.copy(Path.of("app/task-definitions", file), taskDefinitions.resolve(file));
    }
    String devFile = Files.readString(Path.of("app/environments/dev.json"));
    String scaledWeb = "\"name\": \"web\",\n      \"taskDefinition\": \"web.json\",\n      \"enableExecuteCommand\": true,\n"
        + "      \"autoScaling\": {\"minCount\": 2, \"maxCount\": 8, \"targets\": {\"cpuUtilization\": 60,"
        + " \"memoryUtilization\": 75, \"requestsPerTarget\": 500}, \"scheduledActions\": [{\"name\":"
        + " \"business-hours\", \"schedule\": \"cron(0 8 ? * MON-FRI *)\", \"timeZone\": \"Europe/Berlin\","
        + " \"minCount\": 4}, {\"name\": \"evening\", \"schedule\": \"cron(0 20 ? * MON-FRI *)\", \"timeZone\":"
        + " \"Europe/Berlin\", \"minCount\": 2, \"maxCount\": 6}]},";
    String scaledShop = "\"name\": \"shop\",\n      \"taskDefinition\": \"shop.json\",\n"
        + "      \"autoScaling\": {\"minCount\": 1, \"maxCount\": 3, \"targets\": {\"cpuUtilization\": 70},"
        + " \"scaleInCooldownSeconds\": 600, \"scaleOutCooldownSeconds\": 60},";
    String changed = devFile
        .replace("\"name\": \"web\",\n      \"taskDefinition\": \"web.json\",\n      \"desiredCount\": 1,", scaledWeb)
        .replace("\"name\": \"shop\",\n      \"taskDefinition\": \"shop.json\",\n      \"desiredCount\": 1,", scaledShop);
    assertThat(changed).contains("business-hours").contains("\"cpuUtilization\": 70");
    Files.writeString(environments.resolve("dev.json"), changed);
    App app = App.Builder.create().outdir(root.resolve("cdk.out").toString())
        .context(Map.of("environmentsDir", environments.toString())).build();
    dev = EcsApp.build(app).get(0);
    web = Template.fromStack(dev.serviceStacks().get(Ids.serviceGroup("web")));
    shop = Template.fromStack(dev.serviceStacks().get(Ids.serviceGroup("shop")));
    cluster = Template.fromStack(dev.clusterStack());
  }

  private static List<Stack> stacks() {
    List<Stack> all = new ArrayList<>(List.of(dev.networkStack(), dev.clusterStack()));
    dev.loadBalancerStack().ifPresent(all::add);
    all.addAll(dev.serviceStacks().values());
    return all;
  }

  @Test
  void aScaledServiceLeavesItsCountToTheScalerSoADeployKeepsIt() {
    // No DesiredCount: CloudFormation omits it from every update, so a second deploy does not reset the count.
    web.hasResourceProperties("AWS::ECS::Service", Map.of("ServiceName", "web", "DesiredCount", Match.absent()));
    shop.hasResourceProperties("AWS::ECS::Service", Map.of("ServiceName", "shop", "DesiredCount", Match.absent()));
  }

  @Test
  void theScalableTargetHasTheBoundsAndTheScheduledActions() {
    web.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Map.of(
        "ServiceNamespace", "ecs",
        "ScalableDimension", "ecs:service:DesiredCount",
        "MinCapacity", 2,
        "MaxCapacity", 8,
        "RoleARN", Match.absent(),
        "ScheduledActions", List.of(
            Map.of("ScheduledActionName", "business-hours", "Schedule", "cron(0 8 ? * MON-FRI *)",
                "Timezone", "Europe/Berlin", "ScalableTargetAction", Map.of("MinCapacity", 4)),
            Map.of("ScheduledActionName", "evening", "Schedule", "cron(0 20 ? * MON-FRI *)",
                "Timezone", "Europe/Berlin", "ScalableTargetAction", Map.of("MinCapacity", 2, "MaxCapacity", 6)))));
  }

  @Test
  void oneTargetTrackingPolicyPerMetricWithTheDefaultCooldowns() {
    web.resourceCountIs("AWS::ApplicationAutoScaling::ScalingPolicy", 3);
    for (Object[] metric : new Object[][] {{"ECSServiceAverageCPUUtilization", 60},
        {"ECSServiceAverageMemoryUtilization", 75}}) {
      web.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Map.of(
          "PolicyType", "TargetTrackingScaling",
          "TargetTrackingScalingPolicyConfiguration", Map.of(
              "PredefinedMetricSpecification", Map.of("PredefinedMetricType", metric[0]),
              "TargetValue", metric[1], "ScaleInCooldown", 300, "ScaleOutCooldown", 300)));
    }
    shop.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Map.of(
        "TargetTrackingScalingPolicyConfiguration", Map.of(
            "PredefinedMetricSpecification", Map.of("PredefinedMetricType", "ECSServiceAverageCPUUtilization"),
            "TargetValue", 70, "ScaleInCooldown", 600, "ScaleOutCooldown", 60)));
  }

  @Test
  void requestsPerTargetTracksTheTargetGroupBehindTheLoadBalancer() {
    web.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Map.of(
        "TargetTrackingScalingPolicyConfiguration", Match.objectLike(Map.of(
            "PredefinedMetricSpecification", Map.of(
                "PredefinedMetricType", "ALBRequestCountPerTarget",
                // <load balancer full name>/<target group full name>, the first imported from the load balancer stack
                "ResourceLabel", Map.of("Fn::Join", List.of("/", List.of(
                    Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*LoadBalancerFullName.*")),
                    Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("WebTargetGroup.*"),
                        "TargetGroupFullName")))))),
            "TargetValue", 500))));
  }

  @Test
  void execIsOnForWebWithTheTaskRolePermissionsItNeeds() {
    web.hasResourceProperties("AWS::ECS::Service", Map.of("ServiceName", "web", "EnableExecuteCommand", true));
    shop.hasResourceProperties("AWS::ECS::Service", Map.of("ServiceName", "shop",
        "EnableExecuteCommand", Match.absent()));
    web.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(
        Map.of("Action", List.of("ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
            "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"), "Effect", "Allow", "Resource", "*"),
        Match.objectLike(Map.of("Action", "kms:Decrypt")),
        Match.objectLike(Map.of("Action", List.of("logs:CreateLogStream", "logs:DescribeLogStreams",
            "logs:PutLogEvents"))))))));
  }

  @Test
  void theClusterRecordsSessionsEncryptedWithItsOwnRotatedKey() {
    cluster.hasResourceProperties("AWS::ECS::Cluster", Map.of("Configuration", Map.of("ExecuteCommandConfiguration",
        Map.of("KmsKeyId", Match.anyValue(), "Logging", "OVERRIDE", "LogConfiguration", Map.of(
            "CloudWatchLogGroupName", Match.anyValue(), "CloudWatchEncryptionEnabled", true)))));
    cluster.hasResourceProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true));
    cluster.hasResourceProperties("AWS::Logs::LogGroup", Map.of("KmsKeyId", Match.anyValue(),
        "RetentionInDays", 365));
  }

  @Test
  void everyStackPassesTheSecurityGate() {
    for (Stack stack : stacks()) {
      Annotations annotations = Annotations.fromStack(stack);
      assertThat(annotations.findError("*", Match.stringLikeRegexp("(AwsSolutions|NIST).*")).stream()
          .map(m -> m.getId() + " " + m.getEntry().getData()).toList())
          .as(stack.getStackName()).isEmpty();
      assertThat(annotations.findWarning("*", Match.stringLikeRegexp("(AwsSolutions|NIST|CdkNag).*")))
          .as(stack.getStackName()).isEmpty();
    }
  }
}

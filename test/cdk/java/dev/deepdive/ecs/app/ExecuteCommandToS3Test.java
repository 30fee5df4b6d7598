package dev.deepdive.ecs.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepdive.ecs.constructs.AccessLogsBucket;
import dev.deepdive.ecs.constructs.EcsService;
import dev.deepdive.ecs.constructs.EcsServiceProps;
import dev.deepdive.ecs.constructs.ExecuteCommandAudit;
import dev.deepdive.ecs.constructs.Network;
import dev.deepdive.ecs.constructs.NetworkProps;
import dev.deepdive.ecs.constructs.ServiceAutoScaling;
import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * The construct options the environment file does not expose, through the security gate: ECS Exec session records
 * in S3 instead of CloudWatch Logs, and a worker (no load balancer) scaled on memory with minCount 0.
 */
class ExecuteCommandToS3Test {
  private static Stack stack;
  private static Template template;

  @BeforeAll
  static void synthesize() throws Exception {
    Stage stage = new Stage(new App(), "Gate");
    NagGate.apply(stage);
    stack = new Stack(stage, "Test");
    Network network = new Network(stack, "Network", new NetworkProps("10.0.0.0/20", List.of("us-east-1a", "us-east-1b"), 1));
    AccessLogsBucket records = new AccessLogsBucket(stack, "ExecRecords");
    ExecuteCommandAudit audit = new ExecuteCommandAudit(stack, "ExecuteCommand", "c", RetentionDays.ONE_YEAR,
        Optional.of(records.bucket()), Optional.of("sessions/"));
    Cluster cluster = Cluster.Builder.create(stack, "Cluster").vpc(network.vpc()).clusterName("c")
        .containerInsightsV2(ContainerInsights.ENABLED)
        .executeCommandConfiguration(audit.configuration()).build();
    SecurityGroup instances = SecurityGroup.Builder.create(stack, "Instances").vpc(network.vpc()).build();
    String file = "app/task-definitions/web.json";
    new EcsService(stack, "Worker", new EcsServiceProps("worker",
        new EcsServiceProps.ClusterCapacity(cluster.getClusterName(), "cp", List.of("t3.medium"), network.vpc(),
            network.privateSubnets(), instances, 0),
        TaskDefinitionDocument.parse(file, Files.readString(Path.of(file))), 1,
        new EcsServiceProps.Deployment(200, 100, true), EcsServiceProps.PlacementStrategy.SPREAD, List.of(),
        List.of(), RetentionDays.ONE_MONTH, Map.of(), Optional.empty(), false,
        Optional.of(new ServiceAutoScaling(0, 4, Optional.empty(), Optional.of(80), Optional.empty(), 120, 30,
            List.of(new ServiceAutoScaling.ScheduledAction("weekend", "cron(0 0 ? * SAT *)", Optional.empty(),
                Optional.empty(), Optional.of(1))))),
        Optional.of(audit.access())));
    template = Template.fromStack(stack);
  }

  @Test
  void sessionsAreRecordedInS3Encrypted() {
    template.hasResourceProperties("AWS::ECS::Cluster", Map.of("Configuration", Map.of("ExecuteCommandConfiguration",
        Map.of("KmsKeyId", Match.anyValue(), "Logging", "OVERRIDE", "LogConfiguration", Map.of(
            "S3BucketName", Match.anyValue(), "S3EncryptionEnabled", true, "S3KeyPrefix", "sessions/")))));
    // No exec log group: the records go to the bucket only.
    assertThat(template.findResources("AWS::Logs::LogGroup", Map.of("Properties",
        Map.of("KmsKeyId", Match.anyValue())))).isEmpty();
    template.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(
        List.of(Match.objectLike(Map.of("Action", "s3:PutObject")),
            Match.objectLike(Map.of("Action", "s3:GetEncryptionConfiguration")))))));
  }

  @Test
  void aWorkerScalesOnMemoryFromZero() {
    template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Map.of("MinCapacity", 0,
        "MaxCapacity", 4, "ScheduledActions", List.of(Map.of("ScheduledActionName", "weekend",
            "Schedule", "cron(0 0 ? * SAT *)", "ScalableTargetAction", Map.of("MaxCapacity", 1)))));
    template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Map.of(
        "TargetTrackingScalingPolicyConfiguration", Map.of("PredefinedMetricSpecification",
            Map.of("PredefinedMetricType", "ECSServiceAverageMemoryUtilization"), "TargetValue", 80,
            "ScaleInCooldown", 120, "ScaleOutCooldown", 30)));
    template.hasResourceProperties("AWS::ECS::Service", Map.of("DesiredCount", Match.absent()));
  }

  @Test
  void passesTheSecurityGate() {
    Annotations annotations = Annotations.fromStack(stack);
    assertThat(annotations.findError("*", Match.stringLikeRegexp("(AwsSolutions|NIST).*")).stream()
        .map(m -> m.getId() + " " + m.getEntry().getData()).toList()).isEmpty();
    assertThat(annotations.findWarning("*", Match.stringLikeRegexp("(AwsSolutions|NIST|CdkNag).*")).stream()
        .map(m -> m.getId() + " " + m.getEntry().getData()).toList()).isEmpty();
  }
}

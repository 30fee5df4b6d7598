package dev.deepdive.ecs.constructs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionDocument;
import dev.deepdive.ecs.testing.GatedStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * A scheduled task: the schedule's RunTask target, its least-privilege role, retries and dead-letter queue, read
 * from one synth; and every option and the options that interact, each in its own stack through the security gate.
 */
class ScheduledTaskTest {
  private static Template template;

  @BeforeAll
  static void synthesize() {
    Stack stack = GatedStack.create();
    new ScheduledTask(stack, "Nightly", new Fixture(stack).props("nightly-report.json",
        TaskSchedule.of("cron(0 2 * * ? *)"), 2, List.of(), List.of(), true));
    template = Template.fromStack(stack);
  }

  private static Map<String, Object> clusterArn() {
    return Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), ":ecs:",
        Map.of("Ref", "AWS::Region"), ":", Map.of("Ref", "AWS::AccountId"), ":cluster/",
        Map.of("Ref", Match.stringLikeRegexp("Cluster.*")))));
  }

  @Test
  void runsTheTaskDefinitionOnTheClustersCapacityProvider() {
    template.hasResourceProperties("AWS::Scheduler::Schedule", Map.of(
        "ScheduleExpression", "cron(0 2 * * ? *)",
        "State", "ENABLED",
        "FlexibleTimeWindow", Map.of("Mode", "OFF"),
        "Target", Match.objectLike(Map.of(
            "Arn", clusterArn(),
            "EcsParameters", Map.of(
                "TaskDefinitionArn", Map.of("Ref", Match.stringLikeRegexp("NightlyTaskDefinition.*")),
                "TaskCount", 2,
                "CapacityProviderStrategy", List.of(Map.of("CapacityProvider", "cp", "Weight", 1)),
                "EnableECSManagedTags", true,
                "PropagateTags", "TASK_DEFINITION")))));
  }

  @Test
  void retriesAFailedRunTaskThreeTimesWithinAnHourThenDeadLettersIt() {
    template.hasResourceProperties("AWS::Scheduler::Schedule", Map.of("Target", Match.objectLike(Map.of(
        "RetryPolicy", Map.of("MaximumRetryAttempts", 3, "MaximumEventAgeInSeconds", 3600),
        "DeadLetterConfig", Map.of("Arn", Map.of("Fn::GetAtt",
            List.of(Match.stringLikeRegexp("NightlyDeadLetterQueue.*"), "Arn")))))));
  }

  @Test
  void theDeadLetterQueueIsEncryptedKeepsMessages14DaysAndRequiresTls() {
    template.hasResourceProperties("AWS::SQS::Queue", Map.of(
        "SqsManagedSseEnabled", true, "MessageRetentionPeriod", 1209600));
    template.hasResourceProperties("AWS::SQS::QueuePolicy", Map.of("PolicyDocument", Map.of("Statement",
        Match.arrayWith(List.of(Match.objectLike(Map.of("Effect", "Deny",
            "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
  }

  @Test
  void onlyEventBridgeSchedulerOfThisAccountsDefaultGroupMayAssumeTheRole() {
    template.hasResourceProperties("AWS::IAM::Role", Map.of(
        "Description", "EventBridge Scheduler for task nightly-report: RunTask in this cluster",
        "AssumeRolePolicyDocument", Map.of("Statement", List.of(Map.of(
            "Action", "sts:AssumeRole", "Effect", "Allow",
            "Principal", Map.of("Service", "scheduler.amazonaws.com"),
            "Condition", Map.of("StringEquals", Map.of(
                "aws:SourceAccount", Map.of("Ref", "AWS::AccountId"),
                "aws:SourceArn", Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                    ":scheduler:", Map.of("Ref", "AWS::Region"), ":", Map.of("Ref", "AWS::AccountId"),
                    ":schedule-group/default"))))))))));
  }

  @Test
  void theSchedulerRoleMayRunThisFamilyInThisClusterPassExactlyTheTasksRolesAndNothingElse() {
    // A list in the pattern matches exactly: these four statements and no other.
    template.hasResourceProperties("AWS::IAM::Policy", Map.of(
        "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("NightlySchedulerRole.*"))),
        "PolicyDocument", Map.of("Statement", List.of(
            Map.of("Sid", "RunThisTaskDefinitionInThisCluster", "Effect", "Allow", "Action", "ecs:RunTask",
                "Resource", Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), ":ecs:",
                    Map.of("Ref", "AWS::Region"), ":", Map.of("Ref", "AWS::AccountId"),
                    ":task-definition/nightly-report:*"))),
                "Condition", Map.of("ArnEquals", Map.of("ecs:cluster", clusterArn()))),
            Map.of("Sid", "PassTheTasksRoles", "Effect", "Allow", "Action", "iam:PassRole",
                "Resource", List.of(
                    Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("NightlyExecutionRole.*"), "Arn")),
                    Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("NightlyTaskRole.*"), "Arn"))),
                "Condition", Map.of("StringEquals", Map.of("iam:PassedToService", "ecs-tasks.amazonaws.com"))),
            Match.objectLike(Map.of("Sid", "TagTheTasksItStarts", "Action", "ecs:TagResource",
                "Condition", Map.of("StringEquals", Map.of("ecs:CreateAction", "RunTask")))),
            Match.objectLike(Map.of("Action", "sqs:SendMessage", "Resource", Map.of("Fn::GetAtt",
                List.of(Match.stringLikeRegexp("NightlyDeadLetterQueue.*"), "Arn"))))))));
  }

  @Test
  void theTaskGetsItsOwnRolesAndLogGroupAsAServiceDoes() {
    template.hasResourceProperties("AWS::IAM::Role", Map.of("Description",
        "ECS agent for task nightly-report: image pull, logs, secrets"));
    template.hasResourceProperties("AWS::IAM::Role", Map.of("Description", "Containers of task nightly-report"));
    template.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("ContainerDefinitions", List.of(
        Match.objectLike(Map.of("Name", "report", "LogConfiguration", Map.of("LogDriver", "awslogs",
            "Options", Match.objectLike(Map.of("awslogs-stream-prefix", "nightly-report"))))))));
    template.resourceCountIs("AWS::Logs::LogGroup", 1);
  }

  @Test
  void theScheduleWaitsForItsRolesPolicy() {
    template.hasResource("AWS::Scheduler::Schedule", Map.of("DependsOn",
        Match.arrayWith(List.of(Match.stringLikeRegexp("NightlySchedulerRoleDefaultPolicy.*")))));
  }

  @Test
  void awsvpcTasksGetTheTaskSubnetsAndTheirOwnSecurityGroup() {
    Stack stack = GatedStack.create();
    new ScheduledTask(stack, "Orders", new Fixture(stack).props("awsvpc-healthchecks.json",
        TaskSchedule.of("rate(15 minutes)"), 1, List.of(), List.of(), true));

    Template.fromStack(stack).hasResourceProperties("AWS::Scheduler::Schedule", Map.of("Target", Match.objectLike(
        Map.of("EcsParameters", Match.objectLike(Map.of("NetworkConfiguration", Map.of("AwsvpcConfiguration",
            Map.of("AssignPublicIp", "DISABLED",
                "Subnets", List.of(Map.of("Ref", Match.stringLikeRegexp("VpcPrivateSubnet1.*")),
                    Map.of("Ref", Match.stringLikeRegexp("VpcPrivateSubnet2.*"))),
                "SecurityGroups", List.of(Map.of("Fn::GetAtt",
                    List.of(Match.stringLikeRegexp("OrdersTaskSecurityGroup.*"), "GroupId")))))))))));
  }

  @Test
  void overridesBecomeTheTargetInputAndATimeZoneTheExpressionsZone() {
    Stack stack = GatedStack.create();
    new ScheduledTask(stack, "Nightly", new Fixture(stack).props("nightly-report.json",
        new TaskSchedule("cron(30 1 ? * MON-FRI *)", Optional.of("Europe/Berlin")), 1,
        List.of(new ScheduledTaskProps.ContainerOverride("report", List.of("python", "-m", "report", "--weekday"),
            Map.of("REPORT_BUCKET", "reports-prod"))), List.of(), false));

    Template.fromStack(stack).hasResourceProperties("AWS::Scheduler::Schedule", Map.of(
        "ScheduleExpressionTimezone", "Europe/Berlin",
        "State", "DISABLED",
        "Target", Match.objectLike(Map.of("Input", "{\"containerOverrides\":[{\"name\":\"report\",\"command\":"
            + "[\"python\",\"-m\",\"report\",\"--weekday\"],\"environment\":[{\"name\":\"REPORT_BUCKET\","
            + "\"value\":\"reports-prod\"}]}]}"))));
  }

  /** The options, alone and in the combinations that interact (network mode x overrides, grants, secrets, ECR). */
  static Stream<Arguments> optionSpace() {
    return Stream.of(
        Arguments.of("bridge, cron, nothing else", "nightly-report.json", TaskSchedule.of("cron(0 2 * * ? *)"), 1,
            List.of(), List.of(), true),
        Arguments.of("awsvpc, rate, overrides, 10 tasks", "awsvpc-healthchecks.json",
            TaskSchedule.of("rate(1 hour)"), 10, List.of(new ScheduledTaskProps.ContainerOverride("api",
                List.of("serve", "--once"), Map.of())), List.of(), true),
        Arguments.of("secrets, private ECR image, wildcard task role grant, at() in a time zone, disabled",
            "secrets-logging.json", new TaskSchedule("at(2026-12-31T23:00:00)", Optional.of("America/New_York")), 1,
            List.of(new ScheduledTaskProps.ContainerOverride("worker", List.of(), Map.of("MODE", "year-end"))),
            List.of(new TaskRoleGrant(List.of("s3:PutObject"), List.of("arn:aws:s3:::reports/*"),
                Optional.of("the job writes one report object per run under a dated key"))), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optionSpace")
  void passesTheSecurityGate(String name, String file, TaskSchedule schedule, int count,
      List<ScheduledTaskProps.ContainerOverride> overrides, List<TaskRoleGrant> grants, boolean enabled) {
    Stack stack = GatedStack.create();
    ScheduledTask task = new ScheduledTask(stack, "Job", new Fixture(stack).props(file, schedule, count, overrides,
        grants, enabled));

    assertThat(GatedStack.findings(stack, task)).isEmpty();
  }

  /** A VPC, a cluster and an instance security group to schedule into. */
  static final class Fixture {
    final software.amazon.awscdk.services.ec2.Vpc vpc;
    final Cluster cluster;
    final SecurityGroup instances;

    Fixture(Stack stack) {
      vpc = software.amazon.awscdk.services.ec2.Vpc.Builder.create(stack, "Vpc").maxAzs(2).build();
      cluster = Cluster.Builder.create(stack, "Cluster").vpc(vpc).clusterName("c").build();
      instances = SecurityGroup.Builder.create(stack, "Instances").vpc(vpc).build();
    }

    EcsServiceProps.ClusterCapacity capacity() {
      return new EcsServiceProps.ClusterCapacity(cluster.getClusterName(), "cp", List.of("m5.xlarge"), vpc,
          SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build(), instances, 0);
    }

    ScheduledTaskProps props(String file, TaskSchedule schedule, int count,
        List<ScheduledTaskProps.ContainerOverride> overrides, List<TaskRoleGrant> grants, boolean enabled) {
      return new ScheduledTaskProps(new StandaloneTaskProps("nightly-report", capacity(), document(file), grants,
          RetentionDays.ONE_MONTH, Map.of()), schedule, count, overrides, ScheduledTaskProps.RetryPolicy.DEFAULT,
          enabled);
    }
  }

  static TaskDefinitionDocument document(String file) {
    try {
      Path path = Path.of("test/constructs/resources/taskdef", file);
      return TaskDefinitionDocument.parse(path.toString(), Files.readString(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

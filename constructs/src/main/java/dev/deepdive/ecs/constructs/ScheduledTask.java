package dev.deepdive.ecs.constructs;

import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionFromJson;
import dev.deepdive.ecs.placement.NetworkMode;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.iam.ServicePrincipalOpts;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.scheduler.CfnSchedule;
import software.amazon.awscdk.services.scheduler.CfnScheduleProps;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * A task EventBridge Scheduler runs on the cluster: an {@code AWS::Scheduler::Schedule} whose templated target calls
 * ECS {@code RunTask} with the environment's capacity provider, its own task definition, roles and log group (as a
 * service's, see {@link TaskResources}), a least-privilege role for the scheduler, a retry policy, and an encrypted
 * dead-letter queue for invocations that still fail.
 *
 * <p>The scheduler role may do exactly this:
 * <ul>
 *   <li>{@code ecs:RunTask} on the revisions of this task definition's family, and only in this cluster (condition
 *       {@code ecs:cluster}). The family, not the one revision: an invocation Scheduler is still retrying when a deploy
 *       registers the next revision keeps its permission;</li>
 *   <li>{@code iam:PassRole} on exactly the task's execution role and task role, to ECS tasks only;</li>
 *   <li>{@code ecs:TagResource} on this cluster's tasks, only while RunTask creates them: the tasks carry the task
 *       definition's tags (the environment's, for cost allocation) and ECS's managed tags;</li>
 *   <li>{@code sqs:SendMessage} to its dead-letter queue.</li>
 * </ul>
 * Only EventBridge Scheduler in this account, for the default schedule group, may assume it (conditions
 * {@code aws:SourceAccount} and {@code aws:SourceArn}, against the confused deputy problem:
 * https://docs.aws.amazon.com/scheduler/latest/UserGuide/cross-service-confused-deputy-prevention.html).
 *
 * <p>Container overrides travel as the target's input, which Scheduler passes to RunTask as its {@code overrides}.
 */
public final class ScheduledTask extends Construct {
  /** Failed invocations stay this long in the dead-letter queue: SQS's maximum, 14 days. */
  public static final Duration DEAD_LETTER_RETENTION = Duration.days(14);

  private final TaskResources task;
  private final Role schedulerRole;
  private final Queue deadLetterQueue;
  private final CfnSchedule schedule;

  public ScheduledTask(Construct scope, String id, ScheduledTaskProps props) {
    super(scope, id);
    StandaloneTaskProps taskProps = props.task();
    this.task = StandaloneTask.resources(this, taskProps);

    this.deadLetterQueue = Queue.Builder.create(this, "DeadLetterQueue")
        .encryption(QueueEncryption.SQS_MANAGED)
        .enforceSsl(true)
        .retentionPeriod(DEAD_LETTER_RETENTION)
        .build();

    String clusterArn = "arn:" + Aws.PARTITION + ":ecs:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":cluster/"
        + taskProps.clusterCapacity().clusterName();
    String familyRevisions = familyRevisionsArn(taskProps.taskDefinition().family());
    String clusterTasks = "arn:" + Aws.PARTITION + ":ecs:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":task/"
        + taskProps.clusterCapacity().clusterName() + "/*";
    this.schedulerRole = Role.Builder.create(this, "SchedulerRole")
        .assumedBy(new ServicePrincipal("scheduler.amazonaws.com", ServicePrincipalOpts.builder()
            .conditions(Map.of("StringEquals", Map.of(
                "aws:SourceAccount", Aws.ACCOUNT_ID,
                "aws:SourceArn", "arn:" + Aws.PARTITION + ":scheduler:" + Aws.REGION + ":" + Aws.ACCOUNT_ID
                    + ":schedule-group/default")))
            .build()))
        .description("EventBridge Scheduler for task " + taskProps.taskName() + ": RunTask in this cluster")
        .build();
    schedulerRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("RunThisTaskDefinitionInThisCluster")
        .actions(List.of("ecs:RunTask"))
        .resources(List.of(familyRevisions))
        .conditions(Map.of("ArnEquals", Map.of("ecs:cluster", clusterArn)))
        .build());
    schedulerRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("PassTheTasksRoles")
        .actions(List.of("iam:PassRole"))
        .resources(List.of(task.executionRole.getRoleArn(), task.taskRole.getRoleArn()))
        .conditions(Map.of("StringEquals", Map.of("iam:PassedToService", "ecs-tasks.amazonaws.com")))
        .build());
    schedulerRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("TagTheTasksItStarts")
        .actions(List.of("ecs:TagResource"))
        .resources(List.of(clusterTasks))
        .conditions(Map.of("StringEquals", Map.of("ecs:CreateAction", "RunTask")))
        .build());
    // Only SendMessage, what Scheduler needs to dead-letter (grantSendMessages would add GetQueueAttributes and
    // GetQueueUrl).
    schedulerRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("DeadLetterFailedInvocations")
        .actions(List.of("sqs:SendMessage"))
        .resources(List.of(deadLetterQueue.getQueueArn()))
        .build());

    CfnSchedule.EcsParametersProperty.Builder ecs = CfnSchedule.EcsParametersProperty.builder()
        .taskDefinitionArn(task.taskDefinition.taskDefinitionArn())
        .taskCount(props.taskCount())
        .capacityProviderStrategy(List.of(CfnSchedule.CapacityProviderStrategyItemProperty.builder()
            .capacityProvider(taskProps.clusterCapacity().capacityProviderName()).weight(1).build()))
        .enableEcsManagedTags(true)
        .propagateTags("TASK_DEFINITION");
    if (taskProps.taskDefinition().networkMode() == NetworkMode.AWSVPC) {
      SecurityGroup securityGroup = SecurityGroup.Builder.create(this, "TaskSecurityGroup")
          .vpc(taskProps.clusterCapacity().vpc())
          .description("Tasks of task " + taskProps.taskName())
          .allowAllOutbound(true)
          .build();
      ecs.networkConfiguration(CfnSchedule.NetworkConfigurationProperty.builder()
          .awsvpcConfiguration(CfnSchedule.AwsVpcConfigurationProperty.builder()
              .assignPublicIp("DISABLED")
              .subnets(taskProps.clusterCapacity().vpc().selectSubnets(taskProps.clusterCapacity().taskSubnets())
                  .getSubnetIds())
              .securityGroups(List.of(securityGroup.getSecurityGroupId()))
              .build())
          .build());
    }
    CfnSchedule.TargetProperty.Builder target = CfnSchedule.TargetProperty.builder()
        .arn(clusterArn)
        .roleArn(schedulerRole.getRoleArn())
        .ecsParameters(ecs.build())
        .retryPolicy(CfnSchedule.RetryPolicyProperty.builder()
            .maximumRetryAttempts(props.retryPolicy().maximumRetryAttempts())
            .maximumEventAgeInSeconds(props.retryPolicy().maximumEventAgeSeconds())
            .build())
        .deadLetterConfig(CfnSchedule.DeadLetterConfigProperty.builder()
            .arn(deadLetterQueue.getQueueArn()).build());
    props.runTaskOverrides().ifPresent(target::input);

    CfnScheduleProps.Builder schedule = CfnScheduleProps.builder()
        .description("Runs task " + taskProps.taskName() + " (family " + taskProps.taskDefinition().family()
            + ") " + props.schedule().expression()
            + props.schedule().timeZone().map(zone -> " in " + zone).orElse(""))
        .scheduleExpression(props.schedule().expression())
        .flexibleTimeWindow(CfnSchedule.FlexibleTimeWindowProperty.builder().mode("OFF").build())
        .state(props.enabled() ? "ENABLED" : "DISABLED")
        .target(target.build());
    props.schedule().timeZone().ifPresent(schedule::scheduleExpressionTimezone);
    this.schedule = new CfnSchedule(this, "Schedule", schedule.build());
    // The role's policy must exist before Scheduler first assumes the role to call RunTask.
    this.schedule.getNode().addDependency(schedulerRole);

    task.acceptDesignFindings();
    acceptDesignFindings(taskProps.taskDefinition().family());
  }

  /** {@code arn:<partition>:ecs:<region>:<account>:task-definition/<family>:*}: every revision of one family. */
  static String familyRevisionsArn(String family) {
    return "arn:" + Aws.PARTITION + ":ecs:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":task-definition/" + family
        + ":*";
  }

  /** Findings on this construct's own resources that its design answers otherwise; each says how. */
  private void acceptDesignFindings(String family) {
    DesignSuppressions.acceptInlinePolicy(schedulerRole);
    DesignSuppressions.suppressFindings(DesignSuppressions.inlinePolicy(schedulerRole), "AwsSolutions-IAM5",
        "RunTask on the revisions of one family (" + family + "), in this cluster only (condition ecs:cluster):"
            + " an invocation retried across a deploy that registered the next revision keeps working",
        "Resource::arn:<AWS::Partition>:ecs:<AWS::Region>:<AWS::AccountId>:task-definition/" + family + ":*");
    // The cluster's name is a token (from the cluster's stack), which the finding shows in a form of its own.
    DesignSuppressions.suppressFindingsMatching(DesignSuppressions.inlinePolicy(schedulerRole), "AwsSolutions-IAM5",
        "Tags the tasks RunTask creates in this cluster (condition ecs:CreateAction RunTask); their IDs do not exist"
            + " before the call",
        "^Resource::arn:<AWS::Partition>:ecs:<AWS::Region>:<AWS::AccountId>:task\\/[^\\/*]+\\/\\*$");
    DesignSuppressions.suppress(deadLetterQueue, "AwsSolutions-SQS3",
        "This queue is itself a dead-letter queue: EventBridge Scheduler's, for invocations of the schedule that"
            + " failed; a queue for its messages would only hold the same messages again");
  }

  /** The task definition revision the schedule runs. */
  public TaskDefinitionFromJson taskDefinition() {
    return task.taskDefinition;
  }

  public IRole executionRole() {
    return task.executionRole;
  }

  public IRole taskRole() {
    return task.taskRole;
  }

  public LogGroup logGroup() {
    return task.logGroup;
  }

  /** The role EventBridge Scheduler assumes to call RunTask. */
  public IRole schedulerRole() {
    return schedulerRole;
  }

  /** Invocations that failed after the retry policy, for alarms on its depth. */
  public Queue deadLetterQueue() {
    return deadLetterQueue;
  }

  public CfnSchedule schedule() {
    return schedule;
  }
}

package dev.deepdive.ecs.constructs;

import dev.deepdive.ecs.constructs.grants.ArnScope;
import dev.deepdive.ecs.constructs.grants.ExecutionRoleGrants;
import dev.deepdive.ecs.constructs.taskdef.RenderOptions;
import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionDocument;
import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionFromJson;
import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionFromJsonProps;
import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionProblems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * What any task of this tool runs with, whether a service or a schedule starts it or a person runs it: its task
 * definition from the native JSON file, its two roles, and its log group. Not a construct of its own: the resources
 * are made directly in the owner's scope with the IDs {@code Logs}, {@code ExecutionRole}, {@code TaskRole} and
 * {@code TaskDefinition}, which services had before this class existed (construct IDs are a public contract: a new
 * level of nesting would replace every service's roles, log group and task definition).
 *
 * <p>Roles: the <b>execution role</b> is what the ECS agent uses for the tasks, derived from the task definition by
 * {@link ExecutionRoleGrants} (images, registry credentials, secrets, environment files, log drivers, FireLens
 * config), plus writing to the task's own log group when a container logs there. Its warnings (a secret in another
 * account, ...) are CDK warnings on the task definition. The <b>task role</b> is what the containers may do:
 * nothing unless the environment grants it.
 */
final class TaskResources {
  final LogGroup logGroup;
  final Role executionRole;
  final Role taskRole;
  final TaskDefinitionFromJson taskDefinition;
  /**
   * The roles' inline policies, which their grants create; looked up once each (four bridge calls a look-up). Empty
   * when the role is granted nothing (no image in ECR, no secret, no log group of its own, ...).
   */
  private final Optional<IConstruct> executionPolicy;
  /** Only when the environment grants the task role something, or ECS Exec is on. */
  private final Optional<IConstruct> taskPolicy;
  private final List<TaskRoleGrant> taskRoleGrants;
  private final Optional<ExecuteCommandAccess> executeCommand;

  /**
   * Makes the resources in {@code scope}.
   *
   * @param owner                what the roles serve, for their descriptions: {@code service web}, {@code task
   *                             nightly-report}
   * @param logStreamName        the awslogs stream prefix: the service's or task's name
   * @param ecsReservedMemoryMiB the instances' {@code ECS_RESERVED_MEMORY} (0 when not set), for the fit check
   * @param executeCommand       ECS Exec's grants on the task role (a service's); empty: none
   * @throws TaskDefinitionProblems when the file has errors, does not fit the instance types, references what can
   *                                never work, or names an ECR repository the environment does not have
   */
  TaskResources(Construct scope, String owner, String logStreamName, TaskDefinitionDocument document,
      List<String> instanceTypes, int ecsReservedMemoryMiB, List<TaskRoleGrant> taskRoleGrants,
      Optional<ExecuteCommandAccess> executeCommand, RetentionDays logRetention, Map<String, IRepository> repositories) {
    this.taskRoleGrants = List.copyOf(taskRoleGrants);
    this.executeCommand = executeCommand;
    ExecutionRoleGrants.Result grants = ExecutionRoleGrants.derive(document.displayPath(), document.json(),
        arnScope(scope, document, repositories));
    if (!grants.errors().isEmpty()) {
      throw new TaskDefinitionProblems(grants.errors());
    }

    this.logGroup = LogGroup.Builder.create(scope, "Logs")
        .retention(logRetention)
        .removalPolicy(RemovalPolicy.DESTROY)
        .build();
    this.executionRole = Role.Builder.create(scope, "ExecutionRole")
        .assumedBy(SharedCdkValues.ecsTasks())
        .description("ECS agent for " + owner + ": image pull, logs, secrets")
        .build();
    this.taskRole = Role.Builder.create(scope, "TaskRole")
        .assumedBy(SharedCdkValues.ecsTasks())
        .description("Containers of " + owner)
        .build();
    taskRoleGrants.forEach(grant -> taskRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .actions(grant.actions()).resources(grant.resources()).build()));
    executeCommand.ifPresent(this::grantExecuteCommand);
    if (grants.usesDefaultLogConfiguration()) {
      logGroup.grantWrite(executionRole);
    }
    RoleGrants.grant(executionRole, grants.permissions());
    this.executionPolicy = DesignSuppressions.inlinePolicyIfAny(executionRole);
    this.taskPolicy = taskRoleGrants.isEmpty() && executeCommand.isEmpty()
        ? Optional.empty() : Optional.of(DesignSuppressions.inlinePolicy(taskRole));

    RenderOptions render = RenderOptions.NONE
        .withImageResolver(image -> resolveImage(image, repositories))
        .withDefaultLogConfiguration(awslogs(logGroup, logStreamName));
    this.taskDefinition = new TaskDefinitionFromJson(scope, "TaskDefinition", TaskDefinitionFromJsonProps.of(
        document, executionRole, taskRole, instanceTypes).withRenderOptions(render)
        .withEcsReservedMemoryMiB(ecsReservedMemoryMiB));
    grants.warnings().forEach(w ->
        Annotations.of(taskDefinition).addWarningV2(TaskDefinitionFromJson.WARNING_ID, w));
    executionPolicy.ifPresent(policy -> RoleGrants.acceptWildcards(policy, grants.permissions()));
  }

  /**
   * Findings on these resources that their design answers otherwise; each says how. The owner calls this once its own
   * resources exist, so the suppressions keep the order services always had in their templates.
   */
  void acceptDesignFindings() {
    DesignSuppressions.suppress(logGroup, "NIST.800.53.R5-CloudWatchLogGroupEncrypted",
        "CloudWatch Logs encrypts every log group at rest with keys it manages; a customer managed KMS key costs"
            + " a monthly fee per environment and adds a key policy to keep right, while reading the logs is"
            + " already limited by IAM");
    executionPolicy.ifPresent(DesignSuppressions::acceptInlinePolicyResource);
    taskPolicy.ifPresent(DesignSuppressions::acceptInlinePolicyResource);
    acceptJustifiedWildcards();
    executeCommand.ifPresent(this::acceptExecuteCommandWildcards);
  }

  /**
   * What ECS Exec needs from the task role
   * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html#ecs-exec-required-iam-permissions):
   * the SSM agent's message channels, decrypting with the cluster's session key, and writing the session records.
   */
  private void grantExecuteCommand(ExecuteCommandAccess access) {
    taskRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .actions(List.of("ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
            "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"))
        .resources(List.of("*"))
        .build());
    taskRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .actions(List.of("kms:Decrypt"))
        .resources(List.of(access.key().getKeyArn()))
        .build());
    access.logGroup().ifPresent(group -> {
      taskRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
          .actions(List.of("logs:DescribeLogGroups"))
          .resources(List.of("*"))
          .build());
      taskRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
          .actions(List.of("logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"))
          .resources(List.of(group.getLogGroupArn() + ":*"))
          .build());
    });
    access.bucket().ifPresent(bucket -> {
      taskRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
          .actions(List.of("s3:PutObject"))
          .resources(List.of(bucket.arnForObjects(access.keyPrefix().orElseThrow() + "*")))
          .build());
      taskRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
          .actions(List.of("s3:GetEncryptionConfiguration"))
          .resources(List.of(bucket.getBucketArn()))
          .build());
    });
  }

  /** The wildcards ECS Exec's task role grant cannot avoid, each for the reason IAM gives none narrower. */
  private void acceptExecuteCommandWildcards(ExecuteCommandAccess access) {
    IConstruct policy = taskPolicy.orElseThrow();
    DesignSuppressions.suppressFindings(policy, "AwsSolutions-IAM5", "ECS Exec: the ssmmessages channel actions and"
        + " logs:DescribeLogGroups have no resource type, so IAM accepts them on * only; session records are"
        + " written to the cluster's exec log group or bucket only", "Resource::*");
    // The group and bucket are the cluster stack's: their logical IDs are known there only.
    access.logGroup().ifPresent(group -> DesignSuppressions.suppressFindingsMatching(policy, "AwsSolutions-IAM5",
        "ECS Exec writes its session records into log streams it creates in the cluster's exec log group: the"
            + " streams are named per session, so only the group's stream wildcard fits",
        "^Resource::<[A-Za-z0-9]+\\.Arn>:\\*$"));
    access.bucket().ifPresent(bucket -> DesignSuppressions.suppressFindingsMatching(policy, "AwsSolutions-IAM5",
        "ECS Exec writes one object per session under the cluster's exec key prefix",
        "^Resource::<[A-Za-z0-9]+\\.Arn>/.*\\*$"));
  }

  /** The environment file's reasons for its task role wildcards become the gate's suppressions, narrowly. */
  private void acceptJustifiedWildcards() {
    for (TaskRoleGrant grant : taskRoleGrants) {
      IConstruct policy = taskPolicy.orElseThrow();
      grant.wildcardReason().ifPresent(reason -> {
        DesignSuppressions.suppressFindings(policy, "AwsSolutions-IAM5",
            "From the environment file: " + reason, grant.wildcardFindings().toArray(String[]::new));
        if (grant.grantsAFullService()) {
          DesignSuppressions.suppress(policy,
              "NIST.800.53.R5-IAMPolicyNoStatementsWithFullAccess", "From the environment file: " + reason);
        }
      });
    }
  }

  /** awslogs into the task's group; ordered maps, so the template is the same on every synth. */
  private static Map<String, Object> awslogs(LogGroup logGroup, String streamPrefix) {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("awslogs-group", logGroup.getLogGroupName());
    options.put("awslogs-region", Aws.REGION);
    options.put("awslogs-stream-prefix", streamPrefix);
    Map<String, Object> configuration = new LinkedHashMap<>();
    configuration.put("logDriver", "awslogs");
    configuration.put("options", options);
    return configuration;
  }

  /**
   * Where references without partition, region or account point: the stack's own, as pseudo parameters, so the
   * template is the same whether or not the environment pins its account and region; the pinned account, when there
   * is one, tells references to other accounts apart.
   */
  private static ArnScope arnScope(Construct scope, TaskDefinitionDocument document,
      Map<String, IRepository> repositories) {
    String account = Stack.of(scope).getAccount();
    // Only the repositories the images name: each ARN is a call across the jsii bridge.
    Map<String, String> repositoryArns = new LinkedHashMap<>();
    document.json().path("containerDefinitions").forEach(c -> EcrImageReference.parse(c.path("image").asText(""))
        .map(EcrImageReference::repository).filter(repositories::containsKey)
        .ifPresent(name -> repositoryArns.computeIfAbsent(name, n -> repositories.get(n).getRepositoryArn())));
    return new ArnScope(Aws.PARTITION, Aws.REGION, Aws.ACCOUNT_ID, Aws.URL_SUFFIX,
        Token.isUnresolved(account) ? Optional.empty() : Optional.of(account), repositoryArns);
  }

  private static String resolveImage(String image, Map<String, IRepository> repositories) {
    if (!EcrImageReference.isEcrReference(image)) {
      return image;
    }
    EcrImageReference reference = EcrImageReference.parse(image)
        .filter(r -> repositories.containsKey(r.repository()))
        .orElseThrow(() -> new TaskDefinitionProblems(List.of("image '" + image + "': names no ECR repository of"
            + " this environment; known: " + repositories.keySet().stream().sorted().toList()
            + " (as ecr://<name>[:tag])")));
    return repositories.get(reference.repository()).repositoryUriForTag(reference.tag());
  }
}

package dev.deepdive.ecs.constructs;

import dev.deepdive.ecs.constructs.grants.ArnScope;
import dev.deepdive.ecs.constructs.grants.ExecutionRoleGrants;
import dev.deepdive.ecs.constructs.taskdef.ContainerPort;
import dev.deepdive.ecs.constructs.taskdef.RenderOptions;
import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionDocument;
import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionFromJson;
import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionFromJsonProps;
import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionProblems;
import dev.deepdive.ecs.placement.NetworkMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnTag;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.IConnectable;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecs.CfnService;
import software.amazon.awscdk.services.ecs.CfnServiceProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListenerRule;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCondition;
import software.amazon.awscdk.services.elasticloadbalancingv2.TargetType;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * One ECS service on the cluster's container instances: its task definition from the native JSON file, its two
 * roles, its log group and, when it takes traffic, its target group and listener rule on the environment's load
 * balancer.
 *
 * <p>The service is an L1 {@link CfnService}: the L2 {@code Ec2Service} needs an L2 task definition, which cannot
 * carry every native field (see {@link TaskDefinitionFromJson}). Its defaults are therefore set here, explicitly:
 * the deployment bounds and circuit breaker from the props, placement spread over zones then instances (the
 * ECS service scheduler's default), the environment's capacity provider, tags propagated from the service to its tasks.
 *
 * <p>Roles: the <b>execution role</b> is what the ECS agent uses for this service's tasks, derived from the task
 * definition by {@link ExecutionRoleGrants} (images, registry credentials, secrets, environment files, log
 * drivers, FireLens config), plus writing to the service's own log group when a container logs there. Its
 * warnings (a secret in another account, ...) are CDK warnings on the task definition. The <b>task role</b> is what
 * the containers may do: nothing unless the environment grants it. Registering targets with the load balancer is
 * done by ECS's service-linked role, unless the service asks for a legacy service role of its own.
 */
public final class EcsService extends Construct {
  /** The tag every service carries, with its stack's name as the value; ecsctl drain-delete refuses such services. */
  public static final String MANAGED_BY_STACK_TAG = "deep-dive:cloudformation-stack-name";

  /** Docker's ephemeral host ports on the ECS-optimized AMIs, which dynamic port mappings take from. */
  public static final int EPHEMERAL_FROM = 32768;
  public static final int EPHEMERAL_TO = 65535;

  private final Role executionRole;
  private final Role taskRole;
  private final LogGroup logGroup;
  private final TaskDefinitionFromJson taskDefinition;
  private final CfnService service;
  private final ApplicationTargetGroup targetGroup;
  /** Only when the environment asks for the legacy ECS service role and the service is load balanced. */
  private final Role legacyServiceRole;
  /**
   * The roles' inline policies, which their grants create; looked up once each (four bridge calls a look-up). Empty
   * when the role is granted nothing (no image in ECR, no secret, no log group of its own, ...).
   */
  private final Optional<IConstruct> executionPolicy;
  /** Only when the environment grants the task role something. */
  private final Optional<IConstruct> taskPolicy;

  public EcsService(Construct scope, String id, EcsServiceProps props) {
    super(scope, id);
    NetworkMode networkMode = props.taskDefinition().networkMode();
    if (props.legacyServiceRole() && networkMode == NetworkMode.AWSVPC) {
      // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html (role): a task definition
      // in awsvpc mode needs the service-linked role, and ECS refuses the service with a role of its own.
      throw new TaskDefinitionProblems(List.of(props.taskDefinition().displayPath() + ": networkMode: service "
          + props.serviceName() + " uses awsvpc, for which ECS registers targets with its service-linked role and"
          + " refuses a legacy ECS service role; set legacyEcsServiceRole to false, or use bridge or host mode"));
    }
    Optional<ContainerPort> target = props.loadBalancing().map(lb -> targetPort(props, lb));
    ExecutionRoleGrants.Result grants = ExecutionRoleGrants.derive(props.taskDefinition().displayPath(),
        props.taskDefinition().json(), arnScope(props.taskDefinition(), props.repositories()));
    if (!grants.errors().isEmpty()) {
      throw new TaskDefinitionProblems(grants.errors());
    }

    this.logGroup = LogGroup.Builder.create(this, "Logs")
        .retention(props.logRetention())
        .removalPolicy(RemovalPolicy.DESTROY)
        .build();
    this.executionRole = Role.Builder.create(this, "ExecutionRole")
        .assumedBy(SharedCdkValues.ecsTasks())
        .description("ECS agent for service " + props.serviceName() + ": image pull, logs, secrets")
        .build();
    this.taskRole = Role.Builder.create(this, "TaskRole")
        .assumedBy(SharedCdkValues.ecsTasks())
        .description("Containers of service " + props.serviceName())
        .build();
    props.taskRoleGrants().forEach(grant -> taskRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .actions(grant.actions()).resources(grant.resources()).build()));
    props.executeCommand().ifPresent(this::grantExecuteCommand);
    if (grants.usesDefaultLogConfiguration()) {
      logGroup.grantWrite(executionRole);
    }
    RoleGrants.grant(executionRole, grants.permissions());
    this.executionPolicy = DesignSuppressions.inlinePolicyIfAny(executionRole);
    this.taskPolicy = props.taskRoleGrants().isEmpty() && props.executeCommand().isEmpty()
        ? Optional.empty() : Optional.of(DesignSuppressions.inlinePolicy(taskRole));

    RenderOptions render = RenderOptions.NONE
        .withImageResolver(image -> resolveImage(image, props.repositories()))
        .withDefaultLogConfiguration(awslogs(logGroup, props.serviceName()));
    this.taskDefinition = new TaskDefinitionFromJson(this, "TaskDefinition", TaskDefinitionFromJsonProps.of(
        props.taskDefinition(), executionRole, taskRole, props.clusterCapacity().instanceTypes()).withRenderOptions(render)
        .withEcsReservedMemoryMiB(props.clusterCapacity().ecsReservedMemoryMiB()));
    grants.warnings().forEach(w ->
        Annotations.of(taskDefinition).addWarningV2(TaskDefinitionFromJson.WARNING_ID, w));
    executionPolicy.ifPresent(policy -> RoleGrants.acceptWildcards(policy, grants.permissions()));

    CfnServiceProps.Builder service = CfnServiceProps.builder()
        .cluster(props.clusterCapacity().clusterName())
        .serviceName(props.serviceName())
        .taskDefinition(taskDefinition.taskDefinitionArn())
        .capacityProviderStrategy(List.of(CfnService.CapacityProviderStrategyItemProperty.builder()
            .capacityProvider(props.clusterCapacity().capacityProviderName()).weight(1).build()))
        .deploymentConfiguration(CfnService.DeploymentConfigurationProperty.builder()
            .maximumPercent(props.deployment().maximumPercent())
            .minimumHealthyPercent(props.deployment().minimumHealthyPercent())
            .deploymentCircuitBreaker(CfnService.DeploymentCircuitBreakerProperty.builder()
                .enable(props.deployment().circuitBreakerRollback())
                .rollback(props.deployment().circuitBreakerRollback())
                .build())
            .build())
        .placementStrategies(placementStrategies(props.placementStrategy()))
        .placementConstraints(props.placementConstraints().stream()
            .map(c -> CfnService.PlacementConstraintProperty.builder()
                .type(c.get("type")).expression(c.get("expression")).build())
            .toList())
        .enableEcsManagedTags(true)
        .propagateTags("SERVICE")
        // CloudFormation does not tag ECS services with aws:cloudformation:stack-name
        // (https://github.com/aws-cloudformation/cloudformation-coverage-roadmap/issues/2062); this tag is what
        // tells `ecsctl drain-delete` that a stack owns the service and a drain would fight the next deploy.
        .tags(List.of(CfnTag.builder().key(MANAGED_BY_STACK_TAG).value(Stack.of(this).getStackName()).build()));
    if (props.autoScaling().isEmpty()) {
      // With auto scaling the count is the scaler's: see ServiceScaling.
      service.desiredCount(props.desiredCount());
    }
    if (props.executeCommand().isPresent()) {
      service.enableExecuteCommand(true);
    }

    ISecurityGroup taskSecurityGroup = null;
    if (networkMode == NetworkMode.AWSVPC) {
      taskSecurityGroup = SecurityGroup.Builder.create(this, "TaskSecurityGroup")
          .vpc(props.clusterCapacity().vpc())
          .description("Tasks of service " + props.serviceName())
          .allowAllOutbound(true)
          .build();
      service.networkConfiguration(CfnService.NetworkConfigurationProperty.builder()
          .awsvpcConfiguration(CfnService.AwsVpcConfigurationProperty.builder()
              .assignPublicIp("DISABLED")
              .subnets(props.clusterCapacity().vpc().selectSubnets(props.clusterCapacity().taskSubnets()).getSubnetIds())
              .securityGroups(List.of(taskSecurityGroup.getSecurityGroupId()))
              .build())
          .build());
    }

    ApplicationListenerRule rule = null;
    if (props.loadBalancing().isPresent()) {
      ServiceLoadBalancing lb = props.loadBalancing().get();
      ContainerPort port = target.orElseThrow();
      this.targetGroup = ApplicationTargetGroup.Builder.create(this, "TargetGroup")
          .vpc(props.clusterCapacity().vpc())
          .targetType(networkMode == NetworkMode.AWSVPC ? TargetType.IP : TargetType.INSTANCE)
          .protocol(ApplicationProtocol.HTTP)
          .port(port.containerPort())
          .deregistrationDelay(SharedCdkValues.seconds(lb.deregistrationDelaySeconds()))
          .healthCheck(software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck.builder()
              .path(lb.healthCheck().path())
              .interval(SharedCdkValues.seconds(lb.healthCheck().intervalSeconds()))
              .timeout(SharedCdkValues.seconds(lb.healthCheck().timeoutSeconds()))
              .healthyThresholdCount(lb.healthCheck().healthyThresholdCount())
              .unhealthyThresholdCount(lb.healthCheck().unhealthyThresholdCount())
              .healthyHttpCodes(lb.healthCheck().healthyHttpCodes())
              .build())
          .build();
      List<ListenerCondition> conditions = new ArrayList<>();
      if (!lb.pathPatterns().isEmpty()) {
        conditions.add(ListenerCondition.pathPatterns(lb.pathPatterns()));
      }
      if (!lb.hostHeaders().isEmpty()) {
        conditions.add(ListenerCondition.hostHeaders(lb.hostHeaders()));
      }
      rule = ApplicationListenerRule.Builder.create(this, "ListenerRule")
          .listener(lb.loadBalancer().serviceListener())
          .priority(lb.priority())
          .conditions(conditions)
          // The rule makes the forward action itself: one bridge call less than ListenerAction.forward.
          .targetGroups(List.of(targetGroup))
          .build();
      // Instances (bridge, host) or tasks (awsvpc) accept the load balancer, on the ports traffic arrives on. Through
      // the receivers' Connections, from their side: the CDK puts both the ingress rule and the load balancer's
      // matching egress rule into the receivers' stack (the cluster's for instances, this one for a task security
      // group), which already depends on the load balancer's stack, so no split of the stacks can make a cycle;
      // services sharing a port range share one pair of rules (the CDK names a rule by peer and ports).
      ISecurityGroup receivers = taskSecurityGroup != null ? taskSecurityGroup : props.clusterCapacity().instanceSecurityGroup();
      IConnectable loadBalancer = lb.loadBalancer().securityGroup();
      if (port.dynamicHostPort()) {
        receivers.getConnections().allowFrom(loadBalancer, Port.tcpRange(EPHEMERAL_FROM, EPHEMERAL_TO),
            "Load balancer to dynamic host ports");
      } else {
        int hostPort = networkMode == NetworkMode.AWSVPC ? port.containerPort() : port.hostPort();
        receivers.getConnections().allowFrom(loadBalancer, Port.tcp(hostPort),
            "Load balancer to " + props.serviceName() + " port " + hostPort);
      }
      service.loadBalancers(List.of(CfnService.LoadBalancerProperty.builder()
              .containerName(lb.container())
              .containerPort(lb.containerPort())
              .targetGroupArn(targetGroup.getTargetGroupArn())
              .build()))
          .healthCheckGracePeriodSeconds(lb.healthCheckGracePeriodSeconds());
      if (props.legacyServiceRole()) {
        this.legacyServiceRole = legacyServiceRole(props.serviceName(), targetGroup);
        service.role(legacyServiceRole.getRoleArn());
      } else {
        this.legacyServiceRole = null;
      }
    } else {
      this.targetGroup = null;
      this.legacyServiceRole = null;
    }

    this.service = new CfnService(this, "Service", service.build());
    if (rule != null) {
      // ECS refuses a target group that is not yet attached to the load balancer.
      this.service.getNode().addDependency(rule);
    }
    if (legacyServiceRole != null) {
      // The role with its policy: ECS checks at creation that it can register targets.
      this.service.getNode().addDependency(legacyServiceRole);
    }
    props.autoScaling().ifPresent(scaling -> new ServiceScaling(this, "Scaling", this.service,
        props.clusterCapacity().clusterName(), scaling, props.loadBalancing().map(lb -> Fn.join("/", List.of(
            lb.loadBalancer().loadBalancer().getLoadBalancerFullName(), targetGroup.getTargetGroupFullName())))));
    acceptDesignFindings();
    acceptJustifiedWildcards(props.taskRoleGrants());
    props.executeCommand().ifPresent(this::acceptExecuteCommandWildcards);
  }

  /**
   * The legacy ECS service role (what ECS used before its service-linked role), for this service alone, so that it
   * can register and deregister targets in this service's target group and no other. The AWS managed policy for the
   * role, AmazonEC2ContainerServiceRole, grants register and deregister on every load balancer, and
   * ec2:AuthorizeSecurityGroupIngress, which is left out: the template opens the ports itself, and ECS need not
   * change security groups. Its read-only elasticloadbalancing:Describe* and ec2:Describe* calls stay, and their
   * two findings are accepted with that reason.
   * https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonEC2ContainerServiceRole.html
   */
  private Role legacyServiceRole(String serviceName, ApplicationTargetGroup targets) {
    Role role = Role.Builder.create(this, "LegacyServiceRole")
        .assumedBy(new ServicePrincipal("ecs.amazonaws.com"))
        .description("Legacy ECS service role of service " + serviceName + ": registers its tasks as targets")
        .build();
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .actions(List.of("elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets"))
        .resources(List.of(targets.getTargetGroupArn()))
        .build());
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .actions(List.of("elasticloadbalancing:Describe*", "ec2:Describe*"))
        .resources(List.of("*"))
        .build());
    IConstruct policy = DesignSuppressions.inlinePolicy(role);
    DesignSuppressions.suppressFindings(policy, "AwsSolutions-IAM5", "Read-only Describe calls, as the AWS managed"
        + " policy AmazonEC2ContainerServiceRole grants them to ECS; Describe calls have no resource-level"
        + " permissions, so IAM accepts them on * only. Registering targets is granted on this service's target"
        + " group alone", "Action::elasticloadbalancing:Describe*", "Action::ec2:Describe*", "Resource::*");
    DesignSuppressions.acceptInlinePolicyResource(policy);
    return role;
  }

  /** Findings on this service's resources that its design answers otherwise; each says how. */
  private void acceptDesignFindings() {
    DesignSuppressions.suppress(logGroup, "NIST.800.53.R5-CloudWatchLogGroupEncrypted",
        "CloudWatch Logs encrypts every log group at rest with keys it manages; a customer managed KMS key costs"
            + " a monthly fee per environment and adds a key policy to keep right, while reading the logs is"
            + " already limited by IAM");
    executionPolicy.ifPresent(DesignSuppressions::acceptInlinePolicyResource);
    taskPolicy.ifPresent(DesignSuppressions::acceptInlinePolicyResource);
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
  private void acceptJustifiedWildcards(List<TaskRoleGrant> grants) {
    for (TaskRoleGrant grant : grants) {
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

  /** awslogs into the service's group; ordered maps, so the template is the same on every synth. */
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
  private ArnScope arnScope(TaskDefinitionDocument document, Map<String, IRepository> repositories) {
    String account = Stack.of(this).getAccount();
    // Only the repositories the images name: each ARN is a call across the jsii bridge.
    Map<String, String> repositoryArns = new LinkedHashMap<>();
    document.json().path("containerDefinitions").forEach(c -> EcrImageReference.parse(c.path("image").asText(""))
        .map(EcrImageReference::repository).filter(repositories::containsKey)
        .ifPresent(name -> repositoryArns.computeIfAbsent(name, n -> repositories.get(n).getRepositoryArn())));
    return new ArnScope(Aws.PARTITION, Aws.REGION, Aws.ACCOUNT_ID, Aws.URL_SUFFIX,
        Token.isUnresolved(account) ? Optional.empty() : Optional.of(account), repositoryArns);
  }

  private static ContainerPort targetPort(EcsServiceProps props, ServiceLoadBalancing lb) {
    return props.taskDefinition().containerPort(lb.container(), lb.containerPort()).orElseThrow(() ->
        new TaskDefinitionProblems(List.of(props.taskDefinition().displayPath() + ": service "
            + props.serviceName() + " routes to container '" + lb.container() + "' port " + lb.containerPort()
            + ", which the task definition does not declare; declared: " + props.taskDefinition().containerPorts()
                .stream().map(p -> p.containerName() + ":" + p.containerPort()).toList())));
  }

  private static List<CfnService.PlacementStrategyProperty> placementStrategies(EcsServiceProps.PlacementStrategy s) {
    return switch (s) {
      case SPREAD -> List.of(
          CfnService.PlacementStrategyProperty.builder().type("spread").field("attribute:ecs.availability-zone").build(),
          CfnService.PlacementStrategyProperty.builder().type("spread").field("instanceId").build());
      case BINPACK -> List.of(CfnService.PlacementStrategyProperty.builder().type("binpack").field("memory").build());
    };
  }

  private String resolveImage(String image, Map<String, IRepository> repositories) {
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

  public IRole executionRole() {
    return executionRole;
  }

  public IRole taskRole() {
    return taskRole;
  }

  public LogGroup logGroup() {
    return logGroup;
  }

  public TaskDefinitionFromJson taskDefinition() {
    return taskDefinition;
  }

  public CfnService service() {
    return service;
  }

  /** The legacy ECS service role; empty unless the props ask for it. */
  public Optional<IRole> legacyServiceRole() {
    return Optional.ofNullable(legacyServiceRole);
  }

  /** The target group; empty for a service without load balancer. */
  public Optional<ApplicationTargetGroup> targetGroup() {
    return Optional.ofNullable(targetGroup);
  }
}

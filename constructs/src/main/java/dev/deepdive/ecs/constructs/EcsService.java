package dev.deepdive.ecs.constructs;

import dev.deepdive.ecs.constructs.taskdef.ContainerPort;
import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionDocument;
import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionFromJson;
import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionProblems;
import dev.deepdive.ecs.placement.NetworkMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.CfnTag;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.IConnectable;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
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
 * A {@link EcsServiceProps.SchedulingStrategy#DAEMON} service runs one task on every container instance instead (log
 * routers, metrics and security agents): no desired count, no placement strategy, no load balancer, launch type EC2.
 *
 * <p>Roles and log group: see {@link TaskResources}. Registering targets with the load balancer is done by ECS's
 * service-linked role, unless the service asks for a legacy service role of its own.
 */
public final class EcsService extends Construct {
  /** The tag every service carries, with its stack's name as the value; ecsctl drain-delete refuses such services. */
  public static final String MANAGED_BY_STACK_TAG = "deep-dive:cloudformation-stack-name";

  /** Docker's ephemeral host ports on the ECS-optimized AMIs, which dynamic port mappings take from. */
  public static final int EPHEMERAL_FROM = 32768;
  public static final int EPHEMERAL_TO = 65535;

  private final TaskResources task;
  private final TaskDefinitionFromJson taskDefinition;
  private final CfnService service;
  private final ApplicationTargetGroup targetGroup;
  /** Only when the environment asks for the legacy ECS service role and the service is load balanced. */
  private final Role legacyServiceRole;

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
    boolean daemon = props.schedulingStrategy() == EcsServiceProps.SchedulingStrategy.DAEMON;
    this.task = new TaskResources(this, "service " + props.serviceName(), props.serviceName(),
        props.taskDefinition(), props.clusterCapacity().instanceTypes(),
        props.clusterCapacity().ecsReservedMemoryMiB(), props.taskRoleGrants(), props.executeCommand(),
        props.logRetention(), props.repositories());
    this.taskDefinition = task.taskDefinition;

    CfnServiceProps.Builder service = CfnServiceProps.builder()
        .cluster(props.clusterCapacity().clusterName())
        .serviceName(props.serviceName())
        .taskDefinition(taskDefinition.taskDefinitionArn());
    if (daemon) {
      // One task on every container instance: no desired count and no placement strategy (ECS rejects both for
      // DAEMON), and the launch type EC2, because ECS refuses a capacity provider strategy for a daemon service,
      // also the cluster's default one it would otherwise apply
      // (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_service-options.html,
      // https://github.com/aws/containers-roadmap/issues/692).
      service.schedulingStrategy("DAEMON").launchType("EC2");
    } else {
      service.capacityProviderStrategy(List.of(CfnService.CapacityProviderStrategyItemProperty.builder()
              .capacityProvider(props.clusterCapacity().capacityProviderName()).weight(1).build()))
          .placementStrategies(placementStrategies(props.placementStrategy()));
    }
    service.deploymentConfiguration(CfnService.DeploymentConfigurationProperty.builder()
            .maximumPercent(props.deployment().maximumPercent())
            .minimumHealthyPercent(props.deployment().minimumHealthyPercent())
            .deploymentCircuitBreaker(CfnService.DeploymentCircuitBreakerProperty.builder()
                .enable(props.deployment().circuitBreakerRollback())
                .rollback(props.deployment().circuitBreakerRollback())
                .build())
            .build())
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
    if (!daemon && props.autoScaling().isEmpty()) {
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
    task.acceptDesignFindings();
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

  public IRole executionRole() {
    return task.executionRole;
  }

  public IRole taskRole() {
    return task.taskRole;
  }

  public LogGroup logGroup() {
    return task.logGroup;
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

package dev.deepdive.ecs.constructs;

import dev.deepdive.ecs.constructs.grants.InstanceRoleGrants;
import dev.deepdive.ecs.constructs.grants.Permission;
import java.util.List;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnAutoScalingRollingUpdate;
import software.amazon.awscdk.CfnAutoScalingScheduledAction;
import software.amazon.awscdk.CfnCreationPolicy;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.CfnResourceAutoScalingCreationPolicy;
import software.amazon.awscdk.CfnResourceSignal;
import software.amazon.awscdk.CfnUpdatePolicy;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.autoscaling.AutoScalingGroup;
import software.amazon.awscdk.services.autoscaling.IAutoScalingGroup;
import software.amazon.awscdk.services.autoscaling.InstancesDistribution;
import software.amazon.awscdk.services.autoscaling.LaunchTemplateOverrides;
import software.amazon.awscdk.services.autoscaling.MixedInstancesPolicy;
import software.amazon.awscdk.services.autoscaling.OnDemandAllocationStrategy;
import software.amazon.awscdk.services.ec2.BlockDevice;
import software.amazon.awscdk.services.ec2.BlockDeviceVolume;
import software.amazon.awscdk.services.ec2.EbsDeviceOptions;
import software.amazon.awscdk.services.ec2.EbsDeviceVolumeType;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.KeyPair;
import software.amazon.awscdk.services.ec2.LaunchTemplate;
import software.amazon.awscdk.services.ec2.LaunchTemplateHttpTokens;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.UserData;
import software.amazon.awscdk.services.ecs.AsgCapacityProvider;
import software.amazon.awscdk.services.ecs.CapacityProviderStrategy;
import software.amazon.awscdk.services.ecs.MachineImageType;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * Container instances for one cluster: a launch template on the ECS-optimized AMI, an Auto Scaling group over
 * the private subnets of every zone with one or more instance types (optionally with Spot Instances), and an ECS
 * capacity provider that scales it (managed scaling) and drains instances before they go (managed draining).
 *
 * <p><b>A deployment succeeds only when instances join the cluster.</b> Each instance's boot script
 * ({@link InstanceBootScript}) signals CloudFormation SUCCESS once its ECS agent has registered into this
 * cluster, FAILURE when anything fails. The group waits for those signals when it is created (a CreationPolicy for
 * {@code desiredSize} instances) and when a change replaces its instances.
 *
 * <p><b>Changes roll the instances.</b> A change to the launch template (AMI, user data, which names the
 * {@code ecs.config} object by the hash of its content) or to the instance types replaces the instances with
 * CloudFormation's rolling update ({@code AutoScalingRollingUpdate}): one instance at a time
 * ({@value #ROLLING_BATCH_SIZE}), each new one launched before its old one goes ({@code MinActiveInstancesPercent}
 * 100), each waiting for its signal ({@code PauseTime} is the signal timeout), and the old one drained by ECS
 * (managed draining holds its termination until its tasks have moved). A FAILURE signal or a timeout fails the
 * update, and CloudFormation rolls the stack back, rolling the instances back the same way. Scaling processes that
 * would race the update (health checks, alarms, so ECS managed scaling, scheduled actions) are suspended meanwhile.
 * Not an instance refresh (the {@code AutoScalingInstanceRefresh} update policy): it judges new instances by EC2
 * health and a warm-up time and cannot wait for the signals, so an instance whose agent never joins would pass.
 *
 * <p><b>No managed termination protection.</b> With it, the group protects every instance from scale-in and only
 * ECS lifts the protection; when the stack is destroyed after its services, nothing lifts it and
 * {@code cdk destroy} waits on the Auto Scaling group for hours (aws-cdk issues #14732, #18179), and a rolling
 * update cannot terminate the protected old instances (cloudformation-coverage-roadmap #692). Managed draining
 * gives the safety that mattered: an instance leaves only after ECS has moved its tasks away.
 */
public final class ContainerInstances extends Construct {
  /** Where the ECS-optimized AMIs (AL2023 and AL2) mount their root volume. */
  static final String ROOT_DEVICE = "/dev/xvda";

  /** Instances a rolling update replaces at once: one, so at most one old instance drains at a time. */
  public static final int ROLLING_BATCH_SIZE = 1;

  /**
   * Processes suspended during a rolling update, so that nothing else launches or terminates instances meanwhile
   * (https://repost.aws/knowledge-center/auto-scaling-group-rolling-updates); Launch and Terminate must keep running.
   * AlarmNotification carries ECS managed scaling's target tracking: the group's size holds still during the roll.
   */
  static final List<String> SUSPENDED_DURING_ROLL = List.of("HealthCheck", "ReplaceUnhealthy", "AZRebalance",
      "AlarmNotification", "ScheduledActions", "InstanceRefresh");

  /** The synth warning on container instances of an Amazon Linux 2 family. */
  public static final String AMAZON_LINUX_2_WARNING = "deep-dive:amazonLinux2EndOfSupport";

  private final SecurityGroup securityGroup;
  private final AutoScalingGroup autoScalingGroup;
  private final AsgCapacityProvider capacityProvider;

  public ContainerInstances(Construct scope, String id, ContainerInstancesProps props) {
    super(scope, id);
    this.securityGroup = SecurityGroup.Builder.create(this, "SecurityGroup")
        .vpc(props.vpc())
        .description("ECS container instances: no inbound except from the load balancer")
        .allowAllOutbound(true)
        .build();

    // Filled below, once the group's logical ID (which the boot script signals about) exists; the launch template
    // renders its user data at synth.
    UserData userData = UserData.forLinux();
    LaunchTemplate.Builder launchTemplate = LaunchTemplate.Builder.create(this, "LaunchTemplate")
        .machineImage(props.ami().machineImage())
        .userData(userData)
        .role(props.instanceRole())
        .securityGroup(securityGroup)
        // IMDSv2 only, and one hop: the agent (host network) reaches the instance role, containers do not.
        .httpTokens(LaunchTemplateHttpTokens.REQUIRED)
        .httpPutResponseHopLimit(1)
        .blockDevices(List.of(BlockDevice.builder()
            .deviceName(ROOT_DEVICE)
            .volume(BlockDeviceVolume.ebs(props.rootVolumeGiB(), EbsDeviceOptions.builder()
                .encrypted(true)
                .volumeType(EbsDeviceVolumeType.GP3)
                .deleteOnTermination(true)
                .build()))
            .build()));
    props.keyPairName().ifPresent(name ->
        launchTemplate.keyPair(KeyPair.fromKeyPairName(this, "KeyPair", name)));
    LaunchTemplate template = launchTemplate.build();

    this.autoScalingGroup = AutoScalingGroup.Builder.create(this, "AutoScalingGroup")
        .vpc(props.vpc())
        .vpcSubnets(props.subnets())
        .minCapacity(props.minSize())
        .desiredCapacity(props.desiredSize())
        .maxCapacity(props.maxSize())
        .mixedInstancesPolicy(MixedInstancesPolicy.builder()
            .launchTemplate(template)
            .launchTemplateOverrides(props.instanceTypes().stream()
                .map(type -> LaunchTemplateOverrides.builder().instanceType(new InstanceType(type)).build())
                .toList())
            .instancesDistribution(instancesDistribution(props))
            .build())
        // With Spot: Auto Scaling replaces an instance at elevated risk of interruption before EC2 interrupts it,
        // through the group's termination path, so managed draining moves its tasks first.
        // https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-capacity-rebalancing.html
        .capacityRebalance(props.spot().isPresent() ? true : null)
        .build();
    CfnResource group = (CfnResource) autoScalingGroup.getNode().getDefaultChild();
    waitForInstancesToJoin(group, props);

    // ecs.config comes from S3 first; the lines the cluster appends afterwards (ECS_CLUSTER) are kept.
    userData.addCommands(InstanceBootScript.render(new InstanceBootScript.Values(
        props.agentConfig().bucket().getBucketName(), props.agentConfig().objectKey(),
        props.agentConfig().configSha256(), props.cluster().getClusterName(), Aws.REGION, Aws.STACK_ID,
        group.getLogicalId(), props.registrationTimeoutSeconds())).toArray(String[]::new));

    // CloudFormation resets DesiredCapacity to the template's value only when it changes in the template;
    // between such changes managed scaling owns it. The environment file's desiredSize is the starting point.
    Annotations.of(autoScalingGroup).acknowledgeWarning("@aws-cdk/aws-autoscaling:desiredCapacitySet",
        "desiredSize is the starting size; ECS managed scaling adjusts it afterwards");
    if (props.maxSize() <= props.desiredSize() && props.desiredSize() > 0) {
      Annotations.of(this).addWarningV2("deep-dive:noRoomToRoll", "maxSize (" + props.maxSize()
          + ") equals desiredSize: a rolling replacement cannot start a new instance before its old one goes, so"
          + " capacity drops by one instance while each is replaced; raise maxSize above desiredSize");
    }
    if (props.ami().family().amazonLinux2()) {
      Annotations.of(this).addWarningV2(AMAZON_LINUX_2_WARNING, "amiFamily " + props.ami().family()
          + ": Amazon Linux 2 reached its end of support on " + EcsAmiFamily.AMAZON_LINUX_2_END_OF_SUPPORT
          + " and gets no more security updates; move to the matching AL2023 family (the change rolls the"
          + " instances like any other AMI change)");
    }
    // Instances read ecs.config at boot: it must exist before the first one starts.
    autoScalingGroup.getNode().addDependency(props.agentConfig().configObjectWritten());
    // On destroy the group (and its instances) must go before the cluster, or the cluster's deletion fails
    // while instances are still registered to it. The cluster resource alone: its capacity provider
    // association depends on this group.
    autoScalingGroup.getNode().addDependency(props.cluster().getNode().getDefaultChild());

    this.capacityProvider = AsgCapacityProvider.Builder.create(this, "CapacityProvider")
        .autoScalingGroup(autoScalingGroup)
        .enableManagedScaling(true)
        .targetCapacityPercent(100)
        .enableManagedTerminationProtection(false)
        .enableManagedDraining(true)
        // Linux user data: the cluster appends "echo ECS_CLUSTER=<name> >> /etc/ecs/ecs.config" (AL2 and AL2023).
        .machineImageType(MachineImageType.AMAZON_LINUX_2)
        .build();
    props.cluster().addAsgCapacityProvider(capacityProvider);
    props.cluster().addDefaultCapacityProviderStrategy(List.of(CapacityProviderStrategy.builder()
        .capacityProvider(capacityProvider.getCapacityProviderName())
        .weight(1)
        .build()));
    props.agentConfig().grantReadConfig(props.instanceRole());
    // What the environment's agent settings make the agent call, besides registering and polling (with Spot:
    // ECS_ENABLE_SPOT_INSTANCE_DRAINING, so draining itself on an interruption notice).
    List<Permission> agentPermissions = InstanceRoleGrants.derive(props.agentConfig().agentSettings(),
        new InstanceRoleGrants.ClusterScope(Aws.PARTITION, Aws.REGION, Aws.ACCOUNT_ID,
            props.cluster().getClusterArn()));
    RoleGrants.grant(props.instanceRole(), agentPermissions);
    // The boot script tells CloudFormation that the instance joined: SignalResource on this stack only.
    props.instanceRole().addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("SignalJoinToCloudFormation")
        .actions(List.of("cloudformation:SignalResource"))
        .resources(List.of(Aws.STACK_ID))
        .build());
    IConstruct instancePolicy = DesignSuppressions.inlinePolicy(props.instanceRole());
    acceptDesignFindings(instancePolicy, props.agentConfig());
    RoleGrants.acceptWildcards(instancePolicy, agentPermissions);
  }

  /**
   * On-demand, first listed type first: the order in the environment file is a preference. With Spot, the base
   * and the percentage above it stay On-Demand, the rest is Spot in the pools the allocation strategy picks.
   */
  private static InstancesDistribution instancesDistribution(ContainerInstancesProps props) {
    InstancesDistribution.Builder distribution = InstancesDistribution.builder()
        .onDemandAllocationStrategy(OnDemandAllocationStrategy.PRIORITIZED);
    props.spot().ifPresentOrElse(
        spot -> distribution
            .onDemandBaseCapacity(spot.onDemandBaseCapacity())
            .onDemandPercentageAboveBaseCapacity(spot.onDemandPercentageAboveBaseCapacity())
            .spotAllocationStrategy(spot.allocationStrategy()),
        () -> distribution.onDemandPercentageAboveBaseCapacity(100));
    return distribution.build();
  }

  /**
   * CreationPolicy and UpdatePolicy: the group is complete when its instances have signalled, and a change that
   * replaces instances rolls them one by one, each new one signalling before its old one goes. The L1 attributes
   * directly: the group's own {@code signals} option would also grant cloudformation:SignalResource to a role the
   * group does not have (it launches from a launch template), and it cannot express MinActiveInstancesPercent.
   */
  private static void waitForInstancesToJoin(CfnResource group, ContainerInstancesProps props) {
    String timeout = Duration.minutes(props.signalTimeoutMinutes()).toIsoString();
    if (props.desiredSize() > 0) {
      group.getCfnOptions().setCreationPolicy(CfnCreationPolicy.builder()
          .resourceSignal(CfnResourceSignal.builder().count(props.desiredSize()).timeout(timeout).build())
          .autoScalingCreationPolicy(CfnResourceAutoScalingCreationPolicy.builder()
              .minSuccessfulInstancesPercent(100).build())
          .build());
    }
    group.getCfnOptions().setUpdatePolicy(CfnUpdatePolicy.builder()
        .autoScalingRollingUpdate(CfnAutoScalingRollingUpdate.builder()
            .maxBatchSize(ROLLING_BATCH_SIZE)
            // Every instance in service stays in service: each replacement is launched before its old instance
            // terminates, so capacity never drops below what ran when the update started.
            .minActiveInstancesPercent(100)
            .minSuccessfulInstancesPercent(100)
            .waitOnResourceSignals(true)
            .pauseTime(timeout)
            .suspendProcesses(SUSPENDED_DURING_ROLL)
            .build())
        // The group's own default: a deployment leaves the size alone unless the template changes it.
        .autoScalingScheduledAction(CfnAutoScalingScheduledAction.builder()
            .ignoreUnmodifiedGroupSizeProperties(true).build())
        .build());
  }

  /** Findings on this construct's resources that its design answers otherwise; each says how. */
  private void acceptDesignFindings(IConstruct instancePolicy, AgentConfigBucket agentConfig) {
    // cdk-nag reads a group's LaunchTemplate property only, not MixedInstancesPolicy.LaunchTemplate, which is how
    // this group uses its launch template; the template itself is what the rules ask for.
    DesignSuppressions.suppress(autoScalingGroup, "NIST.800.53.R5-EC2IMDSv2Enabled",
        "The group launches from its launch template through MixedInstancesPolicy, which the rule does not read;"
            + " the launch template requires IMDSv2 (HttpTokens required, hop limit 1)");
    DesignSuppressions.suppressFindings(autoScalingGroup, "CdkNagValidationFailure",
        "AwsSolutions-EC26 fails on a group that uses its launch template through MixedInstancesPolicy; the launch"
            + " template's only volume, the root volume, is encrypted", "AwsSolutions-EC26");
    DesignSuppressions.suppress(autoScalingGroup, "AwsSolutions-AS3",
        "Auto Scaling sends every launch, launch failure, termination and termination failure to Amazon"
            + " EventBridge (default bus) and keeps them in the group's activity history; an SNS topic without"
            + " subscribers would add nothing");
    // The statements the cluster adds to the instance role when this capacity provider joins it
    // (Cluster.addAsgCapacityProvider), as docs/architecture.md's instance role table lists them.
    DesignSuppressions.suppressFindings(instancePolicy, "AwsSolutions-IAM5",
        "Added by the CDK's Cluster for the ECS agent: ecs:Submit* (the three Submit*StateChange calls) on this"
            + " cluster's ARN only", "Action::ecs:Submit*");
    DesignSuppressions.suppressFindings(instancePolicy, "AwsSolutions-IAM5",
        "s3:GetObject on the ecs.config objects of the environment's own configuration bucket (keys"
            + " <SHA-256>/ecs.config): an instance launched from the previous launch template version, during a"
            + " rolling update's rollback, reads the previous configuration, which the current policy must still allow",
        "Resource::<" + DesignSuppressions.logicalId(agentConfig.bucket()) + ".Arn>/*/" + AgentConfigBucket.OBJECT_NAME);
  }

  /** For scaling policies and alarms. */
  public IAutoScalingGroup autoScalingGroup() {
    return autoScalingGroup;
  }

  /** The instances' security group: the load balancer is allowed in here, on the task ports. */
  public ISecurityGroup securityGroup() {
    return securityGroup;
  }

  /** The capacity provider services place their tasks on. */
  public AsgCapacityProvider capacityProvider() {
    return capacityProvider;
  }
}

package dev.deepdive.ecs.constructs;

import dev.deepdive.ecs.constructs.grants.InstanceRoleGrants;
import dev.deepdive.ecs.constructs.grants.Permission;
import java.util.List;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Aws;
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
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * Container instances for one cluster: a launch template on the ECS-optimized AMI, an Auto Scaling group over
 * the private subnets of every zone with one or more instance types, and an ECS capacity provider that scales
 * it (managed scaling) and drains instances before they go (managed draining).
 *
 * <p><b>No managed termination protection.</b> With it, the group protects every instance from scale-in and only
 * ECS lifts the protection; when the stack is destroyed after its services, nothing lifts it and
 * {@code cdk destroy} waits on the Auto Scaling group for hours (aws-cdk issues #14732, #18179). Managed draining
 * gives the safety that mattered: an instance leaves only after ECS has moved its tasks away.
 */
public final class ContainerInstances extends Construct {
  /** Where the ECS-optimized AMIs (AL2023 and AL2) mount their root volume. */
  static final String ROOT_DEVICE = "/dev/xvda";

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

    // ecs.config comes from S3 first; the lines the cluster appends afterwards (ECS_CLUSTER) are kept.
    UserData userData = UserData.forLinux();
    userData.addCommands(AgentConfigFetchScript.render(
        props.agentConfig().bucket().getBucketName(), AgentConfigBucket.OBJECT_KEY,
        props.cluster().getClusterName(), Aws.REGION).toArray(String[]::new));

    LaunchTemplate.Builder launchTemplate = LaunchTemplate.Builder.create(this, "LaunchTemplate")
        .machineImage(props.amiFamily().machineImage())
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
            // On-demand, first listed type first: the order in the environment file is a preference.
            .instancesDistribution(InstancesDistribution.builder()
                .onDemandAllocationStrategy(OnDemandAllocationStrategy.PRIORITIZED)
                .onDemandPercentageAboveBaseCapacity(100)
                .build())
            .build())
        .build();
    // CloudFormation resets DesiredCapacity to the template's value only when it changes in the template;
    // between such changes managed scaling owns it. The environment file's desiredSize is the starting point.
    Annotations.of(autoScalingGroup).acknowledgeWarning("@aws-cdk/aws-autoscaling:desiredCapacitySet",
        "desiredSize is the starting size; ECS managed scaling adjusts it afterwards");
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
    // What the environment's agent settings make the agent call, besides registering and polling.
    List<Permission> agentPermissions = InstanceRoleGrants.derive(props.agentConfig().agentSettings(),
        new InstanceRoleGrants.ClusterScope(Aws.PARTITION, Aws.REGION, Aws.ACCOUNT_ID,
            props.cluster().getClusterArn()));
    RoleGrants.grant(props.instanceRole(), agentPermissions);
    IConstruct instancePolicy = DesignSuppressions.inlinePolicy(props.instanceRole());
    acceptDesignFindings(instancePolicy);
    RoleGrants.acceptWildcards(instancePolicy, agentPermissions);
  }

  /** Findings on this construct's resources that its design answers otherwise; each says how. */
  private void acceptDesignFindings(IConstruct instancePolicy) {
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

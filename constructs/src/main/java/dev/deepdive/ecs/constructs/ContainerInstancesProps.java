package dev.deepdive.ecs.constructs;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.iam.IRole;

/**
 * The container instances of one cluster.
 *
 * @param vpc                  the environment's VPC
 * @param subnets              where instances run: the private subnets of every zone
 * @param cluster              the cluster they join (its capacity provider strategy is set to these instances)
 * @param instanceRole         the role behind the instance profile (see {@link InstanceRole})
 * @param agentConfig          the bucket with the {@code ecs.config} each instance copies at boot; with {@code spot}
 *                             it must turn on Spot Instance draining
 * @param instanceTypes        one or more instance types of one architecture, in order of preference
 * @param minSize              at least 0
 * @param desiredSize          from minSize to maxSize; managed scaling adjusts it afterwards. At creation,
 *                             CloudFormation waits for this many instances to join the cluster (none when 0).
 * @param maxSize              at least 1; above the running size, so that a rolling replacement can start each new
 *                             instance before its old one goes (a warning at synth when it equals desiredSize)
 * @param ami                  the ECS-optimized AMI family and an optional pin; {@link EcsAmiFamily#AL2023}, newest at
 *                             each deployment, in the shipped environments
 * @param rootVolumeGiB        encrypted gp3 root volume size, at least {@value #MIN_ROOT_VOLUME_GIB} (the AMI's own size)
 * @param keyPairName          an EC2 key pair for SSH; empty (the default) means Session Manager only
 * @param spot                 Spot Instances in the mix; empty (the default) means On-Demand only
 * @param signalTimeoutMinutes how long CloudFormation waits for a new instance to join the cluster, in minutes,
 *                             {@value #MIN_SIGNAL_TIMEOUT_MINUTES} to {@value #MAX_SIGNAL_TIMEOUT_MINUTES}; default
 *                             {@value #DEFAULT_SIGNAL_TIMEOUT_MINUTES}
 * @throws IllegalArgumentException naming the first value that is not allowed
 */
public record ContainerInstancesProps(
    IVpc vpc,
    SubnetSelection subnets,
    Cluster cluster,
    IRole instanceRole,
    AgentConfigBucket agentConfig,
    List<String> instanceTypes,
    int minSize,
    int desiredSize,
    int maxSize,
    EcsAmi ami,
    int rootVolumeGiB,
    Optional<String> keyPairName,
    Optional<SpotCapacity> spot,
    int signalTimeoutMinutes) {

  /** The ECS-optimized AMIs' root snapshot is 30 GiB; a smaller volume cannot be created from it. */
  public static final int MIN_ROOT_VOLUME_GIB = 30;

  /**
   * The instance's own budget inside the signal timeout, in minutes: launch and boot up to the user data, fetching
   * ecs.config with its retries, and delivering the signal with its retries. The rest of the timeout is what the
   * ECS agent gets to register ({@link #registrationTimeoutSeconds()}).
   */
  public static final int BOOT_BUDGET_MINUTES = 5;
  /** The least signal timeout: 5 minutes for the agent to register after the boot budget. */
  public static final int MIN_SIGNAL_TIMEOUT_MINUTES = 10;
  /**
   * The most: a rolling update's PauseTime, which is the signal timeout of each batch, can be at most one hour
   * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-updatepolicy.html).
   */
  public static final int MAX_SIGNAL_TIMEOUT_MINUTES = 60;
  /** Launch, boot and registration take 2 to 4 minutes on the ECS-optimized AMIs; 15 leaves room for a slow one. */
  public static final int DEFAULT_SIGNAL_TIMEOUT_MINUTES = 15;

  public ContainerInstancesProps {
    Objects.requireNonNull(vpc, "vpc");
    Objects.requireNonNull(subnets, "subnets");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(instanceRole, "instanceRole");
    Objects.requireNonNull(agentConfig, "agentConfig");
    Objects.requireNonNull(ami, "ami");
    Objects.requireNonNull(keyPairName, "keyPairName");
    Objects.requireNonNull(spot, "spot");
    instanceTypes = List.copyOf(Objects.requireNonNull(instanceTypes, "instanceTypes"));
    if (instanceTypes.isEmpty()) {
      throw new IllegalArgumentException("instanceTypes: at least one instance type is needed, got none");
    }
    if (new HashSet<>(instanceTypes).size() != instanceTypes.size()) {
      throw new IllegalArgumentException("instanceTypes: each type may appear once, got " + instanceTypes);
    }
    if (minSize < 0) {
      throw new IllegalArgumentException("minSize: must be at least 0, got " + minSize);
    }
    if (maxSize < 1) {
      throw new IllegalArgumentException("maxSize: must be at least 1, got " + maxSize);
    }
    if (desiredSize < minSize || desiredSize > maxSize) {
      throw new IllegalArgumentException("desiredSize: must be between minSize (" + minSize + ") and maxSize ("
          + maxSize + "), got " + desiredSize);
    }
    if (rootVolumeGiB < MIN_ROOT_VOLUME_GIB) {
      throw new IllegalArgumentException(
          "rootVolumeGiB: must be at least " + MIN_ROOT_VOLUME_GIB + ", got " + rootVolumeGiB);
    }
    if (spot.isPresent() && !agentConfig.spotInstanceDraining()) {
      throw new IllegalArgumentException("spot: the agent configuration must turn on Spot Instance draining"
          + " (AgentConfigBucketProps.spotInstanceDraining) when the capacity includes Spot Instances");
    }
    if (signalTimeoutMinutes < MIN_SIGNAL_TIMEOUT_MINUTES || signalTimeoutMinutes > MAX_SIGNAL_TIMEOUT_MINUTES) {
      throw new IllegalArgumentException("signalTimeoutMinutes: must be " + MIN_SIGNAL_TIMEOUT_MINUTES + " to "
          + MAX_SIGNAL_TIMEOUT_MINUTES + ", got " + signalTimeoutMinutes);
    }
  }

  /** What the ECS agent gets to register after the boot script's fetch: the signal timeout less the boot budget. */
  public int registrationTimeoutSeconds() {
    return (signalTimeoutMinutes - BOOT_BUDGET_MINUTES) * 60;
  }
}

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
 * @param vpc           the environment's VPC
 * @param subnets       where instances run: the private subnets of every zone
 * @param cluster       the cluster they join (its capacity provider strategy is set to these instances)
 * @param instanceRole  the role behind the instance profile (see {@link InstanceRole})
 * @param agentConfig   the bucket with the {@code ecs.config} each instance copies at boot
 * @param instanceTypes one or more instance types of one architecture, in order of preference
 * @param minSize       at least 0
 * @param desiredSize   from minSize to maxSize; managed scaling adjusts it afterwards
 * @param maxSize       at least 1
 * @param amiFamily     the ECS-optimized AMI; {@link EcsAmiFamily#AL2023} in the shipped environments
 * @param rootVolumeGiB encrypted gp3 root volume size, at least {@value #MIN_ROOT_VOLUME_GIB} (the AMI's own size)
 * @param keyPairName   an EC2 key pair for SSH; empty (the default) means Session Manager only
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
    EcsAmiFamily amiFamily,
    int rootVolumeGiB,
    Optional<String> keyPairName) {

  /** The ECS-optimized AMIs' root snapshot is 30 GiB; a smaller volume cannot be created from it. */
  public static final int MIN_ROOT_VOLUME_GIB = 30;

  public ContainerInstancesProps {
    Objects.requireNonNull(vpc, "vpc");
    Objects.requireNonNull(subnets, "subnets");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(instanceRole, "instanceRole");
    Objects.requireNonNull(agentConfig, "agentConfig");
    Objects.requireNonNull(amiFamily, "amiFamily");
    Objects.requireNonNull(keyPairName, "keyPairName");
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
  }
}

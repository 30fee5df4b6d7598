package dev.deepdive.ecs.stacks;

import dev.deepdive.ecs.constructs.AgentConfigBucket;
import dev.deepdive.ecs.constructs.AgentConfigBucketProps;
import dev.deepdive.ecs.constructs.ContainerInstances;
import dev.deepdive.ecs.constructs.ContainerInstancesProps;
import dev.deepdive.ecs.constructs.InstanceRole;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.constructs.Construct;

/**
 * The ECS cluster of one environment, with its container instances and the {@code ecs.config} they boot from.
 */
public final class ClusterStack extends EnvironmentStack {
  private final Cluster cluster;
  private final AgentConfigBucket agentConfig;
  private final ContainerInstances instances;

  public ClusterStack(Construct scope, String id, EnvironmentSpec spec, NetworkStack network) {
    super(scope, id, spec, spec.clusterName() + ": ECS cluster and container instances");
    EnvironmentSpec.Capacity capacity = spec.capacity();
    this.agentConfig = new AgentConfigBucket(this, "AgentConfig",
        new AgentConfigBucketProps(spec.clusterName(), spec.agentSettings(), capacity.spot().isPresent()));
    InstanceRole instanceRole = new InstanceRole(this, "InstanceRole");
    this.cluster = Cluster.Builder.create(this, "Cluster")
        .clusterName(spec.clusterName())
        .vpc(network.network().vpc())
        .containerInsightsV2(ContainerInsights.ENABLED)
        .build();
    this.instances = new ContainerInstances(this, "ContainerInstances", new ContainerInstancesProps(
        network.network().vpc(),
        network.network().privateSubnets(),
        cluster,
        instanceRole.role(),
        agentConfig,
        capacity.instanceTypes(),
        capacity.minSize(),
        capacity.desiredSize(),
        capacity.maxSize(),
        capacity.ami(),
        capacity.rootVolumeGiB(),
        capacity.keyPairName(),
        capacity.spot(),
        capacity.signalTimeoutMinutes()));
    NagSuppressionsForCdkInternals.bucketDeploymentHandler(this, agentConfig.bucket());
  }

  public Cluster cluster() {
    return cluster;
  }

  public ContainerInstances instances() {
    return instances;
  }

  /** The bucket with the environment's {@code ecs.config}. */
  public AgentConfigBucket agentConfig() {
    return agentConfig;
  }
}

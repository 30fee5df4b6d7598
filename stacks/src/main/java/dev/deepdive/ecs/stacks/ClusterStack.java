package dev.deepdive.ecs.stacks;

import dev.deepdive.ecs.constructs.AgentConfigBucket;
import dev.deepdive.ecs.constructs.AgentConfigBucketProps;
import dev.deepdive.ecs.constructs.ContainerInstances;
import dev.deepdive.ecs.constructs.ContainerInstancesProps;
import dev.deepdive.ecs.constructs.ExecuteCommandAudit;
import dev.deepdive.ecs.constructs.InstanceRole;
import java.util.Optional;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The ECS cluster of one environment, with its container instances and the {@code ecs.config} they boot from.
 */
public final class ClusterStack extends EnvironmentStack {
  private final Cluster cluster;
  private final AgentConfigBucket agentConfig;
  private final ContainerInstances instances;
  private final Optional<ExecuteCommandAudit> executeCommandAudit;

  public ClusterStack(Construct scope, String id, EnvironmentSpec spec, NetworkStack network) {
    super(scope, id, spec, spec.clusterName() + ": ECS cluster and container instances");
    EnvironmentSpec.Capacity capacity = spec.capacity();
    this.agentConfig = new AgentConfigBucket(this, "AgentConfig",
        new AgentConfigBucketProps(spec.clusterName(), spec.agentSettings(), capacity.spot().isPresent()));
    InstanceRole instanceRole = new InstanceRole(this, "InstanceRole");
    // Only where a service has ECS Exec: the key costs a monthly fee, and clusters without it stay unchanged.
    this.executeCommandAudit = spec.services().services().stream().anyMatch(ServiceSpec::enableExecuteCommand)
        ? Optional.of(new ExecuteCommandAudit(this, "ExecuteCommand", spec.clusterName(),
            RetentionDays.ONE_YEAR, Optional.empty(), Optional.empty()))
        : Optional.empty();
    Cluster.Builder clusterBuilder = Cluster.Builder.create(this, "Cluster")
        .clusterName(spec.clusterName())
        .vpc(network.network().vpc())
        .containerInsightsV2(ContainerInsights.ENABLED);
    executeCommandAudit.ifPresent(audit -> clusterBuilder.executeCommandConfiguration(audit.configuration()));
    this.cluster = clusterBuilder.build();
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

  /** ECS Exec's key and session records; present when a service of the environment has ECS Exec on. */
  public Optional<ExecuteCommandAudit> executeCommandAudit() {
    return executeCommandAudit;
  }

  public ContainerInstances instances() {
    return instances;
  }

  /** The bucket with the environment's {@code ecs.config}. */
  public AgentConfigBucket agentConfig() {
    return agentConfig;
  }
}

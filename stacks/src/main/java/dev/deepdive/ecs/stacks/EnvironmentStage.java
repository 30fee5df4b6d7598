package dev.deepdive.ecs.stacks;

import software.amazon.awscdk.Stage;
import software.amazon.awscdk.StageProps;
import software.amazon.awscdk.Tags;
import software.constructs.Construct;

/**
 * One environment: its own VPC and its own cluster. Every environment is this same stage with other values;
 * {@code cdk deploy 'dev/*'} deploys one.
 */
public final class EnvironmentStage extends Stage {
  private final NetworkStack network;
  private final ClusterStack cluster;

  public EnvironmentStage(Construct scope, EnvironmentSpec spec) {
    super(scope, spec.name(), StageProps.builder().env(spec.cdkEnvironment()).build());
    this.network = new NetworkStack(this, "Network", spec);
    this.cluster = new ClusterStack(this, "Cluster", spec, network);
    spec.tags().forEach((key, value) -> Tags.of(this).add(key, value));
  }

  public NetworkStack networkStack() {
    return network;
  }

  public ClusterStack clusterStack() {
    return cluster;
  }
}

package dev.deepdive.ecs.stacks;

import java.util.List;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * A stack of one environment. It answers {@link #getAvailabilityZones()} from the environment file instead of
 * letting the CDK look the zones up in the account: a lookup needs credentials at synth, and the
 * environment-agnostic fallback offers two zones only.
 */
public abstract class EnvironmentStack extends Stack {
  private final EnvironmentSpec.Network network;
  /** Made on first use: only the network stack asks, and each zone token is two bridge calls. */
  private List<String> availabilityZones;

  protected EnvironmentStack(Construct scope, String id, EnvironmentSpec spec, String description) {
    this(scope, id, spec, description, null);
  }

  /**
   * @param stackName the CloudFormation stack name; null for the CDK's default, {@code <environment>-<id>}
   */
  protected EnvironmentStack(Construct scope, String id, EnvironmentSpec spec, String description,
      String stackName) {
    super(scope, id, StackProps.builder()
        .env(spec.cdkEnvironment())
        .description(description)
        .stackName(stackName)
        .build());
    this.network = spec.network();
  }

  @Override
  public List<String> getAvailabilityZones() {
    if (availabilityZones == null) {
      availabilityZones = network.availabilityZones();
    }
    return availabilityZones;
  }
}

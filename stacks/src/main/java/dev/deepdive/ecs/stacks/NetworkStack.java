package dev.deepdive.ecs.stacks;

import dev.deepdive.ecs.constructs.Network;
import dev.deepdive.ecs.constructs.NetworkProps;
import software.constructs.Construct;

/** The environment's VPC, in a stack of its own: it changes rarely, and everything else lives in it. */
public final class NetworkStack extends EnvironmentStack {
  private final Network network;

  public NetworkStack(Construct scope, String id, EnvironmentSpec spec) {
    super(scope, id, spec, spec.clusterName() + ": VPC over " + spec.network().zoneCount() + " zones");
    this.network = new Network(this, "Network", new NetworkProps(
        spec.network().cidr(), getAvailabilityZones(), spec.network().natGateways()));
  }

  public Network network() {
    return network;
  }
}

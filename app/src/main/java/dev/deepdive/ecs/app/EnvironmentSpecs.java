package dev.deepdive.ecs.app;

import dev.deepdive.ecs.app.config.CapacityConfig;
import dev.deepdive.ecs.app.config.EnvironmentConfig;
import dev.deepdive.ecs.app.config.NetworkConfig;
import dev.deepdive.ecs.constructs.EcsAmiFamily;
import dev.deepdive.ecs.stacks.EnvironmentSpec;

/** Turns a validated environment file into what the stacks take. */
final class EnvironmentSpecs {
  private EnvironmentSpecs() {}

  static EnvironmentSpec from(EnvironmentConfig environment) {
    NetworkConfig network = environment.network();
    CapacityConfig capacity = environment.capacity();
    return new EnvironmentSpec(
        environment.name(),
        environment.account(),
        environment.region(),
        environment.clusterName(),
        new EnvironmentSpec.Network(
            network.cidr(), network.availabilityZones(), network.maxAzs(), network.natGateways()),
        new EnvironmentSpec.Capacity(
            capacity.instanceTypes(),
            capacity.minSize(),
            capacity.desiredSize(),
            capacity.maxSize(),
            EcsAmiFamily.valueOf(capacity.amiFamily().name()),
            capacity.rootVolumeGiB(),
            capacity.keyPair()),
        environment.agent(),
        environment.tags());
  }
}

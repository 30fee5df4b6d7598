package dev.deepdive.ecs.app.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The container instances of one environment: one Auto Scaling group with mixed instance types; the
 * {@code capacity} object, bound from the file (ranges and defaults in app/environment.schema.json).
 *
 * @param instanceTypes 1 to 20 distinct EC2 instance types, all of {@code amiFamily}'s architecture
 * @param minSize lower bound of the group, at least 0
 * @param desiredSize instances at creation, between {@code minSize} and {@code maxSize}
 * @param maxSize upper bound of the group, 1 to 1000
 * @param amiFamily the ECS-optimized image; default {@link AmiFamily#AL2023}
 * @param rootVolumeGiB encrypted root volume size in GiB; default 30
 * @param keyPair an EC2 key pair name, for SSH next to Session Manager; empty means none
 * @param amiId a pinned AMI ID ({@code ami-} and 8 or 17 hex digits); empty for none
 * @param amiParameterVersion a pinned version (1 or more) of the family's SSM parameter; empty for none; never
 *     together with {@code amiId}. Neither: the family's newest image at each deployment.
 * @param spot Spot Instances in the mix; empty for On-Demand only
 * @param signalTimeoutMinutes how long CloudFormation waits for a new instance to join the cluster, 10 to 60;
 *     default 15
 */
public record CapacityConfig(
    List<String> instanceTypes,
    int minSize,
    int desiredSize,
    int maxSize,
    AmiFamily amiFamily,
    int rootVolumeGiB,
    Optional<String> keyPair,
    Optional<String> amiId,
    Optional<Integer> amiParameterVersion,
    Optional<SpotConfig> spot,
    int signalTimeoutMinutes) {
  public CapacityConfig {
    instanceTypes = List.copyOf(instanceTypes);
    Objects.requireNonNull(amiFamily, "amiFamily");
    keyPair = keyPair == null ? Optional.empty() : keyPair;
    amiId = amiId == null ? Optional.empty() : amiId;
    amiParameterVersion = amiParameterVersion == null ? Optional.empty() : amiParameterVersion;
    spot = spot == null ? Optional.empty() : spot;
  }
}

package dev.deepdive.ecs.app.config;

/**
 * Every default an environment file may leave out, in one place so that the docs
 * (README.md), the readers and the tests cannot drift apart.
 */
public final class ConfigDefaults {
  /** network.maxAzs: two Availability Zones, the least that survives one zone failing. */
  public static final int MAX_AZS = 2;
  /** network.natGateways: one NAT gateway, shared by all private subnets (cheap, not zone-redundant). */
  public static final int NAT_GATEWAYS = 1;
  /** capacity.amiFamily: the current ECS-optimized Amazon Linux 2023 image on x86_64. */
  public static final AmiFamily AMI_FAMILY = AmiFamily.AL2023;
  /** capacity.rootVolumeGiB: the size of the ECS-optimized AMI's root snapshot, the smallest possible. */
  public static final int ROOT_VOLUME_GIB = 30;

  private ConfigDefaults() {}
}

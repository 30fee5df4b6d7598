package dev.deepdive.ecs.app.config;

import java.util.Optional;

/**
 * Whether an instance type can boot an AMI family: the architecture must match, and GPU images need GPU
 * types. One Auto Scaling group runs one launch template, hence one AMI, on every type it lists, so a
 * mismatch fails only at launch time; checking here turns that into a message before deployment.
 */
final class InstanceTypeCompatibility {
  private InstanceTypeCompatibility() {}

  /** Why {@code type} cannot run {@code family}, or empty when it can. */
  static Optional<String> problem(InstanceType type, AmiFamily family) {
    String name = "'" + type.name() + "'";
    if (type.mac()) {
      return Optional.of(name + " is a Mac type, which needs a Dedicated Host and cannot run an ECS-optimized"
          + " Amazon Linux AMI; use an EC2 type such as t3.medium");
    }
    if (type.graviton() && type.gpu()) {
      // g5g: NVIDIA GPUs on Graviton, but ECS publishes no arm64 GPU-optimized AMI.
      return Optional.of(name + " is a Graviton (arm64) GPU type, and no AMI family offered here runs GPUs on"
          + " arm64; use an x86_64 GPU type (e.g. g5.xlarge) with " + gpuOf(family)
          + ", or a Graviton type without GPU (e.g. m7g.large) with " + armOf(family));
    }
    if (type.graviton() && !family.arm64()) {
      String fix = family.gpu() ? "an x86_64 GPU type (g or p family, e.g. g5.xlarge)" : armOf(family) + " or an x86_64 type";
      return Optional.of(name + " is a Graviton (arm64) type but amiFamily " + family + " is x86_64; use " + fix);
    }
    if (!type.graviton() && family.arm64()) {
      return Optional.of(name + " is an x86_64 type but amiFamily " + family + " is arm64; use "
          + x86Of(family) + " or a Graviton type (e.g. m7g.large)");
    }
    if (family.gpu() && !type.gpu()) {
      return Optional.of(name + " has no GPU but amiFamily " + family + " is for GPU instances; use a g or p type"
          + " (e.g. g5.xlarge) or amiFamily " + x86Of(family));
    }
    return Optional.empty();
  }

  private static AmiFamily armOf(AmiFamily family) {
    return family.amazonLinux2023() ? AmiFamily.AL2023_ARM64 : AmiFamily.AL2_ARM64;
  }

  private static AmiFamily x86Of(AmiFamily family) {
    return family.amazonLinux2023() ? AmiFamily.AL2023 : AmiFamily.AL2;
  }

  private static AmiFamily gpuOf(AmiFamily family) {
    return family.amazonLinux2023() ? AmiFamily.AL2023_GPU : AmiFamily.AL2_GPU;
  }
}

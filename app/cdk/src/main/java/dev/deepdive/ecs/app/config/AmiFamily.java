package dev.deepdive.ecs.app.config;

/**
 * The ECS-optimized Amazon Linux image the container instances boot from.
 *
 * <p>Each constant names one of the SSM public parameters AWS publishes for ECS-optimized AMIs
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/retrieve-ecs-optimized_AMI.html); the
 * constructs resolve it at deploy time. The architecture decides which instance types may run it:
 * {@link #arm64()} families need Graviton types, the others x86_64 types.
 */
public enum AmiFamily {
  AL2023(true, false, false),
  AL2023_ARM64(true, true, false),
  AL2023_GPU(true, false, true),
  AL2(false, false, false),
  AL2_ARM64(false, true, false),
  AL2_GPU(false, false, true);

  private final boolean amazonLinux2023;
  private final boolean arm64;
  private final boolean gpu;

  AmiFamily(boolean amazonLinux2023, boolean arm64, boolean gpu) {
    this.amazonLinux2023 = amazonLinux2023;
    this.arm64 = arm64;
    this.gpu = gpu;
  }

  /** True for the Graviton (arm64) images; false means x86_64. */
  public boolean arm64() {
    return arm64;
  }

  /** True for the images with NVIDIA drivers, for accelerated (g and p) instance types. */
  public boolean gpu() {
    return gpu;
  }

  /** True for Amazon Linux 2023; false for Amazon Linux 2. */
  public boolean amazonLinux2023() {
    return amazonLinux2023;
  }
}

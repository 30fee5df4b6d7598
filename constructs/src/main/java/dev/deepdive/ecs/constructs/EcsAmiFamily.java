package dev.deepdive.ecs.constructs;

import software.amazon.awscdk.services.ec2.IMachineImage;
import software.amazon.awscdk.services.ecs.AmiHardwareType;
import software.amazon.awscdk.services.ecs.EcsOptimizedImage;

/**
 * The ECS-optimized AMIs a cluster can run on. Each resolves, at deploy time, from the public SSM parameter
 * {@code /aws/service/ecs/optimized-ami/...} (a CloudFormation parameter of type
 * {@code AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>}): no lookup and no credentials at synth, and each
 * deployment picks up the latest recommended image.
 */
public enum EcsAmiFamily {
  /** Amazon Linux 2023, x86_64: the default. Ships no AWS CLI. */
  AL2023(true, AmiHardwareType.STANDARD),
  /** Amazon Linux 2023 for Graviton (arm64) instance types. */
  AL2023_ARM64(true, AmiHardwareType.ARM),
  /** Amazon Linux 2023 with NVIDIA drivers, for GPU instance types (g*, p*). */
  AL2023_GPU(true, AmiHardwareType.GPU),
  /** Amazon Linux 2, x86_64 (end of support 2026-06-30 for the OS; kept for clusters not yet moved). */
  AL2(false, AmiHardwareType.STANDARD),
  /** Amazon Linux 2 for Graviton (arm64). */
  AL2_ARM64(false, AmiHardwareType.ARM),
  /** Amazon Linux 2 with NVIDIA drivers. */
  AL2_GPU(false, AmiHardwareType.GPU);

  private final boolean amazonLinux2023;
  private final AmiHardwareType hardwareType;

  EcsAmiFamily(boolean amazonLinux2023, AmiHardwareType hardwareType) {
    this.amazonLinux2023 = amazonLinux2023;
    this.hardwareType = hardwareType;
  }

  public IMachineImage machineImage() {
    return amazonLinux2023
        ? EcsOptimizedImage.amazonLinux2023(hardwareType)
        : EcsOptimizedImage.amazonLinux2(hardwareType);
  }
}

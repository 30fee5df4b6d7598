package dev.deepdive.ecs.constructs;

import java.time.LocalDate;
import software.amazon.awscdk.services.ec2.IMachineImage;
import software.amazon.awscdk.services.ecs.AmiHardwareType;
import software.amazon.awscdk.services.ecs.EcsOptimizedImage;

/**
 * The ECS-optimized AMIs a cluster can run on. Each is named by a public SSM parameter
 * ({@link #parameterName()}, https://docs.aws.amazon.com/AmazonECS/latest/developerguide/retrieve-ecs-optimized_AMI.html)
 * whose value AWS moves to each new recommended image; {@link EcsAmi} decides whether a deployment takes the
 * newest value or a pinned one.
 */
public enum EcsAmiFamily {
  /** Amazon Linux 2023, x86_64: the default. Ships no AWS CLI. */
  AL2023(true, AmiHardwareType.STANDARD),
  /** Amazon Linux 2023 for Graviton (arm64) instance types. */
  AL2023_ARM64(true, AmiHardwareType.ARM),
  /** Amazon Linux 2023 with NVIDIA drivers, for GPU instance types (g*, p*). */
  AL2023_GPU(true, AmiHardwareType.GPU),
  /** Amazon Linux 2, x86_64: past its end of support ({@link #AMAZON_LINUX_2_END_OF_SUPPORT}), kept for clusters not yet moved. */
  AL2(false, AmiHardwareType.STANDARD),
  /** Amazon Linux 2 for Graviton (arm64); past its end of support. */
  AL2_ARM64(false, AmiHardwareType.ARM),
  /** Amazon Linux 2 with NVIDIA drivers; past its end of support. */
  AL2_GPU(false, AmiHardwareType.GPU);

  /**
   * The end of support of Amazon Linux 2: no security updates after it
   * (https://aws.amazon.com/amazon-linux-2/faqs/). Container instances on an AL2 family get a synth warning.
   */
  public static final LocalDate AMAZON_LINUX_2_END_OF_SUPPORT = LocalDate.of(2026, 6, 30);

  private final boolean amazonLinux2023;
  private final AmiHardwareType hardwareType;

  EcsAmiFamily(boolean amazonLinux2023, AmiHardwareType hardwareType) {
    this.amazonLinux2023 = amazonLinux2023;
    this.hardwareType = hardwareType;
  }

  /** True for the Amazon Linux 2 families, which are past {@link #AMAZON_LINUX_2_END_OF_SUPPORT}. */
  public boolean amazonLinux2() {
    return !amazonLinux2023;
  }

  /**
   * The public SSM parameter holding the family's recommended image ID, e.g.
   * {@code /aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id}.
   */
  public String parameterName() {
    String hardware = switch (hardwareType) {
      case ARM -> "arm64/";
      case GPU -> "gpu/";
      default -> "";
    };
    return "/aws/service/ecs/optimized-ami/" + (amazonLinux2023 ? "amazon-linux-2023/" : "amazon-linux-2/")
        + hardware + "recommended/image_id";
  }

  /**
   * The newest recommended image at each deployment: a CloudFormation parameter of type
   * {@code AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>} defaulting to {@link #parameterName()}, resolved at
   * deploy time; no lookup and no credentials at synth.
   */
  public IMachineImage latestImage() {
    return amazonLinux2023
        ? EcsOptimizedImage.amazonLinux2023(hardwareType)
        : EcsOptimizedImage.amazonLinux2(hardwareType);
  }
}

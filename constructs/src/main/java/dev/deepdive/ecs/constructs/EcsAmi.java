package dev.deepdive.ecs.constructs;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awscdk.CfnDynamicReference;
import software.amazon.awscdk.CfnDynamicReferenceService;
import software.amazon.awscdk.services.ec2.IMachineImage;
import software.amazon.awscdk.services.ec2.MachineImageConfig;
import software.amazon.awscdk.services.ec2.OperatingSystemType;
import software.amazon.awscdk.services.ec2.UserData;
import software.constructs.Construct;

/**
 * The image container instances boot: an ECS-optimized AMI family and, optionally, a pin. A changed image changes
 * the launch template, which rolls the instances (see {@link ContainerInstances}).
 *
 * <ul>
 *   <li>Neither pin (the default): the family's newest recommended image at each deployment. A deployment after
 *       AWS published a new image rolls the instances onto it.</li>
 *   <li>{@code imageId}: exactly this AMI, e.g. one a deployment before used ({@code ami-0123456789abcdef0}). AMI IDs
 *       are per region, and nothing offline can check that the AMI belongs to the family: it must be an
 *       ECS-optimized AMI of the family's OS and architecture.</li>
 *   <li>{@code parameterVersion}: the image the family's SSM parameter ({@link EcsAmiFamily#parameterName()}) held at
 *       that version, resolved by CloudFormation at deploy time (a dynamic reference {@code {{resolve:ssm:name:N}}},
 *       https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references-ssm.html). SSM keeps a
 *       parameter's last 100 versions: a version older than that no longer resolves and the deployment fails.</li>
 * </ul>
 *
 * @param family           the ECS-optimized AMI family; it decides the SSM parameter and the AL2 end-of-support warning
 * @param imageId          a pinned AMI ID, {@code ami-} and 8 or 17 hex digits; empty for none
 * @param parameterVersion a pinned version (1 or more) of the family's SSM parameter; empty for none
 * @throws IllegalArgumentException when both pins are given, or either is malformed
 */
public record EcsAmi(EcsAmiFamily family, Optional<String> imageId, Optional<Integer> parameterVersion) {
  private static final Pattern IMAGE_ID = Pattern.compile("ami-([0-9a-f]{8}|[0-9a-f]{17})");

  public EcsAmi {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(imageId, "imageId");
    Objects.requireNonNull(parameterVersion, "parameterVersion");
    if (imageId.isPresent() && parameterVersion.isPresent()) {
      throw new IllegalArgumentException("imageId and parameterVersion: give one pin or none, got both");
    }
    imageId.filter(id -> !IMAGE_ID.matcher(id).matches()).ifPresent(id -> {
      throw new IllegalArgumentException("imageId: must be ami- and 8 or 17 hex digits, got '" + id + "'");
    });
    parameterVersion.filter(version -> version < 1).ifPresent(version -> {
      throw new IllegalArgumentException("parameterVersion: must be at least 1, got " + version);
    });
  }

  /** The family's newest recommended image at each deployment. */
  public static EcsAmi latest(EcsAmiFamily family) {
    return new EcsAmi(family, Optional.empty(), Optional.empty());
  }

  /** The image for the launch template. */
  public IMachineImage machineImage() {
    if (imageId.isPresent()) {
      return new PinnedImage(imageId.get());
    }
    if (parameterVersion.isPresent()) {
      return new PinnedImage(new CfnDynamicReference(CfnDynamicReferenceService.SSM,
          family.parameterName() + ":" + parameterVersion.get()).toString());
    }
    return family.latestImage();
  }

  /** An image ID known to the template (literal, or resolved by CloudFormation); Linux user data. */
  private static final class PinnedImage implements IMachineImage {
    private final String imageId;

    PinnedImage(String imageId) {
      this.imageId = imageId;
    }

    @Override
    public MachineImageConfig getImage(Construct scope) {
      return MachineImageConfig.builder()
          .imageId(imageId)
          .osType(OperatingSystemType.LINUX)
          .userData(UserData.forLinux())
          .build();
    }
  }
}

package dev.deepdive.ecs.app.config;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An EC2 instance type name, {@code <family>.<size>}, and what its family says about the hardware.
 *
 * <p>Names follow https://docs.aws.amazon.com/ec2/latest/instancetypes/instance-type-names.html: the
 * family is a series letter (or letters), a generation digit and attribute letters, where a {@code g}
 * right after the generation means a Graviton (arm64) processor: t4g, m7g, c6gn, x2gd, im4gn, is4gen,
 * g5g. Accelerated computing families with GPUs start with g or p (g4dn, g5, p3).
 */
record InstanceType(String name, String family) {
  static final Pattern FORMAT = Pattern.compile(
      "[a-z][a-z0-9-]*\\.(nano|micro|small|medium|large|xlarge|[1-9][0-9]*xlarge|metal(-[0-9]+xl)?)");

  static Optional<InstanceType> parse(String name) {
    if (!FORMAT.matcher(name).matches()) {
      return Optional.empty();
    }
    return Optional.of(new InstanceType(name, name.substring(0, name.indexOf('.'))));
  }

  /** True for arm64 (Graviton) types. */
  boolean graviton() {
    // a1 is the first Graviton generation, named before the 'g' suffix existed.
    if (family.equals("a1")) {
      return true;
    }
    int digit = 0;
    while (digit < family.length() && !Character.isDigit(family.charAt(digit))) {
      digit++;
    }
    int afterGeneration = digit;
    while (afterGeneration < family.length() && Character.isDigit(family.charAt(afterGeneration))) {
      afterGeneration++;
    }
    return digit < family.length() && afterGeneration < family.length() && family.charAt(afterGeneration) == 'g';
  }

  /** True for GPU types, the ones the ECS GPU-optimized AMIs are for. */
  boolean gpu() {
    return family.startsWith("g") || family.startsWith("p");
  }

  /** True for Mac types, which need Dedicated Hosts and cannot run an ECS-optimized Amazon Linux AMI. */
  boolean mac() {
    return family.startsWith("mac");
  }
}

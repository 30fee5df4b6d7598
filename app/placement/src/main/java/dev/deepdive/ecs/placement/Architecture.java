package dev.deepdive.ecs.placement;

import java.util.Locale;
import java.util.Optional;

/**
 * A CPU architecture as EC2 and ECS name it. Instance types have one; the ECS-optimized AMI family of a cluster
 * has one; a task definition may ask for one ({@code runtimePlatform.cpuArchitecture}).
 */
public enum Architecture {
  /** Intel and AMD processors. ECS names it {@code X86_64} in task definitions, {@code x86_64} as an attribute. */
  X86_64("x86_64"),
  /** AWS Graviton processors. ECS names it {@code ARM64} in task definitions, {@code arm64} as an attribute. */
  ARM64("arm64");

  private final String attributeValue;

  Architecture(String attributeValue) {
    this.attributeValue = attributeValue;
  }

  /**
   * The value of the container instance attribute {@code ecs.cpu-architecture}
   * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-constraints.html#attributes).
   */
  public String attributeValue() {
    return attributeValue;
  }

  /** The architecture for a value spelled either way ({@code x86_64}, {@code X86_64}, {@code arm64}, {@code ARM64}). */
  public static Optional<Architecture> parse(String value) {
    String normalized = value.trim().toLowerCase(Locale.ROOT);
    for (Architecture architecture : values()) {
      if (architecture.attributeValue.equals(normalized)) {
        return Optional.of(architecture);
      }
    }
    return Optional.empty();
  }
}

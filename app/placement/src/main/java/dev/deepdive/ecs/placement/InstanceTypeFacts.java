package dev.deepdive.ecs.placement;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What EC2 publishes about one instance type and what the ECS scheduler cares about. Read from the table in
 * {@link InstanceTypes}, which names the sources.
 *
 * @param name          the instance type, e.g. {@code m5.large}
 * @param vcpus         vCPUs; the ECS agent registers 1024 CPU units per vCPU
 * @param memoryMiB     installed memory as EC2 advertises it, in MiB (8 GiB is 8192); the agent registers less,
 *                      see {@link RegisteredResources}
 * @param gpus          NVIDIA GPUs; 0 for types without
 * @param maxEnis       the most network interfaces the type can have attached, the primary one included
 * @param architecture  the processor architecture
 */
public record InstanceTypeFacts(String name, int vcpus, int memoryMiB, int gpus, int maxEnis,
    Architecture architecture) {

  public InstanceTypeFacts {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(architecture, "architecture");
    if (vcpus < 1 || memoryMiB < 1 || gpus < 0 || maxEnis < 1) {
      throw new IllegalArgumentException(name + ": vcpus, memoryMiB and maxEnis must be positive and gpus at"
          + " least 0, got " + vcpus + ", " + memoryMiB + ", " + maxEnis + ", " + gpus);
    }
  }

  /** The family, the part before the dot: {@code m5} of {@code m5.large}, {@code c6gn} of {@code c6gn.large}. */
  public String family() {
    return name.substring(0, name.indexOf('.'));
  }

  /** Installed memory for messages, as EC2 advertises it: {@code 8 GiB}, {@code 0.5 GiB}, {@code 15.25 GiB}. */
  public String describeMemory() {
    if (memoryMiB % 1024 == 0) {
      return memoryMiB / 1024 + " GiB";
    }
    return BigDecimal.valueOf(memoryMiB).divide(BigDecimal.valueOf(1024)).stripTrailingZeros().toPlainString()
        + " GiB";
  }
}

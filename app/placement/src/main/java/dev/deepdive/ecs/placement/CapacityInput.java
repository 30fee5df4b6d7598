package dev.deepdive.ecs.placement;

import java.util.List;
import java.util.Objects;

/**
 * The container instances of an environment: one Auto Scaling group behind one capacity provider.
 *
 * @param source                where the capacity is written, for messages, e.g. {@code app/environments/dev.json}
 * @param instanceTypes         the group's instance types in priority order: with the on-demand allocation strategy
 *                              {@code prioritized} the group launches the first and falls back to the next when it
 *                              cannot
 * @param desiredSize           instances at creation
 * @param maxSize               the most instances the group (and the capacity provider's managed scaling) runs
 * @param availabilityZones     Availability Zones the group spans; it balances instances across them
 * @param zoneNames             their names when the environment names them, else empty (attribute values of
 *                              {@code ecs.availability-zone} are then unknown)
 * @param amiFamily             the ECS-optimized AMI family, for messages, e.g. {@code AL2023}
 * @param architecture          the AMI's architecture
 * @param gpuAmi                the AMI is a GPU-optimized one, which registers the instances' GPUs
 */
public record CapacityInput(String source, List<String> instanceTypes, int desiredSize, int maxSize,
    int availabilityZones, List<String> zoneNames, String amiFamily, Architecture architecture, boolean gpuAmi) {

  public CapacityInput {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(amiFamily, "amiFamily");
    Objects.requireNonNull(architecture, "architecture");
    instanceTypes = List.copyOf(instanceTypes);
    zoneNames = List.copyOf(zoneNames);
    if (instanceTypes.isEmpty()) {
      throw new IllegalArgumentException("instanceTypes: at least one instance type is needed, got none");
    }
    if (desiredSize < 0 || maxSize < 1 || desiredSize > maxSize || availabilityZones < 1) {
      throw new IllegalArgumentException("sizes: need 0 <= desiredSize <= maxSize, maxSize >= 1 and at least one"
          + " Availability Zone, got " + desiredSize + ", " + maxSize + ", " + availabilityZones);
    }
    if (!zoneNames.isEmpty() && zoneNames.size() != availabilityZones) {
      throw new IllegalArgumentException("zoneNames: must name every one of the " + availabilityZones
          + " Availability Zones or none, got " + zoneNames);
    }
  }
}

package dev.deepdive.ecs.app.config;

import java.util.Objects;

/**
 * Spot Instances among the container instances.
 *
 * @param onDemandBaseCapacity the first this many instances are On-Demand, 0 to 1000; default 0
 * @param onDemandPercentageAboveBaseCapacity the On-Demand share of the instances above the base, 0 to 100, the rest
 *     Spot; default 0
 * @param allocationStrategy how Spot capacity pools are picked; default price-capacity-optimized
 */
public record SpotConfig(int onDemandBaseCapacity, int onDemandPercentageAboveBaseCapacity,
    SpotAllocation allocationStrategy) {
  public SpotConfig {
    Objects.requireNonNull(allocationStrategy, "allocationStrategy");
  }
}

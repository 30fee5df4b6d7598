package dev.deepdive.ecs.constructs;

import java.util.Objects;
import software.amazon.awscdk.services.autoscaling.SpotAllocationStrategy;

/**
 * Spot Instances in the container instances' mixed instances policy
 * (https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-mixed-instances-groups.html).
 *
 * @param onDemandBaseCapacity                the first this many instances are On-Demand, at least 0
 * @param onDemandPercentageAboveBaseCapacity of the instances above the base, this percentage is On-Demand and the
 *                                            rest Spot, 0 to 100
 * @param allocationStrategy                  how Auto Scaling picks Spot capacity pools among the instance types;
 *                                            {@link #DEFAULT_ALLOCATION_STRATEGY} is what AWS recommends
 * @throws IllegalArgumentException for a negative base or a percentage outside 0 to 100
 */
public record SpotCapacity(int onDemandBaseCapacity, int onDemandPercentageAboveBaseCapacity,
    SpotAllocationStrategy allocationStrategy) {

  /** Lowest interruption risk first, then price (https://docs.aws.amazon.com/autoscaling/ec2/userguide/allocation-strategies.html). */
  public static final SpotAllocationStrategy DEFAULT_ALLOCATION_STRATEGY = SpotAllocationStrategy.PRICE_CAPACITY_OPTIMIZED;

  public SpotCapacity {
    Objects.requireNonNull(allocationStrategy, "allocationStrategy");
    if (onDemandBaseCapacity < 0) {
      throw new IllegalArgumentException("onDemandBaseCapacity: must be at least 0, got " + onDemandBaseCapacity);
    }
    if (onDemandPercentageAboveBaseCapacity < 0 || onDemandPercentageAboveBaseCapacity > 100) {
      throw new IllegalArgumentException("onDemandPercentageAboveBaseCapacity: must be 0 to 100, got "
          + onDemandPercentageAboveBaseCapacity);
    }
  }
}

package dev.deepdive.ecs.app.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * How Auto Scaling picks Spot capacity pools among the listed instance types, in AWS's own spelling
 * (https://docs.aws.amazon.com/autoscaling/ec2/userguide/allocation-strategies.html).
 */
public enum SpotAllocation {
  /** Pools with the lowest interruption risk first, then the lowest price among them: what AWS recommends. */
  PRICE_CAPACITY_OPTIMIZED("price-capacity-optimized"),
  /** Pools with the most spare capacity: the fewest interruptions, whatever the price. */
  CAPACITY_OPTIMIZED("capacity-optimized"),
  /** As capacity-optimized, honouring the order of instanceTypes where it can. */
  CAPACITY_OPTIMIZED_PRIORITIZED("capacity-optimized-prioritized"),
  /** The cheapest pools: the most interruptions. */
  LOWEST_PRICE("lowest-price");

  private final String jsonName;

  SpotAllocation(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name written in environment files, e.g. {@code price-capacity-optimized}. */
  @JsonValue
  public String jsonName() {
    return jsonName;
  }

  static Optional<SpotAllocation> fromJsonName(String name) {
    return Arrays.stream(values()).filter(value -> value.jsonName.equals(name)).findFirst();
  }
}

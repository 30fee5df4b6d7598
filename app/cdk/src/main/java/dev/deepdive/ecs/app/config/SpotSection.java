package dev.deepdive.ecs.app.config;

import dev.deepdive.ecs.constructs.AgentConfigBucketProps;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads and checks {@code capacity.spot}: Spot Instances in the mix, absent for On-Demand only. */
final class SpotSection {
  static final String NAME = "spot";
  static final List<String> FIELDS =
      List.of("onDemandBaseCapacity", "onDemandPercentageAboveBaseCapacity", "allocationStrategy");

  private static final IntRange BASE = IntRange.between(0, 1000);
  private static final IntRange PERCENTAGE = IntRange.between(0, 100);
  private static final String STRATEGIES =
      Arrays.stream(SpotAllocation.values()).map(SpotAllocation::jsonName).collect(Collectors.joining(", "));

  private SpotSection() {}

  /** Empty inside when there is no {@code spot} object; empty outside when it has a problem. */
  static Optional<Optional<SpotConfig>> read(ObjectFields capacity) {
    if (!capacity.has(NAME)) {
      return Optional.of(Optional.empty());
    }
    return capacity.<SpotConfig>optionalSection(NAME, FIELDS, () -> {
      throw new IllegalStateException("spot is present");
    }, fields -> {
      Optional<Integer> base =
          fields.optionalInt("onDemandBaseCapacity", ConfigDefaults.SPOT_ON_DEMAND_BASE_CAPACITY, BASE);
      Optional<Integer> percentage = fields.optionalInt("onDemandPercentageAboveBaseCapacity",
          ConfigDefaults.SPOT_ON_DEMAND_PERCENTAGE_ABOVE_BASE, PERCENTAGE);
      Optional<SpotAllocation> strategy = allocation(fields);
      return () -> new SpotConfig(base.orElseThrow(), percentage.orElseThrow(), strategy.orElseThrow());
    }).map(Optional::of);
  }

  /**
   * With Spot, the agent must drain an instance on its interruption notice: {@code agent} may leave
   * {@code ECS_ENABLE_SPOT_INSTANCE_DRAINING} out or set it to "true" (the rule's owner is the agent configuration).
   */
  static void checkAgentSettings(Map<String, String> agent, ObjectFields top, String agentField) {
    AgentConfigBucketProps.spotDrainingProblem(agent).ifPresent(problem -> top.problems().at(
        top.path(agentField).field(AgentConfigBucketProps.SPOT_INSTANCE_DRAINING), problem));
  }

  private static Optional<SpotAllocation> allocation(ObjectFields fields) {
    if (!fields.has("allocationStrategy")) {
      return Optional.of(ConfigDefaults.SPOT_ALLOCATION);
    }
    return fields.optionalString("allocationStrategy").flatMap(name -> {
      Optional<SpotAllocation> strategy = SpotAllocation.fromJsonName(name);
      if (strategy.isEmpty()) {
        fields.problems().at(fields.path("allocationStrategy"),
            "unknown Spot allocation strategy " + Shown.quoted(name) + "; allowed: " + STRATEGIES);
      }
      return strategy;
    });
  }
}

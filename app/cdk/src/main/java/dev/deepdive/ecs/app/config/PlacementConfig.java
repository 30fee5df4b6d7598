package dev.deepdive.ecs.app.config;

import java.util.List;
import java.util.Objects;

/**
 * Where a service's tasks run.
 *
 * @param strategy default {@link ConfigDefaults#PLACEMENT_STRATEGY}
 * @param constraints in file order; empty by default
 */
public record PlacementConfig(PlacementStrategy strategy, List<PlacementConstraintConfig> constraints) {
  public PlacementConfig {
    Objects.requireNonNull(strategy, "strategy");
    constraints = List.copyOf(constraints);
  }

  /** What a service without a {@code placement} object gets. */
  public static PlacementConfig defaults() {
    return new PlacementConfig(ConfigDefaults.PLACEMENT_STRATEGY, List.of());
  }
}

package dev.deepdive.ecs.app.config;

import java.util.List;
import java.util.Objects;

/**
 * Where a service's tasks run.
 *
 * @param strategy default {@link PlacementStrategy#SPREAD}
 * @param constraints in file order; empty by default
 */
public record PlacementConfig(PlacementStrategy strategy, List<PlacementConstraintConfig> constraints) {
  public PlacementConfig {
    Objects.requireNonNull(strategy, "strategy");
    constraints = List.copyOf(constraints);
  }
}

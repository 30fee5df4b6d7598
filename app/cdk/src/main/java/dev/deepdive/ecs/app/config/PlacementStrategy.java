package dev.deepdive.ecs.app.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How ECS picks a container instance for each task of a service. */
public enum PlacementStrategy {
  /**
   * Spread by {@code attribute:ecs.availability-zone}, then by {@code instanceId}: the ECS service scheduler's default,
   * which keeps a service up when one zone or one instance fails.
   */
  SPREAD,
  /** Binpack by memory: fill instances before using the next, so fewer instances run. */
  BINPACK;

  /** The name written in environment files, e.g. {@code spread} (also how the file is bound). */
  @JsonValue
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}

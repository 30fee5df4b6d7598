package dev.deepdive.ecs.app.config;

import dev.deepdive.ecs.constructs.AgentSettings;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code agent}: ECS agent settings that become lines of {@code /etc/ecs/ecs.config}. The settings are checked
 * by the constructs' catalog, {@link AgentSettings}: names it knows ({@code ECS_CLUSTER} is the tool's), values it
 * accepts, one line each.
 */
final class AgentSection {
  private AgentSection() {}

  /** The settings in file order (empty when absent), or empty when any is invalid. */
  static Optional<Map<String, String>> read(ObjectFields fields, String name) {
    Problems problems = fields.problems();
    JsonPath at = fields.path(name);
    int before = problems.count();
    Optional<Map<String, String>> settings = fields.optionalStringMap(name);
    settings.ifPresent(map -> AgentSettings.check(map).forEach(p -> problems.at(at.field(p.setting()), p.message())));
    if (problems.count() > before) {
      return Optional.empty();
    }
    return Optional.of(settings.orElse(Map.of()));
  }
}

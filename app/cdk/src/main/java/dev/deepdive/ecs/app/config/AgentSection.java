package dev.deepdive.ecs.app.config;

import dev.deepdive.ecs.constructs.taskdef.InstanceTypeCapacity;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads and checks {@code agent}: ECS agent settings that become lines of {@code /etc/ecs/ecs.config}.
 *
 * <p>The file is read as {@code NAME=value} lines
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-agent-config.html), so a value with a
 * line break could smuggle in a second setting, ECS_CLUSTER included; names are the agent's
 * upper-case ECS_ variables.
 */
final class AgentSection {
  static final String CLUSTER_SETTING = "ECS_CLUSTER";

  private static final Pattern NAME = Pattern.compile("ECS_[A-Z0-9_]+");
  private static final int MAX_VALUE_CHARS = 1024;

  private AgentSection() {}

  /** The settings in file order (empty when absent), or empty when any is invalid. */
  static Optional<Map<String, String>> read(ObjectFields fields, String name) {
    Problems problems = fields.problems();
    JsonPath at = fields.path(name);
    int before = problems.count();
    Optional<Map<String, String>> settings = fields.optionalStringMap(name);
    settings.ifPresent(map -> map.forEach((key, value) -> {
      if (key.equals(CLUSTER_SETTING)) {
        problems.at(at.field(key), "not allowed here, got " + Shown.quoted(value)
            + "; the tool writes ECS_CLUSTER from clusterName, so remove this line");
      } else if (!NAME.matcher(key).matches()) {
        problems.at(at.field(key), "not an ECS agent setting name, got " + Shown.quoted(key)
            + "; expected ECS_ followed by capital letters, digits or _, e.g. ECS_LOGLEVEL");
      } else if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\0') >= 0) {
        problems.at(at.field(key), "must not contain a line break or NUL (ecs.config holds one setting per line),"
            + " got " + Shown.quoted(value));
      } else if (key.equals(InstanceTypeCapacity.ECS_RESERVED_MEMORY) && !reservedMemoryValid(value)) {
        problems.at(at.field(key), "must be a whole number of MiB from 0 to "
            + InstanceTypeCapacity.MAX_ECS_RESERVED_MEMORY_MIB + ", got " + Shown.quoted(value)
            + "; the agent keeps that much memory from tasks, e.g. \"256\"");
      } else if (value.codePointCount(0, value.length()) > MAX_VALUE_CHARS) {
        problems.at(at.field(key), "must be at most " + MAX_VALUE_CHARS + " characters, got "
            + value.codePointCount(0, value.length()) + " characters");
      }
    }));
    if (problems.count() > before) {
      return Optional.empty();
    }
    return Optional.of(settings.orElse(Map.of()));
  }

  private static boolean reservedMemoryValid(String value) {
    try {
      InstanceTypeCapacity.ecsReservedMemoryMiB(Map.of(InstanceTypeCapacity.ECS_RESERVED_MEMORY, value));
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}

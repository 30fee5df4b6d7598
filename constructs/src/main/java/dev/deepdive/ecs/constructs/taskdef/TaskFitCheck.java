package dev.deepdive.ecs.constructs.taskdef;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks that at least one of the environment's instance types can ever place the task. ECS does not reject
 * such a task at registration or deploy: the service just never starts a task ("no container instance met all
 * of its requirements"), which is the silent failure this check prevents.
 *
 * <p>The task's needs are what the scheduler reserves: task-level cpu and memory when set, else the sum over
 * its containers of cpu and of memoryReservation (memory when there is no reservation), as described in
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/memory-management.html.
 */
final class TaskFitCheck {
  private TaskFitCheck() {}

  /** Errors when no listed type fits and every type is known; warnings for types the rules do not know. */
  static ValidationReport check(String displayPath, JsonNode root, List<String> instanceTypes,
      int ecsReservedMemoryMiB) {
    int cpu = root.has("cpu") ? TaskSize.cpuUnits(root.get("cpu")).orElse(0) : sumOfContainers(root, "cpu");
    int memory = root.has("memory") ? TaskSize.memoryMiB(root.get("memory")).orElse(0) : containerMemory(root);
    String source = (root.has("cpu") ? "task-level cpu" : "sum of the containers' cpu") + "; "
        + (root.has("memory") ? "task-level memory" : "sum of the containers' memoryReservation, else memory");
    String path = root.has("memory") ? "memory" : root.has("cpu") ? "cpu" : "containerDefinitions";

    List<String> warnings = new ArrayList<>();
    List<InstanceTypeCapacity> known = new ArrayList<>();
    for (String type : instanceTypes) {
      Optional<InstanceTypeCapacity> capacity = InstanceTypeCapacity.of(type);
      if (capacity.isPresent()) {
        known.add(capacity.get());
      } else {
        warnings.add(displayPath + ": " + path + ": cannot check that the task fits instance type '" + type
            + "': its family or size is not in this tool's capacity rules (InstanceTypeCapacity)");
      }
    }
    for (InstanceTypeCapacity c : known) {
      if (cpu <= c.cpuUnits() && memory <= c.registrableMemoryMiB(ecsReservedMemoryMiB)) {
        return new ValidationReport(List.of(), warnings);
      }
    }
    if (known.isEmpty()) {
      return new ValidationReport(List.of(), warnings);
    }
    String offers = known.stream()
        .map(c -> c.instanceType() + " offers " + c.cpuUnits() + " CPU units and "
            + c.registrableMemoryMiB(ecsReservedMemoryMiB) + " MiB for tasks (" + c.describeMemory() + " installed"
            + (ecsReservedMemoryMiB > 0 ? ", less " + ecsReservedMemoryMiB + " MiB of the agent's "
                + InstanceTypeCapacity.ECS_RESERVED_MEMORY : "") + ")")
        .collect(Collectors.joining("; "));
    String needs = "the task needs " + cpu + " CPU units and " + memory + " MiB (" + source + ")";
    String line = displayPath + ": " + path + ": " + needs + ", more than ";
    if (known.size() < instanceTypes.size()) {
      // Unknown types might still fit: say so, but do not stop the synth on a guess.
      warnings.add(line + "any instance type this tool knows can give: " + offers);
      return new ValidationReport(List.of(), warnings);
    }
    return new ValidationReport(List.of(line + "any of the environment's instance types can give, so ECS could"
        + " never place it: " + offers), warnings);
  }

  private static int sumOfContainers(JsonNode root, String field) {
    int sum = 0;
    for (JsonNode c : root.path("containerDefinitions")) {
      sum += c.path(field).asInt(0);
    }
    return sum;
  }

  private static int containerMemory(JsonNode root) {
    int sum = 0;
    for (JsonNode c : root.path("containerDefinitions")) {
      sum += c.has("memoryReservation") ? c.get("memoryReservation").intValue() : c.path("memory").asInt(0);
    }
    return sum;
  }
}

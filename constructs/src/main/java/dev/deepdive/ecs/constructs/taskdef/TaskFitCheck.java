package dev.deepdive.ecs.constructs.taskdef;

import dev.deepdive.ecs.placement.AgentRegistration;
import dev.deepdive.ecs.placement.InstanceTypes;
import dev.deepdive.ecs.placement.RegisteredResources;
import dev.deepdive.ecs.placement.TaskRequirements;
import dev.deepdive.ecs.placement.UnknownInstanceTypeException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks that at least one of the environment's instance types can ever place the task, by CPU and memory. ECS
 * does not reject such a task at registration or deploy: the service just never starts a task ("no container
 * instance met all of its requirements"), which is the silent failure this check prevents.
 *
 * <p>The construct's own guard, for use without the app: the app runs the whole scheduler model
 * ({@code dev.deepdive.ecs.placement.PlacementModel}) over each environment before synthesis, which also checks the
 * first instance type the group launches, GPUs, ports, network interfaces and deployments. The facts of each
 * instance type, and what the ECS agent registers of them, come from that module ({@link InstanceTypes},
 * {@link RegisteredResources}); what the task reserves is {@link TaskRequirements}'s reading of the file.
 */
final class TaskFitCheck {
  private TaskFitCheck() {}

  /** Errors when no listed type fits, or when a listed type is not in the instance type table. */
  static ValidationReport check(String displayPath, TaskRequirements task, List<String> instanceTypes,
      int ecsReservedMemoryMiB) {
    AgentRegistration agent = AgentRegistration.defaults().withReservedMemoryMiB(ecsReservedMemoryMiB);
    String path = task.memory().field();
    List<String> errors = new ArrayList<>();
    List<RegisteredResources> types = new ArrayList<>();
    for (String type : instanceTypes) {
      try {
        types.add(RegisteredResources.of(InstanceTypes.require(type), agent));
      } catch (UnknownInstanceTypeException e) {
        errors.add(displayPath + ": " + path + ": cannot check that the task fits: " + e.getMessage());
      }
    }
    if (!errors.isEmpty()) {
      return new ValidationReport(errors, List.of());
    }
    int cpu = task.cpu().amount();
    int memory = task.memory().amount();
    for (RegisteredResources type : types) {
      if (cpu <= type.cpuUnits() && memory <= type.memoryMiB()) {
        return ValidationReport.clean();
      }
    }
    String offers = types.stream()
        .map(t -> t.type().name() + " offers " + t.cpuUnits() + " CPU units and " + t.memoryMiB()
            + " MiB for tasks (" + t.type().describeMemory() + " installed"
            + (ecsReservedMemoryMiB > 0 ? ", less " + ecsReservedMemoryMiB + " MiB of the agent's "
                + AgentRegistration.RESERVED_MEMORY : "") + ")")
        .collect(Collectors.joining("; "));
    return new ValidationReport(List.of(displayPath + ": " + path + ": the task needs " + cpu + " CPU units and "
        + memory + " MiB (" + task.cpu().basis() + "; " + task.memory().basis() + "), more than any of the"
        + " environment's instance types can give, so ECS could never place it: " + offers), List.of());
  }
}

package dev.deepdive.ecs.placement;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How many tasks of one service an empty instance holds, and what bounds the number: the service alone, for
 * messages and for the instances it needs. The simulation, not this, decides whether placement succeeds.
 *
 * @param tasks   the most tasks, {@link #UNBOUNDED} when nothing bounds it
 * @param by      what bounds it; null when unbounded
 * @param perBound every bound that gives the same number, {@code by} first
 */
record InstanceLimit(int tasks, Shortfall by, List<Shortfall> perBound) {
  static final int UNBOUNDED = Integer.MAX_VALUE;

  /**
   * The bounds in the order messages prefer them when several give the same number: the ones a setting of the
   * task definition removes first (a static host port, a constraint), then the resources.
   */
  private static final List<Shortfall> ORDER = List.of(Shortfall.PORT_LIMIT, Shortfall.PORT_TAKEN,
      Shortfall.DISTINCT_INSTANCE, Shortfall.GPU, Shortfall.MEMORY, Shortfall.CPU, Shortfall.ENI);

  static InstanceLimit of(ServicePlan plan, RegisteredResources registered) {
    TaskRequirements task = plan.input.task();
    Map<Shortfall, Integer> bounds = new EnumMap<>(Shortfall.class);
    if (task.cpu().amount() > 0) {
      bounds.put(Shortfall.CPU, registered.cpuUnits() / task.cpu().amount());
    }
    if (task.memory().amount() > 0) {
      bounds.put(Shortfall.MEMORY, registered.memoryMiB() / task.memory().amount());
    }
    if (task.gpus().amount() > 0) {
      bounds.put(Shortfall.GPU, registered.gpus() / task.gpus().amount());
    }
    if (task.networkMode() == NetworkMode.AWSVPC) {
      bounds.put(Shortfall.ENI, registered.taskEniSlots());
    }
    if (!plan.ports.isEmpty()) {
      if (plan.ports.stream().anyMatch(registered.reservedPorts()::contains)) {
        bounds.put(Shortfall.PORT_TAKEN, 0);
      } else if (registered.reservedPorts().size() + plan.ports.size() > RegisteredResources.MAX_RESERVED_PORTS) {
        bounds.put(Shortfall.PORT_LIMIT, 0);
      } else {
        bounds.put(Shortfall.PORT_TAKEN, 1);
      }
    }
    if (plan.distinctInstance) {
      bounds.put(Shortfall.DISTINCT_INSTANCE, 1);
    }
    int least = bounds.values().stream().mapToInt(Integer::intValue).min().orElse(UNBOUNDED);
    List<Shortfall> binding = new ArrayList<>();
    for (Shortfall s : ORDER) {
      if (bounds.containsKey(s) && bounds.get(s) == least) {
        binding.add(s);
      }
    }
    return new InstanceLimit(least, binding.isEmpty() ? null : binding.get(0), List.copyOf(binding));
  }

  boolean bounded() {
    return tasks != UNBOUNDED;
  }

  /** Instances needed for {@code tasks} tasks at this limit; -1 when no number suffices. */
  int instancesFor(int count) {
    if (count == 0) {
      return 0;
    }
    if (tasks == 0) {
      return -1;
    }
    return tasks == UNBOUNDED ? 1 : (int) Math.ceil(count / (double) tasks);
  }
}

package dev.deepdive.ecs.placement;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One container instance in the simulation: what it registered, what is left, and how many tasks of each service
 * it runs (of the deployment being replaced, and in all). Counts instead of task objects: the scheduler asks for
 * them at every placement, so they must not cost a walk over the tasks.
 */
final class SimulatedInstance {
  final int index;
  final String zone;
  final RegisteredResources registered;
  final Map<String, String> attributes;
  int cpuFree;
  int memoryFree;
  int gpusFree;
  int enisFree;
  /** The agent's reserved ports and every static host port of the tasks running here. */
  final Set<HostPort> portsTaken;
  private final Map<ServicePlan, Integer> tasks;
  private final Map<ServicePlan, Integer> oldTasks;

  SimulatedInstance(int index, String zone, RegisteredResources registered, Map<String, String> attributes) {
    this.index = index;
    this.zone = zone;
    this.registered = registered;
    this.attributes = Map.copyOf(attributes);
    this.cpuFree = registered.cpuUnits();
    this.memoryFree = registered.memoryMiB();
    this.gpusFree = registered.gpus();
    this.enisFree = registered.taskEniSlots();
    this.portsTaken = new HashSet<>(registered.reservedPorts());
    this.tasks = new HashMap<>();
    this.oldTasks = new HashMap<>();
  }

  private SimulatedInstance(SimulatedInstance other) {
    this.index = other.index;
    this.zone = other.zone;
    this.registered = other.registered;
    this.attributes = other.attributes;
    this.cpuFree = other.cpuFree;
    this.memoryFree = other.memoryFree;
    this.gpusFree = other.gpusFree;
    this.enisFree = other.enisFree;
    this.portsTaken = new HashSet<>(other.portsTaken);
    this.tasks = new HashMap<>(other.tasks);
    this.oldTasks = new HashMap<>(other.oldTasks);
  }

  SimulatedInstance copy() {
    return new SimulatedInstance(this);
  }

  /** The first reason this instance cannot take one more task of {@code service}, or empty when it can. */
  Optional<Shortfall> shortfall(ServicePlan service) {
    return Optional.ofNullable(shortfallOrNull(service));
  }

  /** {@link #shortfall} without the allocation, for the scheduler's scan of every instance at every placement. */
  Shortfall shortfallOrNull(ServicePlan service) {
    if (!service.admits(this)) {
      return Shortfall.MEMBER_OF;
    }
    if (service.distinctInstance && count(service) > 0) {
      return Shortfall.DISTINCT_INSTANCE;
    }
    TaskRequirements task = service.input.task();
    if (task.cpu().amount() > cpuFree) {
      return Shortfall.CPU;
    }
    if (task.memory().amount() > memoryFree) {
      return Shortfall.MEMORY;
    }
    if (task.gpus().amount() > gpusFree) {
      return Shortfall.GPU;
    }
    if (task.networkMode() == NetworkMode.AWSVPC && enisFree < 1) {
      return Shortfall.ENI;
    }
    for (HostPort port : service.ports) {
      if (portsTaken.contains(port)) {
        return Shortfall.PORT_TAKEN;
      }
    }
    if (portsTaken.size() + service.ports.size() > RegisteredResources.MAX_RESERVED_PORTS) {
      return Shortfall.PORT_LIMIT;
    }
    return null;
  }

  /** Starts a task of {@code service}: of the deployment being replaced when {@code old}. */
  void start(ServicePlan service, boolean old) {
    TaskRequirements needs = service.input.task();
    cpuFree -= needs.cpu().amount();
    memoryFree -= needs.memory().amount();
    gpusFree -= needs.gpus().amount();
    if (needs.networkMode() == NetworkMode.AWSVPC) {
      enisFree--;
    }
    portsTaken.addAll(service.ports);
    tasks.merge(service, 1, Integer::sum);
    if (old) {
      oldTasks.merge(service, 1, Integer::sum);
    }
  }

  /** Stops one task of {@code service} of the deployment being replaced; its resources and ports come back. */
  void stopOld(ServicePlan service) {
    if (oldCount(service) == 0) {
      throw new IllegalStateException("no old task of " + service.name() + " on instance " + index);
    }
    TaskRequirements needs = service.input.task();
    cpuFree += needs.cpu().amount();
    memoryFree += needs.memory().amount();
    gpusFree += needs.gpus().amount();
    if (needs.networkMode() == NetworkMode.AWSVPC) {
      enisFree++;
    }
    portsTaken.removeAll(service.ports);
    tasks.merge(service, -1, Integer::sum);
    oldTasks.merge(service, -1, Integer::sum);
  }

  /** Tasks of {@code service} here, old and new. */
  int count(ServicePlan service) {
    return tasks.getOrDefault(service, 0);
  }

  /** Tasks of {@code service} here of the deployment being replaced. */
  int oldCount(ServicePlan service) {
    return oldTasks.getOrDefault(service, 0);
  }

  /** Static host ports reserved here, the agent's included: the count ECS limits to 100. */
  int reservedPortCount() {
    return portsTaken.size();
  }
}

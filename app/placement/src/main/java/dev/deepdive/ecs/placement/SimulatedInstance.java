package dev.deepdive.ecs.placement;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One container instance in the simulation: what it registered, what is left, and the tasks it runs. */
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
  final List<SimulatedTask> tasks;

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
    this.tasks = new ArrayList<>();
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
    this.tasks = new ArrayList<>(other.tasks);
  }

  SimulatedInstance copy() {
    return new SimulatedInstance(this);
  }

  /** The first reason this instance cannot take one more task of {@code service}, or empty when it can. */
  Optional<Shortfall> shortfall(ServicePlan service) {
    if (!service.admits(this)) {
      return Optional.of(Shortfall.MEMBER_OF);
    }
    if (service.distinctInstance && count(service) > 0) {
      return Optional.of(Shortfall.DISTINCT_INSTANCE);
    }
    TaskRequirements task = service.input.task();
    if (task.cpu().amount() > cpuFree) {
      return Optional.of(Shortfall.CPU);
    }
    if (task.memory().amount() > memoryFree) {
      return Optional.of(Shortfall.MEMORY);
    }
    if (task.gpus().amount() > gpusFree) {
      return Optional.of(Shortfall.GPU);
    }
    if (task.networkMode() == NetworkMode.AWSVPC && enisFree < 1) {
      return Optional.of(Shortfall.ENI);
    }
    if (service.ports.stream().anyMatch(portsTaken::contains)) {
      return Optional.of(Shortfall.PORT_TAKEN);
    }
    if (portsTaken.size() + service.ports.size() > RegisteredResources.MAX_RESERVED_PORTS) {
      return Optional.of(Shortfall.PORT_LIMIT);
    }
    return Optional.empty();
  }

  void start(SimulatedTask task) {
    TaskRequirements needs = task.service.input.task();
    cpuFree -= needs.cpu().amount();
    memoryFree -= needs.memory().amount();
    gpusFree -= needs.gpus().amount();
    if (needs.networkMode() == NetworkMode.AWSVPC) {
      enisFree--;
    }
    portsTaken.addAll(task.service.ports);
    tasks.add(task);
  }

  void stop(SimulatedTask task) {
    if (!tasks.remove(task)) {
      throw new IllegalStateException("task is not on instance " + index);
    }
    TaskRequirements needs = task.service.input.task();
    cpuFree += needs.cpu().amount();
    memoryFree += needs.memory().amount();
    gpusFree += needs.gpus().amount();
    if (needs.networkMode() == NetworkMode.AWSVPC) {
      enisFree++;
    }
    portsTaken.removeAll(task.service.ports);
  }

  /** Tasks of {@code service} here, old and new. */
  int count(ServicePlan service) {
    int n = 0;
    for (SimulatedTask task : tasks) {
      if (task.service == service) {
        n++;
      }
    }
    return n;
  }

  /** Static host ports reserved here, the agent's included: the count ECS limits to 100. */
  int reservedPortCount() {
    return portsTaken.size();
  }
}

package dev.deepdive.ecs.placement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated cluster and the service scheduler's decisions on it: where each task goes, and what a rolling
 * deployment starts and stops. Greedy, one task at a time, as the real scheduler is; deterministic where the real
 * one picks at random among equals (lowest instance first to start a task, highest first to stop one).
 */
final class Scheduler {
  private final List<SimulatedInstance> instances;
  /** Per service, its tasks per zone: spread asks at every placement, so it is kept, not counted. */
  private final Map<ServicePlan, Map<String, Integer>> perZone;

  private Scheduler(List<SimulatedInstance> instances, Map<ServicePlan, Map<String, Integer>> perZone) {
    this.instances = instances;
    this.perZone = perZone;
  }

  /**
   * {@code count} empty instances like {@code registered}, balanced over the capacity's Availability Zones as an
   * Auto Scaling group balances them: instance i in zone i modulo the zone count.
   */
  static Scheduler of(RegisteredResources registered, int count, CapacityInput capacity, AgentRegistration agent) {
    List<SimulatedInstance> instances = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int zone = i % capacity.availabilityZones();
      Map<String, String> attributes = new LinkedHashMap<>(agent.instanceAttributes());
      attributes.put("ecs.instance-type", registered.type().name());
      attributes.put("ecs.cpu-architecture", registered.type().architecture().attributeValue());
      attributes.put("ecs.os-type", "linux");
      String zoneName = "zone " + (zone + 1);
      if (!capacity.zoneNames().isEmpty()) {
        zoneName = capacity.zoneNames().get(zone);
        attributes.put("ecs.availability-zone", zoneName);
      }
      instances.add(new SimulatedInstance(i, zoneName, registered, attributes));
    }
    return new Scheduler(instances, new HashMap<>());
  }

  Scheduler copy() {
    Map<ServicePlan, Map<String, Integer>> zones = new HashMap<>();
    perZone.forEach((plan, counts) -> zones.put(plan, new HashMap<>(counts)));
    return new Scheduler(new ArrayList<>(instances.stream().map(SimulatedInstance::copy).toList()), zones);
  }

  List<SimulatedInstance> instances() {
    return instances;
  }

  /**
   * Places every service's desired tasks, services in order; a service stops at its first task that fits
   * nowhere (the ones after it would not fit either).
   */
  List<ServiceRun> placeAll(List<ServicePlan> plans) {
    List<ServiceRun> runs = new ArrayList<>();
    for (ServicePlan plan : plans) {
      Map<Shortfall, Integer> blocked = ServicePlan.tally();
      int placed = 0;
      while (placed < plan.input.desiredCount() && place(plan, true, blocked).isPresent()) {
        placed++;
      }
      runs.add(new ServiceRun(plan, placed, placed < plan.input.desiredCount() ? blocked : Map.of(), null));
    }
    return runs;
  }

  /**
   * Starts one task of {@code plan} where the strategy puts it.
   *
   * @param blocked when no instance fits, counts per shortfall how many instances it stopped
   * @return the instance, or empty when none fits
   */
  Optional<SimulatedInstance> place(ServicePlan plan, boolean old, Map<Shortfall, Integer> blocked) {
    boolean binpack = plan.input.strategy() == PlacementStrategy.BINPACK;
    Map<String, Integer> zones = zoneCounts(plan);
    int[] reasons = new int[Shortfall.values().length];
    SimulatedInstance chosen = null;
    for (SimulatedInstance instance : instances) {
      Shortfall shortfall = instance.shortfallOrNull(plan);
      if (shortfall != null) {
        reasons[shortfall.ordinal()]++;
      } else if (chosen == null || (binpack ? binpackBefore(instance, chosen) : spreadBefore(instance, chosen,
          plan, zones))) {
        chosen = instance;
      }
    }
    if (chosen == null) {
      blocked.clear();
      for (Shortfall s : Shortfall.values()) {
        if (reasons[s.ordinal()] > 0) {
          blocked.put(s, reasons[s.ordinal()]);
        }
      }
      return Optional.empty();
    }
    chosen.start(plan, old);
    zones.merge(chosen.zone, 1, Integer::sum);
    return Optional.of(chosen);
  }

  /** binpack by memory: the least memory left first; instances are scanned in index order, so ties keep the first. */
  private static boolean binpackBefore(SimulatedInstance candidate, SimulatedInstance best) {
    return candidate.memoryFree < best.memoryFree;
  }

  /** spread by Availability Zone (fewest tasks of the service in the zone), then by instance (fewest on it). */
  private static boolean spreadBefore(SimulatedInstance candidate, SimulatedInstance best, ServicePlan plan,
      Map<String, Integer> zones) {
    int byZone = Integer.compare(zones.getOrDefault(candidate.zone, 0), zones.getOrDefault(best.zone, 0));
    return byZone != 0 ? byZone < 0 : candidate.count(plan) < best.count(plan);
  }

  private Map<String, Integer> zoneCounts(ServicePlan plan) {
    return perZone.computeIfAbsent(plan, p -> new HashMap<>());
  }

  /**
   * One rolling deployment of {@code plan} from the current state (this scheduler's tasks of the plan are the
   * old deployment's), the ECS rolling update: each round stops old tasks down to minimumHealthyPercent (new ones
   * count as healthy once running), then starts new ones up to maximumPercent. A round that can neither stop nor
   * start a task means the deployment never finishes
   * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html).
   */
  DeploymentRun deploy(ServicePlan plan) {
    int desired = plan.input.desiredCount();
    int most = plan.input.maximumTasks();
    int least = plan.input.minimumHealthyTasks();
    int fresh = 0;
    int old = oldTasks(plan);
    int peak = old;
    int peakInstances = instancesRunning(plan);
    Map<Shortfall, Integer> blocked = ServicePlan.tally();
    while (true) {
      if (old == 0 && fresh == desired) {
        return new DeploymentRun(true, peak, peakInstances, 0, fresh, Map.of());
      }
      int running = old + fresh;
      int stopping = Math.max(0, Math.min(old, running - least));
      for (int i = 0; i < stopping; i++) {
        stopOne(plan);
      }
      old -= stopping;
      running -= stopping;
      int starting = Math.min(most - running, desired - fresh);
      int started = 0;
      while (started < starting && place(plan, false, blocked).isPresent()) {
        started++;
      }
      fresh += started;
      peak = Math.max(peak, running + started);
      peakInstances = Math.max(peakInstances, instancesRunning(plan));
      if (stopping == 0 && started == 0) {
        return new DeploymentRun(false, peak, peakInstances, old, fresh, blocked);
      }
    }
  }

  /**
   * Stops one old task as the scheduler scales in: for spread, in the zone and then on the instance with the most
   * tasks of the service; for binpack, on the instance with the most memory free.
   */
  private void stopOne(ServicePlan plan) {
    Map<String, Integer> zones = zoneCounts(plan);
    Comparator<SimulatedInstance> order = plan.input.strategy() == PlacementStrategy.BINPACK
        ? Comparator.comparingInt((SimulatedInstance i) -> i.memoryFree)
        : Comparator.comparingInt((SimulatedInstance i) -> zones.getOrDefault(i.zone, 0))
            .thenComparingInt(i -> i.count(plan));
    SimulatedInstance from = instances.stream().filter(i -> i.oldCount(plan) > 0)
        .max(order.thenComparingInt(i -> i.index)).orElseThrow();
    from.stopOld(plan);
    zones.merge(from.zone, -1, Integer::sum);
  }

  private int oldTasks(ServicePlan plan) {
    int old = 0;
    for (SimulatedInstance instance : instances) {
      old += instance.oldCount(plan);
    }
    return old;
  }

  private int instancesRunning(ServicePlan plan) {
    return (int) instances.stream().filter(i -> i.count(plan) > 0).count();
  }

  /**
   * A service's steady-state placement.
   *
   * @param placed     tasks placed, at most desiredCount
   * @param blockedBy  when short, per shortfall how many instances it ruled out for the next task
   * @param deployment its rolling deployment, or null when not simulated
   */
  record ServiceRun(ServicePlan plan, int placed, Map<Shortfall, Integer> blockedBy, DeploymentRun deployment) {
    boolean placedAll() {
      return placed == plan.input.desiredCount();
    }

    boolean ok() {
      return placedAll() && (deployment == null || deployment.completes());
    }

    ServiceRun with(DeploymentRun run) {
      return new ServiceRun(plan, placed, blockedBy, run);
    }
  }

  /**
   * A rolling deployment's course.
   *
   * @param completes     every old task replaced
   * @param peakTasks     the most tasks of the service running at once
   * @param peakInstances the most instances running a task of the service at once
   * @param oldLeft       old tasks still running when it stopped
   * @param newRunning    new tasks running when it stopped
   * @param blockedBy     when stuck, per shortfall how many instances ruled out the next new task
   */
  record DeploymentRun(boolean completes, int peakTasks, int peakInstances, int oldLeft, int newRunning,
      Map<Shortfall, Integer> blockedBy) {}
}

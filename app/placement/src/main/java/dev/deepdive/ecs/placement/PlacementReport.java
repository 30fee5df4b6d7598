package dev.deepdive.ecs.placement;

import java.util.List;
import java.util.Objects;

/**
 * What the placement model found for one environment.
 *
 * @param environment the environment's name
 * @param errors      one line each, naming the file, the JSON path and the numbers: the service can never be
 *                    placed, does not fit at maximum capacity, or its rolling deployment cannot progress there
 * @param warnings    one line each: tight fits, fallback instance types that would not do, constraints the model
 *                    cannot evaluate before deploy
 * @param atMaximum   the placement at {@code capacity.maxSize}; null when the inputs could not be simulated
 *                    (an unknown instance type, bad agent settings)
 * @param atDesired   the placement at {@code capacity.desiredSize}; null likewise
 */
public record PlacementReport(String environment, List<String> errors, List<String> warnings,
    CapacityPlacement atMaximum, CapacityPlacement atDesired) {

  public PlacementReport {
    Objects.requireNonNull(environment, "environment");
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  /**
   * The environment's services placed on a number of instances of its first instance type (the one its Auto
   * Scaling group launches first), each service's rolling deployment simulated from there.
   *
   * @param capacity          {@code maximum} or {@code desired}
   * @param instances         the instances simulated
   * @param instanceType      their type
   * @param instancesNeeded   the fewest instances of that type on which every service places and every deployment
   *                          completes; -1 when no number up to 1000 does
   * @param fits              every service placed and every deployment completes on {@code instances}
   * @param services          per service, in file order
   * @param headroom          what is left with every service running
   * @param largestDeployment the deployment that needs the most room beyond the running tasks; null when no
   *                          service deploys
   */
  public record CapacityPlacement(String capacity, int instances, String instanceType, int instancesNeeded,
      boolean fits, List<ServicePlacement> services, Headroom headroom, LargestDeployment largestDeployment) {
    public CapacityPlacement {
      services = List.copyOf(services);
    }
  }

  /**
   * One service's placement.
   *
   * @param name                the service
   * @param desiredCount        tasks it should run
   * @param placed              tasks placed
   * @param instances           instances running one or more of its tasks
   * @param tasksPerInstance    the most of its tasks one empty instance holds; -1 when nothing bounds it
   * @param limitedBy           what bounds it, e.g. {@code static host port 8080}, {@code memory}; empty when
   *                            nothing does
   * @param instancesToRun      instances it needs alone to run desiredCount tasks; -1 when it can never be placed
   * @param instancesToDeploy   instances it needs alone for a rolling deployment to progress; -1 likewise
   * @param deploys             its rolling deployment completes beside the other services
   * @param deploymentPeakTasks the most of its tasks running at once during the deployment
   */
  public record ServicePlacement(String name, int desiredCount, int placed, int instances, int tasksPerInstance,
      String limitedBy, int instancesToRun, int instancesToDeploy, boolean deploys, int deploymentPeakTasks) {}

  /**
   * What is left with every service's desired tasks running, summed over the instances.
   *
   * @param cpuUnitsFree          CPU units free
   * @param cpuUnits              CPU units registered
   * @param memoryMiBFree         MiB free
   * @param memoryMiB             MiB registered
   * @param gpusFree              GPUs free
   * @param gpus                  GPUs registered
   * @param networkInterfacesFree network interfaces free for awsvpc tasks
   * @param networkInterfaces     network interfaces for awsvpc tasks
   * @param reservedPortsMost     the most reserved ports on one instance, the agent's included
   * @param reservedPortsLimit    the limit per instance, {@value RegisteredResources#MAX_RESERVED_PORTS}
   */
  public record Headroom(int cpuUnitsFree, int cpuUnits, int memoryMiBFree, int memoryMiB, int gpusFree, int gpus,
      int networkInterfacesFree, int networkInterfaces, int reservedPortsMost, int reservedPortsLimit) {}

  /**
   * The rolling deployment that needs the most room beyond the tasks already running.
   *
   * @param service       the service
   * @param peakTasks     the most of its tasks running at once
   * @param extraTasks    tasks beyond desiredCount at the peak
   * @param extraCpuUnits CPU units those take
   * @param extraMemoryMiB MiB those take
   * @param instances     instances running its tasks at the peak
   */
  public record LargestDeployment(String service, int peakTasks, int extraTasks, int extraCpuUnits,
      int extraMemoryMiB, int instances) {}
}

package dev.deepdive.ecs.placement;

import java.util.List;
import java.util.Objects;

/**
 * One task of a service as the ECS scheduler sees it: what it reserves on a container instance and which
 * instances it may run on. Built from a task definition by the caller (the CDK app from the file, a live check
 * from DescribeTaskDefinition), so the model needs no task definition parser.
 *
 * <p>The reservations are what the scheduler counts: task-level {@code cpu} and {@code memory} when set, else the
 * sums over the containers of {@code cpu} and of {@code memoryReservation} (else {@code memory})
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/memory-management.html).
 *
 * @param file                  how messages name the task definition file, e.g. {@code app/task-definitions/web.json}
 * @param family                the task definition family
 * @param networkMode           the network mode; {@link NetworkMode#BRIDGE} when the file has none
 * @param cpu                   CPU units
 * @param memory                MiB
 * @param gpus                  GPUs, the sum of the containers' {@code resourceRequirements} of type GPU
 * @param staticHostPorts       host ports the task binds on its instance; none in awsvpc mode
 * @param cpuArchitecture       {@code runtimePlatform.cpuArchitecture}, or null when the file does not say (ECS
 *                              then places on any architecture the image runs on)
 * @param operatingSystemFamily {@code runtimePlatform.operatingSystemFamily}, or null when the file does not say
 *                              (LINUX)
 * @param placementConstraints  the task definition's own {@code memberOf} constraints
 */
public record TaskRequirements(
    String file,
    String family,
    NetworkMode networkMode,
    Reservation cpu,
    Reservation memory,
    Reservation gpus,
    List<StaticHostPort> staticHostPorts,
    Architecture cpuArchitecture,
    String operatingSystemFamily,
    List<PlacementConstraint> placementConstraints) {

  /** The runtimePlatform value that means Linux. */
  public static final String LINUX = "LINUX";

  public TaskRequirements {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(networkMode, "networkMode");
    Objects.requireNonNull(cpu, "cpu");
    Objects.requireNonNull(memory, "memory");
    Objects.requireNonNull(gpus, "gpus");
    staticHostPorts = List.copyOf(staticHostPorts);
    placementConstraints = List.copyOf(placementConstraints);
  }

  /** True when the task runs on Linux: the file names no operating system family, or LINUX. */
  public boolean linux() {
    return operatingSystemFamily == null || operatingSystemFamily.equals(LINUX);
  }
}

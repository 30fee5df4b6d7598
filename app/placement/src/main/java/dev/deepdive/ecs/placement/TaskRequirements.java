package dev.deepdive.ecs.placement;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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

  /**
   * What a task of {@code view} reserves and binds, as the scheduler counts it.
   *
   * @param file how messages name the task definition file
   */
  public static TaskRequirements of(String file, TaskDefinitionView view) {
    List<TaskDefinitionView.Container> containers = view.containers();
    Reservation cpu;
    if (view.cpu() != null) {
      cpu = new Reservation(view.cpu(), "cpu", "task-level cpu");
    } else if (containers.size() == 1) {
      cpu = new Reservation(orZero(containers.get(0).cpu()), "containerDefinitions[0].cpu", "its container's cpu");
    } else {
      cpu = new Reservation(containers.stream().mapToInt(c -> orZero(c.cpu())).sum(), "containerDefinitions",
          "the sum of the containers' cpu");
    }
    Reservation memory;
    if (view.memory() != null) {
      memory = new Reservation(view.memory(), "memory", "task-level memory");
    } else if (containers.size() == 1) {
      TaskDefinitionView.Container only = containers.get(0);
      memory = only.memoryReservation() != null
          ? new Reservation(only.memoryReservation(), "containerDefinitions[0].memoryReservation",
              "its container's memoryReservation")
          : new Reservation(orZero(only.memory()), "containerDefinitions[0].memory", "its container's memory");
    } else {
      memory = new Reservation(containers.stream().mapToInt(TaskRequirements::reservedMemory).sum(),
          "containerDefinitions", "the sum of the containers' memoryReservation, else memory");
    }
    int gpus = 0;
    List<String> gpuFields = new ArrayList<>();
    List<StaticHostPort> ports = new ArrayList<>();
    for (int i = 0; i < containers.size(); i++) {
      TaskDefinitionView.Container c = containers.get(i);
      for (int j = 0; j < c.resourceRequirements().size(); j++) {
        TaskDefinitionView.ResourceRequirement r = c.resourceRequirements().get(j);
        if ("GPU".equals(r.type()) && r.value() != null && r.value().matches("[0-9]{1,4}")) {
          gpus += Integer.parseInt(r.value());
          gpuFields.add("containerDefinitions[" + i + "].resourceRequirements[" + j + "]");
        }
      }
      for (int j = 0; j < c.portMappings().size(); j++) {
        staticHostPort(view.networkMode(), c.portMappings().get(j), "containerDefinitions[" + i + "].portMappings["
            + j + "]").ifPresent(ports::add);
      }
    }
    Reservation gpu = new Reservation(gpus, gpuFields.size() == 1 ? gpuFields.get(0) : "containerDefinitions",
        gpuFields.size() == 1 ? "its GPU resource requirement"
            : "the sum of the containers' GPU resource requirements");
    List<PlacementConstraint> constraints = new ArrayList<>();
    for (int i = 0; i < view.placementConstraints().size(); i++) {
      constraints.add(PlacementConstraint.memberOf(view.placementConstraints().get(i), "placementConstraints[" + i
          + "]"));
    }
    Architecture architecture = view.cpuArchitecture() == null ? null
        : Architecture.parse(view.cpuArchitecture()).orElse(null);
    return new TaskRequirements(file, view.family() == null ? "" : view.family(), view.networkMode(), cpu, memory,
        gpu, ports, architecture, view.operatingSystemFamily(), constraints);
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }

  private static int reservedMemory(TaskDefinitionView.Container c) {
    return c.memoryReservation() != null ? c.memoryReservation() : orZero(c.memory());
  }

  /**
   * The host port a mapping binds on the instance, if any: in bridge mode a non-zero hostPort (0 or none is
   * dynamic, and a containerPortRange gets a dynamic range); in host mode the container port itself; in awsvpc and
   * none modes nothing.
   */
  private static Optional<StaticHostPort> staticHostPort(NetworkMode mode,
      TaskDefinitionView.PortMapping mapping, String path) {
    String protocol = mapping.protocol() == null ? "tcp" : mapping.protocol();
    Integer port = null;
    String field = path + ".hostPort";
    if (mode == NetworkMode.BRIDGE && mapping.hostPort() != null && mapping.hostPort() > 0) {
      port = mapping.hostPort();
    } else if (mode == NetworkMode.HOST && mapping.containerPort() != null) {
      port = mapping.containerPort();
      field = mapping.hostPort() != null ? field : path + ".containerPort";
    }
    if (port == null || port < 1 || port > 65535 || !protocol.equals("tcp") && !protocol.equals("udp")) {
      return Optional.empty();
    }
    return Optional.of(new StaticHostPort(new HostPort(port, protocol), field));
  }

  /** True when the task runs on Linux: the file names no operating system family, or LINUX. */
  public boolean linux() {
    return operatingSystemFamily == null || operatingSystemFamily.equals(LINUX);
  }
}

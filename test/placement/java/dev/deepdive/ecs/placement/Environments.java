package dev.deepdive.ecs.placement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds model inputs for tests: an environment file's capacity and services, and their tasks. */
final class Environments {
  static final String ENV = "app/environments/dev.json";

  private Environments() {}

  /** A task of {@code file} reserving {@code cpu} units and {@code memory} MiB from its one container. */
  static Task task(String file, int cpu, int memory) {
    return new Task(file, cpu, memory);
  }

  static Environment environment(String... instanceTypes) {
    return new Environment(List.of(instanceTypes));
  }

  /** A task definition in the making. */
  static final class Task {
    private final String file;
    private final int cpu;
    private final int memory;
    private NetworkMode networkMode = NetworkMode.BRIDGE;
    private final List<StaticHostPort> ports = new ArrayList<>();
    private int gpus;
    private Architecture architecture;
    private String operatingSystem;
    private final List<PlacementConstraint> constraints = new ArrayList<>();

    Task(String file, int cpu, int memory) {
      this.file = file;
      this.cpu = cpu;
      this.memory = memory;
    }

    Task hostPort(int port) {
      ports.add(new StaticHostPort(HostPort.tcp(port),
          "containerDefinitions[0].portMappings[" + ports.size() + "].hostPort"));
      return this;
    }

    Task hostPorts(int from, int count) {
      for (int i = 0; i < count; i++) {
        hostPort(from + i);
      }
      return this;
    }

    Task awsvpc() {
      networkMode = NetworkMode.AWSVPC;
      return this;
    }

    Task gpus(int count) {
      gpus = count;
      return this;
    }

    Task architecture(Architecture value) {
      architecture = value;
      return this;
    }

    Task operatingSystem(String value) {
      operatingSystem = value;
      return this;
    }

    Task memberOf(String expression) {
      constraints.add(PlacementConstraint.memberOf(expression, "placementConstraints[" + constraints.size() + "]"));
      return this;
    }

    TaskRequirements build() {
      return new TaskRequirements(file, "f", networkMode,
          new Reservation(cpu, "containerDefinitions[0].cpu", "the container's cpu"),
          new Reservation(memory, "containerDefinitions[0].memory", "the container's memory"),
          gpus == 0 ? Reservation.none("containerDefinitions") : new Reservation(gpus,
              "containerDefinitions[0].resourceRequirements[0]", "GPU resource requirements"),
          ports, architecture, operatingSystem, constraints);
    }
  }

  /** An environment in the making. */
  static final class Environment {
    private final List<String> types;
    private int desiredSize = 1;
    private int maxSize = 2;
    private int zones = 2;
    private List<String> zoneNames = List.of();
    private Architecture architecture = Architecture.X86_64;
    private String amiFamily = "AL2023";
    private boolean gpuAmi;
    private final Map<String, String> agent = new LinkedHashMap<>();
    private final List<ServiceInput> services = new ArrayList<>();

    Environment(List<String> types) {
      this.types = types;
    }

    Environment sizes(int desired, int max) {
      desiredSize = desired;
      maxSize = max;
      return this;
    }

    Environment zones(String... names) {
      zones = names.length;
      zoneNames = List.of(names);
      return this;
    }

    Environment zoneCount(int count) {
      zones = count;
      return this;
    }

    Environment arm64() {
      architecture = Architecture.ARM64;
      amiFamily = "AL2023_ARM64";
      return this;
    }

    Environment gpuAmi() {
      gpuAmi = true;
      amiFamily = "AL2023_GPU";
      return this;
    }

    Environment agent(String name, String value) {
      agent.put(name, value);
      return this;
    }

    Environment service(String name, int desired, Task task) {
      return service(name, desired, 200, 100, PlacementStrategy.SPREAD, List.of(), task);
    }

    Environment service(String name, int desired, int maximumPercent, int minimumHealthyPercent,
        PlacementStrategy strategy, List<PlacementConstraint> constraints, Task task) {
      services.add(new ServiceInput(name, "services[" + services.size() + "]", desired, maximumPercent,
          minimumHealthyPercent, strategy, constraints, task.build()));
      return this;
    }

    /** A DAEMON service: one task on every instance its constraints admit. */
    Environment daemon(String name, Task task, PlacementConstraint... constraints) {
      services.add(ServiceInput.daemon(name, "services[" + services.size() + "]", 50, List.of(constraints),
          task.build()));
      return this;
    }

    /** {@code count} tasks no service owns, after the services (tasks[i] counts only the tasks). */
    Environment oneOffTask(String name, int count, Task task) {
      int index = (int) services.stream().filter(s -> s.kind() == ServiceInput.Kind.TASK).count();
      services.add(ServiceInput.task(name, "tasks[" + index + "]", count, task.build()));
      return this;
    }

    EnvironmentInput build() {
      return new EnvironmentInput("dev", new CapacityInput(ENV, types, desiredSize, maxSize, zones, zoneNames,
          amiFamily, architecture, gpuAmi), agent, services);
    }

    PlacementReport evaluate() {
      return PlacementModel.evaluate(build());
    }
  }
}

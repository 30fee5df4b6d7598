package dev.deepdive.ecs.placement;

import dev.deepdive.ecs.placement.TaskDefinitionView.Container;
import dev.deepdive.ecs.placement.TaskDefinitionView.Dependency;
import dev.deepdive.ecs.placement.TaskDefinitionView.HealthCheck;
import dev.deepdive.ecs.placement.TaskDefinitionView.LinuxParameters;
import dev.deepdive.ecs.placement.TaskDefinitionView.PortMapping;
import dev.deepdive.ecs.placement.TaskDefinitionView.ResourceRequirement;
import dev.deepdive.ecs.placement.TaskDefinitionView.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Task definition views for tests: a valid one-container task, changed one field at a time. */
final class Views {
  private Views() {}

  static Task task() {
    return new Task();
  }

  static C container(String name) {
    return new C(name);
  }

  /** A task definition in the making. */
  static final class Task {
    String family = "web";
    NetworkMode networkMode = NetworkMode.BRIDGE;
    Integer cpu;
    Integer memory;
    String pidMode;
    String ipcMode;
    String cpuArchitecture;
    String operatingSystemFamily;
    final List<C> containers = new ArrayList<>();
    final List<String> volumes = new ArrayList<>();
    final List<String> constraints = new ArrayList<>();
    final List<Tag> tags = new ArrayList<>();
    int bytes = 500;

    Task with(UnaryOperator<Task> change) {
      return change.apply(this);
    }

    Task add(C container) {
      containers.add(container);
      return this;
    }

    TaskDefinitionView build() {
      List<C> all = containers.isEmpty() ? List.of(container("app")) : containers;
      return new TaskDefinitionView(family, networkMode, cpu, memory, pidMode, ipcMode, cpuArchitecture,
          operatingSystemFamily, all.stream().map(C::build).toList(), volumes, constraints, tags, bytes);
    }
  }

  /** A container definition in the making. */
  static final class C {
    String name;
    String image = "public.ecr.aws/nginx/nginx:1.27";
    Integer cpu = 256;
    Integer memory = 512;
    Integer memoryReservation;
    boolean essential = true;
    final List<PortMapping> ports = new ArrayList<>();
    final List<Dependency> dependsOn = new ArrayList<>();
    HealthCheck healthCheck;
    final List<ResourceRequirement> resources = new ArrayList<>();
    LinuxParameters linuxParameters;
    String hostname;
    boolean dnsServers;
    boolean dnsSearchDomains;
    boolean extraHosts;

    C(String name) {
      this.name = name;
    }

    C with(UnaryOperator<C> change) {
      return change.apply(this);
    }

    C port(Integer containerPort, Integer hostPort, String protocol) {
      ports.add(new PortMapping(containerPort, hostPort, protocol, null));
      return this;
    }

    C range(String range) {
      ports.add(new PortMapping(null, null, null, range));
      return this;
    }

    C dependsOn(String container, String condition) {
      dependsOn.add(new Dependency(container, condition));
      return this;
    }

    C gpu(String value) {
      resources.add(new ResourceRequirement("GPU", value));
      return this;
    }

    Container build() {
      return new Container(name, image, cpu, memory, memoryReservation, essential, ports, dependsOn, healthCheck,
          resources, linuxParameters, hostname, dnsServers, dnsSearchDomains, extraHosts);
    }
  }
}

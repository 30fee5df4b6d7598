package dev.deepdive.ecs.placement;

import static dev.deepdive.ecs.placement.Views.container;
import static dev.deepdive.ecs.placement.Views.task;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a task reserves and binds, read from a task definition the way the scheduler counts it. */
class TaskRequirementsTest {
  static final String FILE = "app/task-definitions/shop.json";

  static TaskRequirements of(Views.Task task) {
    return TaskRequirements.of(FILE, task.build());
  }

  @Test
  void taskLevelSizesWinOverTheContainers() {
    TaskRequirements t = of(task().with(x -> {
      x.cpu = 1024;
      x.memory = 2048;
      return x;
    }));

    assertThat(t.cpu()).isEqualTo(new Reservation(1024, "cpu", "task-level cpu"));
    assertThat(t.memory()).isEqualTo(new Reservation(2048, "memory", "task-level memory"));
  }

  @Test
  void sumsTheContainersReservationsElseTheirLimits() {
    TaskRequirements t = of(task().add(container("tomcat").with(c -> {
      c.memory = 768;
      c.memoryReservation = 512;
      return c;
    })).add(container("memcached").with(c -> {
      c.cpu = 128;
      c.memory = 128;
      return c;
    })));

    assertThat(t.cpu()).isEqualTo(new Reservation(384, "containerDefinitions", "the sum of the containers' cpu"));
    assertThat(t.memory()).isEqualTo(new Reservation(640, "containerDefinitions",
        "the sum of the containers' memoryReservation, else memory"));
  }

  @Test
  void oneContainersFieldsAreNamed() {
    TaskRequirements t = of(task().add(container("web").with(c -> {
      c.memoryReservation = 256;
      return c;
    })));

    assertThat(t.cpu().field()).isEqualTo("containerDefinitions[0].cpu");
    assertThat(t.memory()).isEqualTo(new Reservation(256, "containerDefinitions[0].memoryReservation",
        "its container's memoryReservation"));
  }

  @Test
  void bridgeModeBindsNonZeroHostPortsOnly() {
    TaskRequirements t = of(task().add(container("web").port(8080, 0, null).port(8443, 443, null).port(53, 53,
        "udp").range("9000-9010")));

    assertThat(t.staticHostPorts()).containsExactly(
        new StaticHostPort(HostPort.tcp(443), "containerDefinitions[0].portMappings[1].hostPort"),
        new StaticHostPort(HostPort.udp(53), "containerDefinitions[0].portMappings[2].hostPort"));
  }

  @Test
  void hostModeBindsEveryContainerPort() {
    TaskRequirements t = of(task().with(x -> {
      x.networkMode = NetworkMode.HOST;
      return x;
    }).add(container("web").port(8080, null, null)));

    assertThat(t.staticHostPorts()).containsExactly(
        new StaticHostPort(HostPort.tcp(8080), "containerDefinitions[0].portMappings[0].containerPort"));
  }

  @Test
  void awsvpcModeBindsNothingOnTheInstance() {
    TaskRequirements t = of(task().with(x -> {
      x.networkMode = NetworkMode.AWSVPC;
      return x;
    }).add(container("web").port(8080, 8080, null)));

    assertThat(t.staticHostPorts()).isEmpty();
  }

  @Test
  void sumsGpusAndReadsTheRuntimePlatform() {
    TaskRequirements t = of(task().with(x -> {
      x.cpuArchitecture = "ARM64";
      x.operatingSystemFamily = "LINUX";
      x.constraints.add("attribute:ecs.instance-type =~ g5.*");
      return x;
    }).add(container("a").gpu("2")).add(container("b").gpu("1")));

    assertThat(t.gpus().amount()).isEqualTo(3);
    assertThat(t.cpuArchitecture()).isEqualTo(Architecture.ARM64);
    assertThat(t.linux()).isTrue();
    assertThat(t.placementConstraints()).containsExactly(
        PlacementConstraint.memberOf("attribute:ecs.instance-type =~ g5.*", "placementConstraints[0]"));
  }
}

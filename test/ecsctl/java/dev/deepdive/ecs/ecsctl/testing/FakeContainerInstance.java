package dev.deepdive.ecs.ecsctl.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A container instance inside {@link FakeEcs}. Its running and pending counts and its remaining CPU, memory and
 * ports are computed from the tasks placed on it. Once DRAINING, its service tasks move to another ACTIVE
 * instance {@link #moveTime} later (ECS's service scheduler replaces them); standalone tasks stay, as on ECS.
 */
public final class FakeContainerInstance {
  private final FakeCluster cluster;
  final String id;
  final String arn;
  String status = "ACTIVE";
  private String ec2InstanceId;
  private String zone = "us-east-1a";
  private String instanceType = "m6i.large";
  private boolean agentConnected = true;
  private String agentVersion = "1.89.2";
  private String dockerVersion = "DockerVersion: 25.0.8";
  private int cpu = 2048;
  private int memory = 7680;
  private final List<String> reservedPorts = new ArrayList<>(List.of("22", "2375", "2376", "51678", "51679"));
  private Duration moveTime = Duration.ofSeconds(20);
  private Long drainingSince;

  FakeContainerInstance(FakeCluster cluster, String id) {
    this.cluster = cluster;
    this.id = id;
    this.arn = FakeEcs.arn("container-instance/" + cluster.name + "/" + id);
    this.ec2InstanceId = "i-0" + Integer.toHexString(Math.abs(id.hashCode()) | 0x1000000);
  }

  // ---- set-up (fluent) ---------------------------------------------------------------------------------

  public FakeContainerInstance ec2InstanceId(String value) {
    synchronized (cluster.ecs) {
      ec2InstanceId = value;
    }
    return this;
  }

  public FakeContainerInstance zone(String value) {
    synchronized (cluster.ecs) {
      zone = value;
    }
    return this;
  }

  public FakeContainerInstance instanceType(String value) {
    synchronized (cluster.ecs) {
      instanceType = value;
    }
    return this;
  }

  /** The agent lost its connection (an instance stopped from EC2 still shows ACTIVE, agent disconnected). */
  public FakeContainerInstance agentDisconnected() {
    synchronized (cluster.ecs) {
      agentConnected = false;
    }
    return this;
  }

  public FakeContainerInstance versions(String agent, String docker) {
    synchronized (cluster.ecs) {
      agentVersion = agent;
      dockerVersion = docker;
    }
    return this;
  }

  /** Registered CPU units and memory (MiB). */
  public FakeContainerInstance resources(int cpuUnits, int memoryMiB) {
    synchronized (cluster.ecs) {
      cpu = cpuUnits;
      memory = memoryMiB;
    }
    return this;
  }

  /** ACTIVE, DRAINING, INACTIVE, REGISTERING, ... as set by ECS or someone else. */
  public FakeContainerInstance status(String value) {
    synchronized (cluster.ecs) {
      setStatus(value, cluster.ecs.nowMillis());
    }
    return this;
  }

  /** How long after DRAINING its service tasks take to move; {@code null}: never. */
  public FakeContainerInstance moveTime(Duration value) {
    synchronized (cluster.ecs) {
      moveTime = value;
    }
    return this;
  }

  /** The zone a task placed here reports (RunTask/StartTask tasks). */
  String zoneName() {
    return zone;
  }

  public String currentStatus() {
    synchronized (cluster.ecs) {
      return status;
    }
  }

  // ---- simulation (under the FakeEcs lock) -------------------------------------------------------------

  void setStatus(String value, long now) {
    if ("DRAINING".equals(value) && !"DRAINING".equals(status)) {
      drainingSince = now;
    } else if (!"DRAINING".equals(value)) {
      drainingSince = null;
    }
    status = value;
  }

  /** True once the service tasks placed here have moved away. */
  boolean movedAway(long now) {
    return drainingSince != null && moveTime != null && now >= drainingSince + moveTime.toMillis();
  }

  /** Where ECS places a task moved off a draining instance: the first other ACTIVE instance, or nowhere. */
  FakeContainerInstance replacement() {
    return cluster.instances.values().stream()
        .filter(i -> i != this && "ACTIVE".equals(i.status)).findFirst().orElse(null);
  }

  ObjectNode toJson(ObjectMapper json, long now) {
    List<FakeTask> here = cluster.tasks.stream()
        .filter(t -> "RUNNING".equals(t.desiredStatus()) && t.placedOn(now) == this).toList();
    int usedCpu = here.stream().mapToInt(t -> t.cpu).sum();
    int usedMemory = here.stream().mapToInt(t -> t.memory).sum();
    List<String> usedPorts = new ArrayList<>(reservedPorts);
    here.stream().filter(t -> t.hostPort != null).forEach(t -> usedPorts.add(String.valueOf(t.hostPort)));
    ObjectNode c = json.createObjectNode();
    c.put("containerInstanceArn", arn);
    c.put("ec2InstanceId", ec2InstanceId);
    c.put("status", status);
    c.put("agentConnected", agentConnected);
    c.put("runningTasksCount", (int) here.stream().filter(t -> !t.pending).count());
    c.put("pendingTasksCount", (int) here.stream().filter(t -> t.pending).count());
    c.put("registeredAt", cluster.ecs.epochSeconds() - 86_400);
    ObjectNode version = c.putObject("versionInfo");
    version.put("agentVersion", agentVersion);
    version.put("agentHash", "0a1b2c3d");
    version.put("dockerVersion", dockerVersion);
    resources(c.putArray("registeredResources"), cpu, memory, reservedPorts);
    resources(c.putArray("remainingResources"), cpu - usedCpu, memory - usedMemory, usedPorts);
    ArrayNode attributes = c.putArray("attributes");
    attributes.addObject().put("name", "ecs.availability-zone").put("value", zone);
    attributes.addObject().put("name", "ecs.instance-type").put("value", instanceType);
    attributes.addObject().put("name", "ecs.os-type").put("value", "linux");
    return c;
  }

  private static void resources(ArrayNode out, int cpu, int memory, List<String> ports) {
    out.addObject().put("name", "CPU").put("type", "INTEGER").put("integerValue", cpu);
    out.addObject().put("name", "MEMORY").put("type", "INTEGER").put("integerValue", memory);
    ArrayNode tcp = out.addObject().put("name", "PORTS").put("type", "STRINGSET").putArray("stringSetValue");
    ports.forEach(tcp::add);
    out.addObject().put("name", "PORTS_UDP").put("type", "STRINGSET").putArray("stringSetValue");
  }
}

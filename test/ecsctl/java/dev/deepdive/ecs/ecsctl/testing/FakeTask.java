package dev.deepdive.ecs.ecsctl.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A task for ListTasks/DescribeTasks: RUNNING by default, or stopped with a reason and container exits. A task
 * of no service ({@code service} null) is a standalone task. Placed on a container instance, it counts there;
 * a service task on a draining instance moves to another one (see {@link FakeContainerInstance}).
 */
public final class FakeTask {
  final String service;
  final String id;
  final String arn;
  private String lastStatus = "RUNNING";
  private String stoppedReason;
  private String stopCode;
  private double stoppedAt;
  private String taskDefinition;
  private final List<ObjectNode> containers = new ArrayList<>();
  private final FakeCluster cluster;
  private FakeContainerInstance instance;
  private boolean execEnabled;
  int cpu = 256;
  int memory = 512;
  Integer hostPort;
  boolean pending;

  FakeTask(FakeCluster cluster, String service, String id) {
    this.cluster = cluster;
    this.service = service;
    this.id = id;
    this.arn = FakeEcs.arn("task/" + cluster.name + "/" + id);
    this.taskDefinition = FakeEcs.arn("task-definition/" + (service == null ? "batch" : service) + ":1");
  }

  /** Placed on {@code containerInstance} with this CPU (units), memory (MiB) and host port (or null). */
  public FakeTask on(FakeContainerInstance containerInstance, int cpuUnits, int memoryMiB, Integer port) {
    synchronized (cluster.ecs) {
      instance = containerInstance;
      cpu = cpuUnits;
      memory = memoryMiB;
      hostPort = port;
    }
    return this;
  }

  /** PENDING on its instance: placed, not yet started. */
  public FakeTask pending() {
    synchronized (cluster.ecs) {
      pending = true;
      lastStatus = "PENDING";
    }
    return this;
  }

  /** Run with ECS Exec on, its ExecuteCommandAgent RUNNING. */
  public FakeTask execEnabled() {
    synchronized (cluster.ecs) {
      execEnabled = true;
    }
    return this;
  }

  public FakeTask taskDefinition(String familyRevision) {
    synchronized (cluster.ecs) {
      taskDefinition = FakeEcs.arn("task-definition/" + familyRevision);
    }
    return this;
  }

  /** Stopped {@code secondsAgo} before now, with ECS's stop code and reason. */
  public FakeTask stopped(String code, String reason, int secondsAgo) {
    synchronized (cluster.ecs) {
      lastStatus = "STOPPED";
      stopCode = code;
      stoppedReason = reason;
      stoppedAt = cluster.ecs.epochSeconds() - secondsAgo;
    }
    return this;
  }

  /** A container with its exit code, reason, hard memory limit (MiB, or null) and health status. */
  public FakeTask container(String name, Integer exitCode, String reason, String memory, String health) {
    synchronized (cluster.ecs) {
      ObjectNode c = new ObjectMapper().createObjectNode();
      c.put("name", name);
      c.put("lastStatus", lastStatus);
      if (exitCode != null) c.put("exitCode", exitCode);
      if (reason != null) c.put("reason", reason);
      if (memory != null) c.put("memory", memory);
      if (health != null) c.put("healthStatus", health);
      containers.add(c);
    }
    return this;
  }

  boolean execOn() {
    return execEnabled;
  }

  List<String> containerNames() {
    return containers.stream().map(c -> c.get("name").asText()).toList();
  }

  /** Where the task is at {@code now}: a service task leaves a drained instance for another ACTIVE one. */
  FakeContainerInstance placedOn(long now) {
    if (instance != null && service != null && instance.movedAway(now)) {
      return instance.replacement();
    }
    return instance;
  }

  String desiredStatus() {
    return "STOPPED".equals(lastStatus) ? "STOPPED" : "RUNNING";
  }

  ObjectNode toJson(ObjectMapper json, FakeCluster owner) {
    ObjectNode t = json.createObjectNode();
    t.put("taskArn", arn);
    t.put("clusterArn", owner.arn);
    t.put("taskDefinitionArn", taskDefinition);
    t.put("lastStatus", lastStatus);
    t.put("desiredStatus", desiredStatus());
    t.put("group", service == null ? "family:" + FakeEcs.lastSegment(taskDefinition).split(":")[0]
        : "service:" + service);
    FakeContainerInstance placed = placedOn(owner.ecs.nowMillis());
    if (placed != null) t.put("containerInstanceArn", placed.arn);
    t.put("enableExecuteCommand", execEnabled);
    if (stoppedReason != null) t.put("stoppedReason", stoppedReason);
    if (stopCode != null) t.put("stopCode", stopCode);
    if (stoppedAt > 0) t.put("stoppedAt", stoppedAt);
    ArrayNode cs = t.putArray("containers");
    for (ObjectNode c : containers) {
      ObjectNode copy = c.deepCopy();
      copy.put("runtimeId", id + "-" + c.get("name").asText());
      if (execEnabled) {
        copy.putArray("managedAgents").addObject().put("name", "ExecuteCommandAgent").put("lastStatus", "RUNNING");
      }
      cs.add(copy);
    }
    return t;
  }
}

package dev.deepdive.ecs.ecsctl.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** A task for ListTasks/DescribeTasks: RUNNING by default, or stopped with a reason and container exits. */
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

  FakeTask(FakeCluster cluster, String service, String id) {
    this.cluster = cluster;
    this.service = service;
    this.id = id;
    this.arn = FakeEcs.arn("task/" + cluster.name + "/" + id);
    this.taskDefinition = FakeEcs.arn("task-definition/" + service + ":1");
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
    t.put("group", "service:" + service);
    if (stoppedReason != null) t.put("stoppedReason", stoppedReason);
    if (stopCode != null) t.put("stopCode", stopCode);
    if (stoppedAt > 0) t.put("stoppedAt", stoppedAt);
    ArrayNode cs = t.putArray("containers");
    containers.forEach(cs::add);
    return t;
  }
}

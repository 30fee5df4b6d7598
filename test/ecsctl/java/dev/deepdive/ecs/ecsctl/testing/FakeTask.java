package dev.deepdive.ecs.ecsctl.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task for ListTasks/DescribeTasks: RUNNING by default, or stopped with a reason and container exits. A task
 * of no service ({@code service} null) is a standalone task. Placed on a container instance, it counts there;
 * a service task on a draining instance moves to another one (see {@link FakeContainerInstance}). A task RunTask or
 * StartTask launched moves through its lifecycle on the fake's clock as its family's {@link FakeTaskScript} says.
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
    if (launch != null) {
      return launch.desiredStatus(cluster.ecs.nowMillis());
    }
    return "STOPPED".equals(lastStatus) ? "STOPPED" : "RUNNING";
  }

  ObjectNode toJson(ObjectMapper json, FakeCluster owner) {
    if (launch != null) {
      return launch.toJson(json, owner, owner.ecs.nowMillis());
    }
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

  // ---- tasks launched by RunTask / StartTask ---------------------------------------------------------------

  /** Set for a task RunTask or StartTask launched; null for one a test set up. */
  private Launch launch;

  /** A task RunTask or StartTask launched at {@code now} (fake ms) on {@code containerInstance}. */
  static FakeTask launched(FakeCluster cluster, String id, FakeTaskDefinition td, FakeTaskScript script,
      FakeContainerInstance containerInstance, String startedBy, JsonNode overrides, long now) {
    FakeTask task = new FakeTask(cluster, null, id);
    task.taskDefinition = td.arn();
    task.instance = containerInstance;
    task.launch = new Launch(task, td, script, startedBy, overrides, now);
    return task;
  }

  /** The family a launched task runs, or null for a task a test set up. */
  String family() {
    return launch == null ? null : launch.definition.family;
  }

  String startedBy() {
    return launch == null ? null : launch.startedBy;
  }

  /** StopTask: the task reaches STOPPED its script's stop time later, unless it stops on its own first. */
  void stop(String reason, long now) {
    if (launch != null && launch.stopRequestedAt == null && !"STOPPED".equals(launch.lastStatus(now))) {
      launch.stopRequestedAt = now;
      launch.stopReason = reason == null ? "Task stopped by user" : reason;
    }
  }

  /** The task's ID (the last segment of its ARN). */
  public String id() {
    return id;
  }

  /** Fake ms at which this launched task reached STOPPED; null while it has not (or was not launched). */
  public Long stoppedAtMillis() {
    synchronized (cluster.ecs) {
      if (launch == null) {
        return null;
      }
      Long end = launch.end();
      return end != null && cluster.ecs.nowMillis() >= end ? end : null;
    }
  }

  /** Fake ms at which DescribeTasks first reported this launched task STOPPED; null if it has not yet. */
  public Long reportedStoppedAtMillis() {
    synchronized (cluster.ecs) {
      return launch == null ? null : launch.reportedStoppedAt;
    }
  }

  /** The StopTask reason this launched task received, or null if none. */
  public String stopRequestReason() {
    synchronized (cluster.ecs) {
      return launch == null ? null : launch.stopReason;
    }
  }

  /** The lifecycle of a launched task, computed from its launch time and script; read under the FakeEcs lock. */
  private static final class Launch {
    final FakeTask task;
    final FakeTaskDefinition definition;
    final String startedBy;
    final JsonNode overrides;
    final long launchedAt;
    final long provisionedAt;
    final long startedAt;
    /** When it stops on its own; null if it runs until stopped. */
    final Long naturalEnd;
    final boolean failsToStart;
    final String failStopCode;
    final String failReason;
    final Map<String, Integer> exitCodes;
    final Map<String, String> exitReasons;
    final long stopTakes;
    Long stopRequestedAt;
    String stopReason;
    /** When a DescribeTasks answer first carried STOPPED, for measuring how soon ecsctl sees a stop. */
    Long reportedStoppedAt;

    Launch(FakeTask task, FakeTaskDefinition definition, FakeTaskScript script, String startedBy, JsonNode overrides,
        long now) {
      this.task = task;
      this.definition = definition;
      this.startedBy = startedBy;
      this.overrides = overrides;
      this.launchedAt = now;
      this.provisionedAt = now + script.provisioning.toMillis();
      this.startedAt = provisionedAt + script.pending.toMillis();
      this.failsToStart = script.failStopCode != null;
      this.failStopCode = script.failStopCode;
      this.failReason = script.failReason;
      this.naturalEnd = failsToStart ? Long.valueOf(startedAt)
          : script.runs == null ? null : Long.valueOf(startedAt + script.runs.toMillis());
      this.exitCodes = new LinkedHashMap<>(script.exitCodes);
      this.exitReasons = new LinkedHashMap<>(script.exitReasons);
      this.stopTakes = script.stopTakes.toMillis();
    }

    /** When it reaches STOPPED, or null if not yet known (runs until stopped and nobody stopped it). */
    Long end() {
      Long stopEnd = stopRequestedAt == null ? null : stopRequestedAt + stopTakes;
      if (naturalEnd == null) {
        return stopEnd;
      }
      return stopEnd == null ? naturalEnd : Math.min(naturalEnd, stopEnd);
    }

    boolean stoppedByUser() {
      Long end = end();
      return end != null && stopRequestedAt != null && (naturalEnd == null || end < naturalEnd);
    }

    boolean ran() {
      return !failsToStart && (stopRequestedAt == null || stopRequestedAt >= startedAt);
    }

    String lastStatus(long now) {
      Long end = end();
      if (end != null && now >= end) {
        return "STOPPED";
      }
      if (now < provisionedAt) {
        return "PROVISIONING";
      }
      if (now < startedAt || (stopRequestedAt != null && stopRequestedAt < startedAt)) {
        return "PENDING";
      }
      return "RUNNING";
    }

    String desiredStatus(long now) {
      return (stopRequestedAt != null && now >= stopRequestedAt) || "STOPPED".equals(lastStatus(now))
          ? "STOPPED" : "RUNNING";
    }

    ObjectNode toJson(ObjectMapper json, FakeCluster owner, long now) {
      FakeEcs ecs = owner.ecs;
      String status = lastStatus(now);
      boolean stopped = "STOPPED".equals(status);
      ObjectNode t = json.createObjectNode();
      t.put("taskArn", task.arn);
      t.put("clusterArn", owner.arn);
      t.put("taskDefinitionArn", definition.arn());
      if (task.instance != null) {
        t.put("containerInstanceArn", task.instance.arn);
        t.put("availabilityZone", task.instance.zoneName());
      }
      t.put("capacityProviderName", owner.defaultCapacityProvider);
      t.put("launchType", "EC2");
      t.put("lastStatus", status);
      t.put("desiredStatus", desiredStatus(now));
      t.put("healthStatus", "UNKNOWN");
      t.put("group", "family:" + definition.family);
      if (startedBy != null) t.put("startedBy", startedBy);
      t.put("createdAt", ecs.epochSecondsAt(launchedAt));
      if (ran() && now >= startedAt) t.put("startedAt", ecs.epochSecondsAt(startedAt));
      if (stopped || (stopRequestedAt != null && now >= stopRequestedAt)) {
        t.put("stoppingAt", ecs.epochSecondsAt(stopRequestedAt != null ? stopRequestedAt : end()));
      }
      if (stopped) {
        if (reportedStoppedAt == null) {
          reportedStoppedAt = now;
        }
        t.put("stoppedAt", ecs.epochSecondsAt(end()));
        if (stoppedByUser()) {
          t.put("stopCode", "UserInitiated");
          t.put("stoppedReason", stopReason);
        } else if (failsToStart) {
          t.put("stopCode", failStopCode);
          t.put("stoppedReason", failReason);
        } else {
          t.put("stopCode", "EssentialContainerExited");
          t.put("stoppedReason", "Essential container in task exited");
        }
      }
      if (overrides != null) t.set("overrides", overrides);
      ArrayNode cs = t.putArray("containers");
      for (String name : definition.containerNames()) {
        ObjectNode c = cs.addObject();
        c.put("containerArn", FakeEcs.arn("container/" + owner.name + "/" + task.id + "/" + name));
        c.put("taskArn", task.arn);
        c.put("name", name);
        c.put("lastStatus", stopped ? "STOPPED" : "RUNNING".equals(status) ? "RUNNING" : "PENDING");
        c.put("healthStatus", "UNKNOWN");
        if (stopped) {
          if (failsToStart) {
            c.put("reason", failReason);
          } else if (stoppedByUser() && ran()) {
            // Docker's exit code after SIGTERM: 128 + 15.
            c.put("exitCode", 143);
          } else if (!stoppedByUser()) {
            c.put("exitCode", exitCodes.getOrDefault(name, 0));
            if (exitReasons.containsKey(name)) c.put("reason", exitReasons.get(name));
          }
        }
      }
      return t;
    }
  }
}

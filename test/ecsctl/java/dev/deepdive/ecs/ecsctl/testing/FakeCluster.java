package dev.deepdive.ecs.ecsctl.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cluster inside {@link FakeEcs}: services, tasks, and container instances (or, for tests that only count
 * them, a container instance count).
 */
public final class FakeCluster {
  final FakeEcs ecs;
  final String name;
  final String arn;
  final Map<String, FakeService> services = new LinkedHashMap<>();
  final List<FakeTask> tasks = new ArrayList<>();
  final Map<String, FakeContainerInstance> instances = new LinkedHashMap<>();
  int containerInstances = 2;

  FakeCluster(FakeEcs ecs, String name) {
    this.ecs = ecs;
    this.name = name;
    this.arn = FakeEcs.arn("cluster/" + name);
    this.defaultCapacityProvider = name + "-capacity";
  }

  /** An ACTIVE service with desired 2, running 2, draining in {@link FakeEcs#DEFAULT_DRAIN}; adjust with its setters. */
  public FakeService service(String serviceName) {
    synchronized (ecs) {
      return services.computeIfAbsent(serviceName, n -> new FakeService(this, n));
    }
  }

  public FakeCluster containerInstances(int count) {
    synchronized (ecs) {
      containerInstances = count;
    }
    return this;
  }

  /**
   * A container instance (ACTIVE, agent connected, 2048 CPU units and 7680 MiB registered, in us-east-1a);
   * adjust it through the returned object. {@code id} is the container instance ID, the last part of its ARN.
   */
  public FakeContainerInstance containerInstance(String id) {
    synchronized (ecs) {
      return instances.computeIfAbsent(id, n -> new FakeContainerInstance(this, n));
    }
  }

  /** A task of {@code service} for ListTasks/DescribeTasks; configure it through the returned object. */
  public FakeTask task(String service, String id) {
    synchronized (ecs) {
      FakeTask task = new FakeTask(this, service, id);
      tasks.add(task);
      return task;
    }
  }

  // ---- container instances and capacity for RunTask / StartTask ---------------------------------------------

  /** The capacity provider of the cluster's default capacity provider strategy, which RunTask uses. */
  String defaultCapacityProvider;
  /** Round-robin placement for RunTask. */
  private int nextPlacement;

  /** The ID of the {@code index}th container instance made for RunTask (0-based): 32 hex digits. */
  public String containerInstanceId(int index) {
    return java.util.UUID.nameUUIDFromBytes((name + "/container-instance/" + index)
        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString().replace("-", "");
  }

  /**
   * The ACTIVE container instances RunTask and StartTask place on: those a test set up, or else
   * {@link #containerInstances} of them made on first use ({@link #containerInstanceId(int)}, zones a and b in turn).
   */
  List<FakeContainerInstance> placeable() {
    if (instances.isEmpty()) {
      for (int i = 0; i < containerInstances; i++) {
        containerInstance(containerInstanceId(i)).zone(FakeEcs.REGION + (i % 2 == 0 ? "a" : "b"));
      }
    }
    return instances.values().stream().filter(i -> "ACTIVE".equals(i.status)).toList();
  }

  /** The container instance RunTask places its next task on (round robin); null when there is none. */
  FakeContainerInstance placeNext() {
    List<FakeContainerInstance> active = placeable();
    return active.isEmpty() ? null : active.get(nextPlacement++ % active.size());
  }

  /** Tasks RunTask and StartTask launched, in launch order. */
  public List<FakeTask> launchedTasks() {
    synchronized (ecs) {
      return tasks.stream().filter(t -> t.family() != null).toList();
    }
  }

  ObjectNode toJson(ObjectMapper json, long now) {
    ObjectNode c = json.createObjectNode();
    c.put("clusterName", name);
    c.put("clusterArn", arn);
    c.put("status", "ACTIVE");
    c.put("registeredContainerInstancesCount", instances.isEmpty() ? containerInstances : instances.size());
    c.put("runningTasksCount", services.values().stream().mapToInt(s -> s.running(now)).sum());
    c.put("pendingTasksCount", services.values().stream().mapToInt(s -> s.pending(now)).sum());
    c.put("activeServicesCount", (int) services.values().stream().filter(s -> "ACTIVE".equals(s.status(now))).count());
    return c;
  }
}

package dev.deepdive.ecs.ecsctl.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service inside {@link FakeEcs}. Its counts are computed from the clock: after desired 0, the tasks
 * running at that moment stop evenly spread over {@link #drainTime}, the last exactly at the end.
 */
public final class FakeService {
  private final FakeCluster cluster;
  final String name;
  final String arn;
  int desired = 2;
  private int running = 2;
  private int pending;
  private Duration drainTime = FakeEcs.DEFAULT_DRAIN;
  private Duration inactiveAfter = Duration.ofSeconds(2);
  private String taskDefinition;
  private final Map<String, String> tags = new LinkedHashMap<>();
  private final List<ObjectNode> extraDeployments = new ArrayList<>();
  private final List<String[]> presetEvents = new ArrayList<>();
  boolean forgetWhenInactive;
  private Long scaledDownAt;
  private int runningAtScaleDown;
  private Long deletedAt;
  private Integer runningAtDelete;
  private boolean deletedWithForce;
  private Duration raiseAfter;
  private int raiseTo;

  FakeService(FakeCluster cluster, String name) {
    this.cluster = cluster;
    this.name = name;
    this.arn = FakeEcs.arn("service/" + cluster.name + "/" + name);
    this.taskDefinition = FakeEcs.arn("task-definition/" + name + ":1");
  }

  // ---- set-up (fluent) ---------------------------------------------------------------------------------

  public FakeService counts(int desiredCount, int runningCount, int pendingCount) {
    synchronized (cluster.ecs) {
      desired = desiredCount;
      running = runningCount;
      pending = pendingCount;
    }
    return this;
  }

  /** How long its tasks take to stop after desired 0 (deregistration delay plus stop timeout); null: never. */
  public FakeService drainTime(Duration time) {
    synchronized (cluster.ecs) {
      drainTime = time;
    }
    return this;
  }

  /** How long it stays DRAINING after DeleteService. */
  public FakeService inactiveAfter(Duration time) {
    synchronized (cluster.ecs) {
      inactiveAfter = time;
    }
    return this;
  }

  public FakeService tag(String key, String value) {
    synchronized (cluster.ecs) {
      tags.put(key, value);
    }
    return this;
  }

  public FakeService taskDefinition(String familyRevision) {
    synchronized (cluster.ecs) {
      taskDefinition = FakeEcs.arn("task-definition/" + familyRevision);
    }
    return this;
  }

  /** Already deleted some time ago and now INACTIVE, as DescribeServices still reports it for a while. */
  public FakeService inactive() {
    synchronized (cluster.ecs) {
      desired = 0;
      running = 0;
      pending = 0;
      deletedAt = cluster.ecs.nowMillis() - inactiveAfter.toMillis() - 1;
    }
    return this;
  }

  /** Deleted a moment ago and still DRAINING. */
  public FakeService draining() {
    synchronized (cluster.ecs) {
      desired = 0;
      running = 0;
      pending = 0;
      inactiveAfter = Duration.ofHours(1);
      deletedAt = cluster.ecs.nowMillis();
    }
    return this;
  }

  /** Once INACTIVE, DescribeServices reports it MISSING (as ECS does after about an hour). */
  public FakeService forgetWhenInactive() {
    synchronized (cluster.ecs) {
      forgetWhenInactive = true;
    }
    return this;
  }

  /** Like Application Auto Scaling: {@code after} the scale-down, desired goes back up to {@code to}. */
  public FakeService raisesDesiredAfterScaleDown(Duration after, int to) {
    synchronized (cluster.ecs) {
      raiseAfter = after;
      raiseTo = to;
      drainTime = null;
    }
    return this;
  }

  /** A service event (newest is the last one added), e.g. a placement failure. */
  public FakeService event(String message) {
    synchronized (cluster.ecs) {
      presetEvents.add(new String[] {String.valueOf(cluster.ecs.epochSeconds()), message});
    }
    return this;
  }

  /** An extra deployment, e.g. {@code ("ACTIVE", "web:2", "FAILED", "tasks failed to start")}. */
  public FakeService deployment(String status, String familyRevision, String rolloutState, String reason,
      int failedTasks) {
    synchronized (cluster.ecs) {
      ObjectNode d = new ObjectMapper().createObjectNode();
      d.put("id", "ecs-svc/" + (2 + extraDeployments.size()));
      d.put("status", status);
      d.put("taskDefinition", FakeEcs.arn("task-definition/" + familyRevision));
      d.put("desiredCount", 0);
      d.put("runningCount", 0);
      d.put("pendingCount", 0);
      d.put("failedTasks", failedTasks);
      d.put("rolloutState", rolloutState);
      d.put("rolloutStateReason", reason);
      extraDeployments.add(d);
    }
    return this;
  }

  // ---- inspection --------------------------------------------------------------------------------------

  /** Tasks running when DeleteService arrived; null if it never did. */
  public Integer runningAtDelete() {
    synchronized (cluster.ecs) {
      return runningAtDelete;
    }
  }

  public boolean deletedWithForce() {
    synchronized (cluster.ecs) {
      return deletedWithForce;
    }
  }

  /** Simulated ms at which the last task stopped; null if not drained (yet). */
  public Long drainedAtMillis() {
    synchronized (cluster.ecs) {
      return scaledDownAt == null || drainTime == null ? null : scaledDownAt + drainTime.toMillis();
    }
  }

  public Long deletedAtMillis() {
    synchronized (cluster.ecs) {
      return deletedAt;
    }
  }

  public String status() {
    synchronized (cluster.ecs) {
      return status(cluster.ecs.nowMillis());
    }
  }

  public int desiredCount() {
    synchronized (cluster.ecs) {
      return desired(cluster.ecs.nowMillis());
    }
  }

  // ---- simulation (called under the FakeEcs lock) ------------------------------------------------------

  void setDesired(int count, long now) {
    desired = count;
    if (count == 0 && scaledDownAt == null) {
      scaledDownAt = now;
      runningAtScaleDown = running;
    }
  }

  void delete(long now, boolean force) {
    runningAtDelete = running(now);
    deletedWithForce = force;
    deletedAt = now;
  }

  int desired(long now) {
    if (raiseAfter != null && scaledDownAt != null && now >= scaledDownAt + raiseAfter.toMillis()) {
      return raiseTo;
    }
    return desired;
  }

  int running(long now) {
    if (scaledDownAt == null) {
      return running;
    }
    if (drainTime == null) {
      return runningAtScaleDown;
    }
    long elapsed = now - scaledDownAt;
    long total = Math.max(1, drainTime.toMillis());
    if (elapsed >= total) {
      return 0;
    }
    return runningAtScaleDown - (int) (runningAtScaleDown * elapsed / total);
  }

  int pending(long now) {
    return scaledDownAt == null && deletedAt == null ? pending : 0;
  }

  String status(long now) {
    if (deletedAt == null) {
      return "ACTIVE";
    }
    return now >= deletedAt + inactiveAfter.toMillis() ? "INACTIVE" : "DRAINING";
  }

  ObjectNode toJson(ObjectMapper json, boolean withTags) {
    long now = cluster.ecs.nowMillis();
    ObjectNode s = json.createObjectNode();
    s.put("serviceName", name);
    s.put("serviceArn", arn);
    s.put("clusterArn", cluster.arn);
    s.put("status", status(now));
    s.put("desiredCount", desired(now));
    s.put("runningCount", running(now));
    s.put("pendingCount", pending(now));
    s.put("taskDefinition", taskDefinition);
    s.put("launchType", "EC2");
    ArrayNode deployments = s.putArray("deployments");
    ObjectNode primary = deployments.addObject();
    primary.put("id", "ecs-svc/1");
    primary.put("status", "PRIMARY");
    primary.put("taskDefinition", taskDefinition);
    primary.put("desiredCount", desired(now));
    primary.put("runningCount", running(now));
    primary.put("pendingCount", pending(now));
    primary.put("failedTasks", 0);
    primary.put("rolloutState", "COMPLETED");
    extraDeployments.forEach(deployments::add);
    ArrayNode events = s.putArray("events");
    for (String[] e : events(now)) {
      ObjectNode event = events.addObject();
      event.put("id", e[0]);
      event.put("createdAt", Double.parseDouble(e[1]));
      event.put("message", e[2]);
    }
    if (withTags && !tags.isEmpty()) {
      ArrayNode tagArray = s.putArray("tags");
      tags.forEach((k, v) -> tagArray.addObject().put("key", k).put("value", v));
    }
    return s;
  }

  /** Events newest first: the preset ones, then those the drain produced so far (id, epoch seconds, message). */
  private List<String[]> events(long now) {
    List<String[]> out = new ArrayList<>();
    int n = 0;
    for (String[] e : presetEvents) {
      out.add(new String[] {"preset-" + n++, e[0], e[1]});
    }
    double base = cluster.ecs.epochSeconds() - now / 1000.0;
    if (scaledDownAt != null) {
      out.add(new String[] {"drain-start", seconds(base, scaledDownAt),
          "(service " + name + ") has begun draining connections on " + runningAtScaleDown + " tasks."});
      if (drainTime != null) {
        for (int i = 1; i <= runningAtScaleDown; i++) {
          long at = scaledDownAt + (long) Math.ceil(drainTime.toMillis() * (double) i / runningAtScaleDown);
          if (at <= now) {
            out.add(new String[] {"stop-" + i, seconds(base, at),
                "(service " + name + ") has stopped 1 running tasks: (task " + name + "-task-" + i + ")."});
          }
        }
        long drained = scaledDownAt + drainTime.toMillis();
        if (drained <= now) {
          out.add(new String[] {"steady", seconds(base, drained), "(service " + name + ") has reached a steady state."});
        }
      }
    }
    // Oldest first (stable, so same-instant events keep their order), then reversed: ECS lists newest first.
    out.sort(Comparator.comparing((String[] e) -> Double.parseDouble(e[1])));
    java.util.Collections.reverse(out);
    return out;
  }

  private static String seconds(double base, long millis) {
    return String.valueOf(base + millis / 1000.0);
  }
}

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
 * running at that moment stop evenly spread over {@link #drainTime}, the last exactly at the end. Another
 * desired count is reached {@link #startTime} after it is set (the difference pending meanwhile). A new
 * deployment (new task definition, or forced) completes, or fails with the circuit breaker, {@link #deployTime}
 * after it starts. While Application Auto Scaling has an unsuspended scalable target for it, a scale-down to 0
 * is undone {@link #SCALER_REACTION} later, as a target tracking policy would.
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
  private Duration startTime = Duration.ofSeconds(10);
  private Long changedAt;
  private int runningBeforeChange;
  private Duration deployTime = Duration.ofSeconds(30);
  private boolean deploymentFails;
  private Long deployedAt;
  private String taskDefinitionBefore;
  private int deployments = 1;

  /** How long the fake scaler takes to scale a drained service back up. */
  static final Duration SCALER_REACTION = Duration.ofSeconds(5);

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
    return event(message, 0);
  }

  /** A service event from {@code secondsAgo} before now. */
  public FakeService event(String message, int secondsAgo) {
    synchronized (cluster.ecs) {
      presetEvents.add(new String[] {String.valueOf(cluster.ecs.epochSeconds() - secondsAgo), message});
    }
    return this;
  }

  /** How long a new deployment takes to complete (or to fail). */
  public FakeService deployTime(Duration time) {
    synchronized (cluster.ecs) {
      deployTime = time;
    }
    return this;
  }

  /** How long a new desired count (other than 0) takes to be reached. */
  public FakeService startTime(Duration time) {
    synchronized (cluster.ecs) {
      startTime = time;
    }
    return this;
  }

  /** New deployments fail: the circuit breaker rolls back to the previous task definition. */
  public FakeService deploymentsFail() {
    synchronized (cluster.ecs) {
      deploymentFails = true;
    }
    return this;
  }

  /** The task definition the service runs now, {@code family:revision}. */
  public String currentTaskDefinition() {
    synchronized (cluster.ecs) {
      return FakeEcs.lastSegment(taskDefinition(cluster.ecs.nowMillis()));
    }
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
    if (count == 0 && scaledDownAt == null) {
      runningAtScaleDown = running(now);
      scaledDownAt = now;
    } else if (count > 0) {
      runningBeforeChange = running(now);
      running = runningBeforeChange;
      pending = 0;
      changedAt = now;
    }
    desired = count;
  }

  /** Starts a deployment of {@code newTaskDefinition} (an ARN), or of the same one when forced (null). */
  void deploy(String newTaskDefinition, long now) {
    String current = taskDefinition(now);
    taskDefinitionBefore = current;
    taskDefinition = newTaskDefinition == null ? current : newTaskDefinition;
    deployedAt = now;
    deployments++;
  }

  private boolean deploying(long now) {
    return deployedAt != null && now < deployedAt + deployTime.toMillis();
  }

  private boolean deploymentFailed(long now) {
    return deployedAt != null && deploymentFails && !deploying(now);
  }

  /** After a failed deployment, the circuit breaker has put the previous task definition back. */
  private String taskDefinition(long now) {
    return deploymentFailed(now) ? taskDefinitionBefore : taskDefinition;
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
    if (desired == 0 && scaledDownAt != null && now >= scaledDownAt + SCALER_REACTION.toMillis()) {
      Integer min = cluster.ecs.autoScaling().activeMinimum("service/" + cluster.name + "/" + name);
      if (min != null && min > 0) {
        return min;
      }
    }
    return desired;
  }

  int running(long now) {
    if (scaledDownAt == null) {
      if (changedAt != null && now < changedAt + startTime.toMillis()) {
        return Math.min(runningBeforeChange, desired);
      }
      return changedAt != null ? desired : running;
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
    if (changedAt != null && scaledDownAt == null) {
      return now < changedAt + startTime.toMillis() ? Math.max(0, desired - runningBeforeChange) : 0;
    }
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
    s.put("taskDefinition", taskDefinition(now));
    s.put("launchType", "EC2");
    ArrayNode deploymentArray = s.putArray("deployments");
    ObjectNode primary = deploymentArray.addObject();
    primary.put("id", "ecs-svc/" + deployments);
    primary.put("status", "PRIMARY");
    primary.put("taskDefinition", taskDefinition);
    primary.put("desiredCount", desired(now));
    primary.put("runningCount", deploying(now) || deploymentFailed(now) ? 0 : running(now));
    primary.put("pendingCount", deploying(now) ? desired(now) : pending(now));
    primary.put("failedTasks", deploymentFailed(now) ? 3 : 0);
    primary.put("rolloutState", deploying(now) ? "IN_PROGRESS" : deploymentFailed(now) ? "FAILED" : "COMPLETED");
    if (deploymentFailed(now)) {
      primary.put("rolloutStateReason", "ECS deployment circuit breaker: tasks failed to start.");
    }
    if (deploying(now) || deploymentFailed(now)) {
      ObjectNode previous = deploymentArray.addObject();
      previous.put("id", "ecs-svc/" + (deployments - 1));
      previous.put("status", "ACTIVE");
      previous.put("taskDefinition", taskDefinitionBefore);
      previous.put("desiredCount", desired(now));
      previous.put("runningCount", running(now));
      previous.put("pendingCount", 0);
      previous.put("failedTasks", 0);
      previous.put("rolloutState", "COMPLETED");
    }
    extraDeployments.forEach(deploymentArray::add);
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
    if (deployedAt != null) {
      out.add(new String[] {"deploy-" + deployments, seconds(base, deployedAt), "(service " + name + ") has started "
          + desired + " tasks: (deployment ecs-svc/" + deployments + ")."});
      long end = deployedAt + deployTime.toMillis();
      if (end <= now) {
        out.add(new String[] {"deployed-" + deployments, seconds(base, end), deploymentFails
            ? "(service " + name + ") (deployment ecs-svc/" + deployments + ") deployment failed: tasks failed to start."
            : "(service " + name + ") (deployment ecs-svc/" + deployments + ") deployment completed."});
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

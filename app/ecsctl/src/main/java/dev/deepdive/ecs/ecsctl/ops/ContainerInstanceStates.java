package dev.deepdive.ecs.ecsctl.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerInstanceStatus;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.UpdateContainerInstancesStateResponse;

/**
 * Draining a container instance for maintenance and putting it back: UpdateContainerInstancesState, and the
 * wait until the service tasks have moved off.
 *
 * <p>What draining does (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-instance-draining.html):
 * no new task is placed on the instance; service tasks on it are stopped and replaced elsewhere, within the
 * services' deployment bounds (minimumHealthyPercent/maximumPercent); <em>standalone tasks are not touched</em>,
 * so the wait is for service tasks only, and standalone tasks still there are reported.
 */
public final class ContainerInstanceStates {
  /** UpdateContainerInstancesState accepts at most 10 container instances per call. */
  public static final int UPDATE_BATCH = 10;
  /** DescribeTasks accepts at most 100 tasks per call. */
  static final int DESCRIBE_TASKS_BATCH = 100;
  /** Moving tasks takes minutes (deregistration delay, stop timeout); polling faster than 2 s buys nothing. */
  static final Duration MAX_POLL = Duration.ofSeconds(2);

  private final EcsClient ecs;
  private final TimeSource time;

  public ContainerInstanceStates(EcsClient ecs, TimeSource time) {
    this.ecs = Objects.requireNonNull(ecs, "ecs");
    this.time = Objects.requireNonNull(time, "time");
  }

  /** The new state of one instance, or why ECS refused it ({@code failure} set, {@code status} null). */
  public record StateChange(String id, String status, String failure) {}

  /**
   * Sets the instances to {@code status} (ACTIVE or DRAINING), at most 10 per call. Setting the state an
   * instance already has is accepted by ECS and changes nothing, so a rerun is safe.
   */
  public List<StateChange> set(String cluster, List<String> idsOrArns, ContainerInstanceStatus status) {
    List<String> wanted = ServiceDescriptions.distinct(idsOrArns);
    Map<String, StateChange> byId = new LinkedHashMap<>();
    for (int from = 0; from < wanted.size(); from += UPDATE_BATCH) {
      List<String> batch = wanted.subList(from, Math.min(from + UPDATE_BATCH, wanted.size()));
      UpdateContainerInstancesStateResponse response = ecs.updateContainerInstancesState(r -> r
          .cluster(cluster).containerInstances(batch).status(status));
      response.containerInstances().forEach(c -> byId.put(Arns.lastSegment(c.containerInstanceArn()),
          new StateChange(Arns.lastSegment(c.containerInstanceArn()), c.status(), null)));
      for (Failure f : response.failures()) {
        String id = Arns.lastSegment(f.arn());
        byId.put(id, new StateChange(id, null, f.reason() + (f.detail() == null ? "" : " (" + f.detail() + ")")));
      }
    }
    return wanted.stream().map(w -> byId.getOrDefault(Arns.lastSegment(w),
        new StateChange(Arns.lastSegment(w), null, "MISSING"))).toList();
  }

  /** Tasks still on one instance: those of services (which draining moves) and standalone ones (which it does not). */
  public record TasksOn(String id, int serviceTasks, int standaloneTasks) {}

  /** How a wait ended for one instance. */
  public enum WaitResult { MOVED, TIMED_OUT, INTERRUPTED }

  /** The end of a wait: per instance, the tasks left and the result. */
  public record WaitOutcome(String id, WaitResult result, int serviceTasks, int standaloneTasks) {}

  /** Hears about each change of the tasks left on an instance. */
  public interface WaitListener {
    void tasksLeft(TasksOn tasks);
  }

  /**
   * Waits until no service task is left on any of the instances, polling adaptively (fast after a change, at
   * most every {@link #MAX_POLL}), within {@code timeout}. Throws the SDK's exception when a poll fails for good.
   */
  public List<WaitOutcome> awaitMoved(String cluster, List<String> ids, Duration timeout, Cancellation cancellation,
      WaitListener listener) {
    long deadline = time.nanoTime() + timeout.toNanos();
    Map<String, TasksOn> last = new LinkedHashMap<>();
    List<String> open = new ArrayList<>(ServiceDescriptions.distinct(ids).stream().map(Arns::lastSegment).toList());
    Map<String, WaitOutcome> done = new LinkedHashMap<>();
    PollInterval interval = new PollInterval(PollInterval.MIN, MAX_POLL);
    while (true) {
      boolean changed = false;
      for (String id : List.copyOf(open)) {
        TasksOn now = tasksOn(cluster, id);
        if (!now.equals(last.get(id))) {
          changed = true;
          last.put(id, now);
          listener.tasksLeft(now);
        }
        if (now.serviceTasks() == 0) {
          open.remove(id);
          done.put(id, new WaitOutcome(id, WaitResult.MOVED, 0, now.standaloneTasks()));
        }
      }
      WaitResult stop = open.isEmpty() ? null
          : cancellation.isCancelled() ? WaitResult.INTERRUPTED
          : time.nanoTime() >= deadline ? WaitResult.TIMED_OUT : null;
      if (open.isEmpty() || stop != null) {
        for (String id : open) {
          TasksOn t = last.get(id);
          done.put(id, new WaitOutcome(id, stop, t.serviceTasks(), t.standaloneTasks()));
        }
        return ids.stream().map(Arns::lastSegment).distinct().map(done::get).toList();
      }
      Duration wait = interval.next(changed);
      Duration left = Duration.ofNanos(Math.max(0, deadline - time.nanoTime()));
      try {
        time.sleep(wait.compareTo(left) < 0 ? wait : left, cancellation);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancellation.cancel();
      }
    }
  }

  /** The RUNNING-desired tasks on one instance, split by whether a service started them. */
  TasksOn tasksOn(String cluster, String id) {
    List<String> arns = new ArrayList<>();
    ecs.listTasksPaginator(r -> r.cluster(cluster).containerInstance(id).maxResults(100)).taskArns()
        .forEach(arns::add);
    int service = 0;
    int standalone = 0;
    for (int from = 0; from < arns.size(); from += DESCRIBE_TASKS_BATCH) {
      List<String> batch = arns.subList(from, Math.min(from + DESCRIBE_TASKS_BATCH, arns.size()));
      for (Task t : ecs.describeTasks(r -> r.cluster(cluster).tasks(batch)).tasks()) {
        // The service scheduler sets group "service:<name>"; standalone tasks get "family:<family>" or their own.
        if (t.group() != null && t.group().startsWith("service:")) {
          service++;
        } else {
          standalone++;
        }
      }
    }
    return new TasksOn(id, service, standalone);
  }
}

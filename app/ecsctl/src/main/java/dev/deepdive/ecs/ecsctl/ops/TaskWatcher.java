package dev.deepdive.ecs.ecsctl.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Follows tasks until ECS reports every one STOPPED, within a time budget and until cancelled (Ctrl-C). One
 * DescribeTasks call per poll covers up to 100 tasks; polls are adaptive ({@link PollInterval#forTasks()}): 200 ms
 * after a change, growing to 400 ms while nothing changes, counted from the start of the previous poll, so a stop is
 * seen within about 0.4 s plus one call.
 *
 * <p>A task DescribeTasks does not (yet) know is kept as last seen: right after RunTask, ECS's eventual consistency
 * can hide a new task for a moment (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html). A
 * poll that fails with a retryable error after the SDK's own retries is reported as a warning and the wait goes on; any
 * other error ends the wait by propagating (the tasks keep running).
 */
public final class TaskWatcher {
  private final EcsClient ecs;
  private final TimeSource time;
  private final TaskWatchListener listener;

  public TaskWatcher(EcsClient ecs, TimeSource time, TaskWatchListener listener) {
    this.ecs = Objects.requireNonNull(ecs, "ecs");
    this.time = Objects.requireNonNull(time, "time");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** How a wait ended. */
  public enum Ending {
    /** Every task is STOPPED. */
    STOPPED,
    /** The budget ran out first; the tasks still running keep running. */
    TIMED_OUT,
    /** Cancelled (Ctrl-C); the tasks still running keep running. */
    INTERRUPTED
  }

  /**
   * The last state seen of each task, in the order given, and how long the wait took.
   *
   * @param seconds from the start of the wait until it ended
   */
  public record Watched(Ending ending, List<TaskState> tasks, double seconds) {
    /** Tasks not yet STOPPED when the wait ended. */
    public List<TaskState> notStopped() {
      return tasks.stream().filter(t -> !t.stopped()).toList();
    }
  }

  /**
   * Waits until every one of {@code tasks} is STOPPED, at most {@code timeout}.
   *
   * @param essential each container's essential flag, carried into the states reported
   * @throws SdkException a non-retryable error of DescribeTasks (e.g. access denied)
   */
  public Watched await(String cluster, List<TaskState> tasks, Map<String, Boolean> essential, Duration timeout,
      Cancellation cancellation) {
    long start = time.nanoTime();
    long deadline = start + timeout.toNanos();
    Map<String, TaskState> last = new LinkedHashMap<>();
    tasks.forEach(t -> last.put(t.taskArn(), t));
    PollInterval interval = PollInterval.forTasks();
    boolean changed = true;
    long polledAt = start;
    while (true) {
      if (open(last).isEmpty()) {
        return watched(Ending.STOPPED, last, start);
      }
      if (cancellation.isCancelled()) {
        return watched(Ending.INTERRUPTED, last, start);
      }
      long now = time.nanoTime();
      if (now >= deadline) {
        return watched(Ending.TIMED_OUT, last, start);
      }
      // The interval runs from the start of the last poll, so a slow DescribeTasks does not stretch the period.
      Duration wait = interval.next(changed).minusNanos(now - polledAt);
      wait = wait.isNegative() ? Duration.ZERO : wait;
      Duration left = Duration.ofNanos(deadline - now);
      try {
        time.sleep(wait.compareTo(left) < 0 ? wait : left, cancellation);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return watched(Ending.INTERRUPTED, last, start);
      }
      if (cancellation.isCancelled()) {
        return watched(Ending.INTERRUPTED, last, start);
      }
      polledAt = time.nanoTime();
      changed = poll(cluster, last, essential);
    }
  }

  /** One DescribeTasks pass over the tasks not yet stopped; true if any of them changed. */
  private boolean poll(String cluster, Map<String, TaskState> last, Map<String, Boolean> essential) {
    TaskDescriptions.Found found;
    try {
      found = TaskDescriptions.describe(ecs, cluster, open(last));
    } catch (SdkException e) {
      if (!RetryableErrors.isRetryable(e)) {
        throw e;
      }
      listener.warning("DescribeTasks failed after retries (" + AwsErrors.describe(e) + "); still waiting");
      return false;
    }
    boolean changed = false;
    for (Map.Entry<String, Task> entry : found.tasks().entrySet()) {
      TaskState before = last.get(entry.getKey());
      TaskState now = TaskState.of(entry.getValue(), essential);
      if (!now.sameProgress(before)) {
        changed = true;
        listener.changed(before, now);
      }
      last.put(entry.getKey(), now);
    }
    return changed;
  }

  private static List<String> open(Map<String, TaskState> last) {
    List<String> out = new ArrayList<>();
    last.forEach((arn, state) -> {
      if (!state.stopped()) {
        out.add(arn);
      }
    });
    return out;
  }

  private Watched watched(Ending ending, Map<String, TaskState> last, long start) {
    return new Watched(ending, List.copyOf(last.values()), (time.nanoTime() - start) / 1e9);
  }
}

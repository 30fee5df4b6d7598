package dev.deepdive.ecs.ecsctl.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a run-task or start-task ended, from the essential containers' exit codes: the one rule behind the commands'
 * exit codes. Most serious first: interrupted, timed out, an essential container exited non-zero (the first in task
 * order, then container order), a task stopped with no exit code for an essential container (it never ran, or its
 * instance went away), ECS could not place every task; else succeeded (or, without waiting, started).
 *
 * @param outcome what happened
 * @param exitCode for {@link Outcome#CONTAINER_FAILED}: the container's exit code; else null
 * @param task the task ID the outcome is about, if one
 * @param container the container the outcome is about, if one
 * @param message one sentence for people
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskRunVerdict(Outcome outcome, Integer exitCode, String task, String container, String message) {

  /** Outcomes, as they appear in JSON. */
  public enum Outcome {
    STARTED("started"),
    SUCCEEDED("succeeded"),
    CONTAINER_FAILED("container-failed"),
    NO_EXIT_CODE("no-exit-code"),
    NOT_PLACED("not-placed"),
    TIMED_OUT("timed-out"),
    INTERRUPTED("interrupted");

    private final String json;

    Outcome(String json) {
      this.json = json;
    }

    @JsonValue public String json() {
      return json;
    }
  }

  /**
   * The verdict on {@code launched}; {@code watched} is the wait's result, or null when the command did not wait.
   */
  public static TaskRunVerdict of(LaunchedTasks launched, TaskWatcher.Watched watched) {
    if (watched != null && watched.ending() == TaskWatcher.Ending.INTERRUPTED) {
      return new TaskRunVerdict(Outcome.INTERRUPTED, null, null, null,
          "interrupted; " + stillRunning(watched.notStopped()));
    }
    if (watched != null && watched.ending() == TaskWatcher.Ending.TIMED_OUT) {
      return new TaskRunVerdict(Outcome.TIMED_OUT, null, null, null,
          "timed out; " + stillRunning(watched.notStopped()));
    }
    if (watched != null) {
      TaskRunVerdict failed = firstFailure(watched.tasks(), launched.essentialContainers());
      if (failed != null) {
        return failed;
      }
    }
    if (launched.notPlaced() > 0) {
      String reasons = launched.failures().stream().map(LaunchedTasks.PlacementFailure::reason).distinct()
          .collect(Collectors.joining(", "));
      return new TaskRunVerdict(Outcome.NOT_PLACED, null, null, null, "ECS started " + launched.tasks().size()
          + " of " + launched.requested() + " task(s); it could not place the rest"
          + (reasons.isEmpty() ? "" : " (" + reasons + ")"));
    }
    if (watched == null) {
      return new TaskRunVerdict(Outcome.STARTED, null, null, null, "started " + launched.tasks().size()
          + " task(s) of " + launched.taskDefinition());
    }
    return new TaskRunVerdict(Outcome.SUCCEEDED, null, null, null,
        "every essential container exited with 0");
  }

  private static TaskRunVerdict firstFailure(List<TaskState> tasks, List<String> essential) {
    for (TaskState task : tasks) {
      for (String name : essential) {
        TaskState.ContainerState c = container(task, name);
        if (c != null && c.exitCode() != null && c.exitCode() != 0) {
          return new TaskRunVerdict(Outcome.CONTAINER_FAILED, c.exitCode(), task.taskId(), name,
              "essential container " + name + " of task " + task.taskId() + " exited with " + c.exitCode()
                  + (c.reason() == null ? "" : " (" + c.reason() + ")"));
        }
      }
    }
    for (TaskState task : tasks) {
      for (String name : essential) {
        TaskState.ContainerState c = container(task, name);
        if (c == null || c.exitCode() == null) {
          return new TaskRunVerdict(Outcome.NO_EXIT_CODE, null, task.taskId(), name, "task " + task.taskId()
              + " stopped without an exit code for essential container " + name + " (it did not run to its end): "
              + (task.stopCode() == null ? "" : task.stopCode() + ": ") + task.stoppedReason());
        }
      }
    }
    return null;
  }

  private static TaskState.ContainerState container(TaskState task, String name) {
    return task.containers().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }

  private static String stillRunning(List<TaskState> open) {
    return open.size() + " task(s) not stopped and left running: "
        + open.stream().map(TaskState::taskId).collect(Collectors.joining(" "));
  }
}

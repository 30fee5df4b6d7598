package dev.deepdive.ecs.ecsctl.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepdive.ecs.ecsctl.ops.TaskRunVerdict.Outcome;
import dev.deepdive.ecs.ecsctl.ops.TaskState.ContainerState;
import dev.deepdive.ecs.ecsctl.ops.TaskWatcher.Ending;
import dev.deepdive.ecs.ecsctl.ops.TaskWatcher.Watched;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule from the essential containers' exit codes to the run's outcome. */
class TaskRunVerdictTest {
  private static final List<String> ESSENTIAL = List.of("app", "worker");

  private static TaskState task(String id, String status, ContainerState... containers) {
    return new TaskState(id, "arn:task/" + id, "job:1", "family:job", "ecsctl", status, status, "UNKNOWN", "ci",
        "us-east-1a", "cp", null, null, null, null, status.equals("STOPPED") ? "EssentialContainerExited" : null,
        status.equals("STOPPED") ? "Essential container in task exited" : null, Arrays.asList(containers));
  }

  private static ContainerState exit(String name, Integer code) {
    return new ContainerState(name, ESSENTIAL.contains(name), "STOPPED", code, null, null);
  }

  private static LaunchedTasks launched(int requested, TaskState... tasks) {
    return new LaunchedTasks("prod", "job:1", ESSENTIAL, requested, List.of(tasks),
        requested > tasks.length ? List.of(LaunchedTasks.PlacementFailure.of("arn:ci", "RESOURCE:MEMORY", null))
            : List.of());
  }

  private static Watched stopped(TaskState... tasks) {
    return new Watched(Ending.STOPPED, List.of(tasks), 12.0);
  }

  @Test void allEssentialContainersExitingZeroSucceeds() {
    TaskState t = task("t1", "STOPPED", exit("app", 0), exit("worker", 0), exit("sidecar", 1));

    assertThat(TaskRunVerdict.of(launched(1, t), stopped(t)).outcome()).isEqualTo(Outcome.SUCCEEDED);
  }

  @Test void theFirstNonZeroEssentialExitInTaskThenContainerOrderIsTheCode() {
    TaskState t1 = task("t1", "STOPPED", exit("app", 0), exit("worker", 7));
    TaskState t2 = task("t2", "STOPPED", exit("app", 3), exit("worker", 0));

    TaskRunVerdict verdict = TaskRunVerdict.of(launched(2, t1, t2), stopped(t1, t2));

    assertThat(verdict.outcome()).isEqualTo(Outcome.CONTAINER_FAILED);
    assertThat(verdict.exitCode()).isEqualTo(7);
    assertThat(verdict.task()).isEqualTo("t1");
    assertThat(verdict.container()).isEqualTo("worker");
  }

  @Test void aNonZeroExitBeatsAMissingExitCodeInAnEarlierTask() {
    TaskState never = task("t1", "STOPPED", exit("app", null), exit("worker", null));
    TaskState failed = task("t2", "STOPPED", exit("app", 2), exit("worker", 0));

    assertThat(TaskRunVerdict.of(launched(2, never, failed), stopped(never, failed)).exitCode()).isEqualTo(2);
  }

  @Test void anEssentialContainerWithoutExitCodeIsNoExitCode() {
    TaskState t = task("t1", "STOPPED", exit("app", 0));

    TaskRunVerdict verdict = TaskRunVerdict.of(launched(1, t), stopped(t));

    assertThat(verdict.outcome()).isEqualTo(Outcome.NO_EXIT_CODE);
    assertThat(verdict.container()).isEqualTo("worker");
  }

  @Test void aPlacementShortfallCountsAfterTheExitCodes() {
    TaskState ok = task("t1", "STOPPED", exit("app", 0), exit("worker", 0));
    TaskState bad = task("t1", "STOPPED", exit("app", 1), exit("worker", 0));

    assertThat(TaskRunVerdict.of(launched(2, ok), stopped(ok)).outcome()).isEqualTo(Outcome.NOT_PLACED);
    assertThat(TaskRunVerdict.of(launched(2, bad), stopped(bad)).outcome()).isEqualTo(Outcome.CONTAINER_FAILED);
    assertThat(TaskRunVerdict.of(launched(2, ok), null).outcome()).isEqualTo(Outcome.NOT_PLACED);
  }

  @Test void withoutWaitingEveryPlacedTaskIsStarted() {
    TaskState t = task("t1", "PROVISIONING");

    assertThat(TaskRunVerdict.of(launched(1, t), null).outcome()).isEqualTo(Outcome.STARTED);
  }

  @Test void interruptedAndTimedOutBeatEverythingAndNameTheTasksLeftRunning() {
    TaskState failed = task("t1", "STOPPED", exit("app", 1), exit("worker", 0));
    TaskState running = task("t2", "RUNNING");

    TaskRunVerdict interrupted = TaskRunVerdict.of(launched(3, failed, running),
        new Watched(Ending.INTERRUPTED, List.of(failed, running), 3));
    TaskRunVerdict timedOut = TaskRunVerdict.of(launched(3, failed, running),
        new Watched(Ending.TIMED_OUT, List.of(failed, running), 3));

    assertThat(interrupted.outcome()).isEqualTo(Outcome.INTERRUPTED);
    assertThat(interrupted.message()).isEqualTo("interrupted; 1 task(s) not stopped and left running: t2");
    assertThat(timedOut.outcome()).isEqualTo(Outcome.TIMED_OUT);
  }
}

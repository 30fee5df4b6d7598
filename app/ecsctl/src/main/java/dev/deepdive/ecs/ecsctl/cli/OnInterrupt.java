package dev.deepdive.ecs.ecsctl.cli;

/** What run-task and start-task do with their tasks on Ctrl-C (or SIGTERM) while waiting. Lower case: it is typed. */
public enum OnInterrupt {
  /** Ask on a terminal; without one, leave the tasks running. */
  ask,
  /** Stop the tasks still running (StopTask), e.g. when CI cancels the job. */
  stop,
  /** Leave them running. */
  leave
}

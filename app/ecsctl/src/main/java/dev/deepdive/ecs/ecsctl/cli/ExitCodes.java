package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.AwsFailure;
import dev.deepdive.ecs.ecsctl.ops.DrainOutcome;
import dev.deepdive.ecs.ecsctl.ops.DrainReport;
import dev.deepdive.ecs.ecsctl.ops.TaskRunVerdict;

/**
 * ecsctl's exit codes: a contract scripts depend on (documented in docs/ecsctl.md). Each command's --help lists
 * the codes that command returns, built from the lines here so the wording is the same everywhere.
 */
public final class ExitCodes {
  /** Done. */
  public static final int OK = 0;
  /**
   * An AWS call failed, or something asked for does not exist (cluster, service, family); the message names it,
   * carries the AWS error code and says what to do. Same value as {@link AwsFailure#EXIT_AWS_ERROR}.
   */
  public static final int AWS_ERROR = AwsFailure.EXIT_AWS_ERROR;
  /** Usage error, bad input, no region, or a refusal; nothing was changed. */
  public static final int USAGE = AwsFailure.EXIT_USAGE;
  /** Timed out while draining or waiting; what was changed stays changed; a rerun resumes. */
  public static final int TIMED_OUT = 3;
  /** The deployment a command waited for failed (the circuit breaker rolled it back), or the service went away. */
  public static final int DEPLOYMENT_FAILED = 4;
  /** {@code exec}: the Session Manager plugin is not on PATH (the shell's "command not found"). */
  public static final int PLUGIN_NOT_FOUND = 127;
  /** run-task/start-task: ECS could not place every task asked for (RunTask's or StartTask's failures[]). */
  public static final int TASK_NOT_PLACED = 5;
  /**
   * run-task/start-task --wait: a task stopped without an exit code for an essential container: it never ran to its
   * end (image pull failed, no capacity, its container instance went away).
   */
  public static final int TASK_WITHOUT_EXIT_CODE = 6;
  /** A bug in ecsctl (an exception nobody expected); rerun with --debug for the stack trace. */
  public static final int INTERNAL_ERROR = 70;
  /** Interrupted (Ctrl-C): 128 + SIGINT, as shells report it. */
  public static final int INTERRUPTED = 130;

  /** The help footer's heading. */
  static final String HEADING = "%nExit codes:%n";
  static final String OK_LINE = "    0  done";
  static final String AWS_ERROR_LINE = "    1  AWS error or not found; the message names it and says what to do";
  static final String USAGE_LINE = "    2  usage error, bad input or no region; nothing was called";
  static final String REFUSAL_LINE = "    2  usage error, bad input, no region, or refused; nothing was changed";
  static final String INTERNAL_ERROR_LINE = "   70  internal error (a bug; rerun with --debug)";
  static final String INTERRUPTED_LINE = "  130  interrupted (Ctrl-C)";
  static final String WAIT_TIMED_OUT_LINE = "    3  timed out waiting; the change stays made ('ecsctl services wait'"
      + " waits on)";
  static final String DEPLOYMENT_FAILED_LINE = "    4  the deployment failed (the circuit breaker rolled it back) or"
      + " the service went away";
  static final String INTERRUPTED_CHANGED_LINE = "  130  interrupted (Ctrl-C); what was changed stays changed";

  private ExitCodes() {}

  /**
   * The code of a run-task or start-task: the essential container's exit code once the tasks stopped (codes outside
   * 1-255, which no Linux process exit code is, become 255), else the outcome's own code.
   */
  public static int of(TaskRunVerdict verdict) {
    return switch (verdict.outcome()) {
      case STARTED, SUCCEEDED -> OK;
      case CONTAINER_FAILED -> verdict.exitCode() >= 1 && verdict.exitCode() <= 255 ? verdict.exitCode() : 255;
      case NO_EXIT_CODE -> TASK_WITHOUT_EXIT_CODE;
      case NOT_PLACED -> TASK_NOT_PLACED;
      case TIMED_OUT -> TIMED_OUT;
      case INTERRUPTED -> INTERRUPTED;
    };
  }

  /** The run's code: interrupted beats failed, which beats timed out; anything else is done. */
  public static int of(DrainReport report) {
    if (report.any(DrainOutcome.INTERRUPTED)) {
      return INTERRUPTED;
    }
    if (report.any(DrainOutcome.FAILED)) {
      return AWS_ERROR;
    }
    if (report.any(DrainOutcome.TIMED_OUT)) {
      return TIMED_OUT;
    }
    if (report.any(DrainOutcome.REFUSED)) {
      return USAGE;
    }
    return OK;
  }
}

package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.DrainOutcome;
import dev.deepdive.ecs.ecsctl.ops.DrainReport;

/** ecsctl's exit codes: a contract scripts depend on (documented in docs/ecsctl.md). */
public final class ExitCodes {
  /** Done: deleted, or already gone. */
  public static final int OK = 0;
  /** An AWS call failed (cluster not found, access denied, ...); the message carries the AWS error code. */
  public static final int AWS_ERROR = 1;
  /** Usage error or refusal; nothing was changed. */
  public static final int USAGE = 2;
  /** Timed out while draining; desired count stays 0, not deleted; a rerun resumes. */
  public static final int TIMED_OUT = 3;
  /** A bug in ecsctl (an exception nobody expected); rerun with --debug for the stack trace. */
  public static final int INTERNAL_ERROR = 70;
  /** Interrupted (Ctrl-C): 128 + SIGINT, as shells report it. */
  public static final int INTERRUPTED = 130;

  private ExitCodes() {}

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

package dev.deepdive.ecs.ecsctl.ops;

import com.fasterxml.jackson.annotation.JsonValue;

/** What happened to one service in a drain-delete run; the JSON spelling is the public contract. */
public enum DrainOutcome {
  /** Scaled to 0, drained, deleted, and INACTIVE. */
  DELETED("deleted"),
  /** Deleted, but still DRAINING when the time budget ran out; ECS finishes it on its own. */
  DELETED_DRAINING("deleted-draining"),
  /** Missing, DRAINING or INACTIVE before ecsctl touched it: nothing to do. */
  ALREADY_GONE("already-gone"),
  /** Dry run: would be scaled to 0 and deleted. */
  WOULD_DELETE("would-delete"),
  /** Managed by a CloudFormation stack and not explicitly allowed: left untouched. */
  REFUSED("refused"),
  /** Tasks still running when the time budget ran out: desired count stays 0, not deleted. */
  TIMED_OUT("timed-out"),
  /** The wait was interrupted (Ctrl-C): desired count stays 0, not deleted. */
  INTERRUPTED("interrupted"),
  /** An AWS call failed; see the error code and message. */
  FAILED("failed");

  private final String json;

  DrainOutcome(String json) {
    this.json = json;
  }

  @JsonValue
  public String json() {
    return json;
  }
}

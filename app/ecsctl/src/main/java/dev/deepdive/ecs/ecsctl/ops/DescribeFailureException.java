package dev.deepdive.ecs.ecsctl.ops;

/** DescribeServices answered with a failure other than MISSING; reported like an AWS error (exit 1). */
public final class DescribeFailureException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String reason;

  public DescribeFailureException(String cluster, String arn, String reason, String detail) {
    super("DescribeServices in cluster '" + cluster + "' failed for " + arn + ": " + reason
        + (detail == null ? "" : " (" + detail + ")"));
    this.reason = reason;
  }

  /** ECS's failure reason, used as the error code. */
  public String reason() {
    return reason;
  }
}

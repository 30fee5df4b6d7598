package dev.deepdive.ecs.ecsctl.ops;

/**
 * A Describe call (DescribeServices, DescribeTasks) answered with a failure other than MISSING; reported like an AWS
 * error (exit 1).
 */
public final class DescribeFailureException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String reason;

  public DescribeFailureException(String cluster, String arn, String reason, String detail) {
    this("DescribeServices", cluster, arn, reason, detail);
  }

  /** {@code operation} names the call, e.g. DescribeTasks. */
  public DescribeFailureException(String operation, String cluster, String arn, String reason, String detail) {
    super(operation + " in cluster '" + cluster + "' failed for " + arn + ": " + reason
        + (detail == null ? "" : " (" + detail + ")"));
    this.reason = reason;
  }

  /** ECS's failure reason, used as the error code. */
  public String reason() {
    return reason;
  }
}

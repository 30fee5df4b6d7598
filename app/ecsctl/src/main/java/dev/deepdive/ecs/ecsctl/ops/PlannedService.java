package dev.deepdive.ecs.ecsctl.ops;

/**
 * One service as found before anything changes.
 *
 * @param service the name or ARN as given
 * @param action what drain-delete will do with it
 * @param status ACTIVE, DRAINING, INACTIVE, or MISSING
 * @param stack the CloudFormation stack that manages it (tag {@code aws:cloudformation:stack-name}), or null
 * @param scaling its Application Auto Scaling target, or null when nothing scales it (or it was not asked)
 */
public record PlannedService(
    String service, Action action, String status, int desiredCount, int runningCount, int pendingCount,
    String stack, ServiceScaling.Target scaling) {

  /** True when scaling could raise the count during the drain: it must be suspended first. */
  public boolean scalingToSuspend() {
    return scaling != null && !scaling.fullySuspended();
  }

  PlannedService withScaling(ServiceScaling.Target target) {
    return new PlannedService(service, action, status, desiredCount, runningCount, pendingCount, stack, target);
  }

  public enum Action {
    /** ACTIVE: scale to 0, wait for tasks to stop, delete. */
    DRAIN_AND_DELETE,
    /** Missing, DRAINING or INACTIVE: nothing to do. */
    ALREADY_GONE,
    /** ACTIVE but managed by CloudFormation, and the user has not insisted. */
    REFUSED_CLOUDFORMATION
  }
}

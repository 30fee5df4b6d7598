package dev.deepdive.ecs.ecsctl.ops;

import java.util.List;

/** What drain-delete found and intends to do, computed from one read-only DescribeServices pass. */
public record DrainPlan(String cluster, List<PlannedService> services) {
  public DrainPlan {
    services = List.copyOf(services);
  }

  public List<PlannedService> refused() {
    return services.stream().filter(s -> s.action() == PlannedService.Action.REFUSED_CLOUDFORMATION).toList();
  }

  public List<PlannedService> toDrain() {
    return services.stream().filter(s -> s.action() == PlannedService.Action.DRAIN_AND_DELETE).toList();
  }

  /** The plan as outcomes, for --dry-run and for refusals: nothing is changed. */
  public DrainReport asUnchangedReport() {
    return new DrainReport(cluster, services.stream().map(DrainPlan::unchanged).toList());
  }

  private static ServiceOutcome unchanged(PlannedService s) {
    return switch (s.action()) {
      case DRAIN_AND_DELETE -> new ServiceOutcome(s.service(), DrainOutcome.WOULD_DELETE, s.status(),
          s.desiredCount(), s.runningCount(), s.pendingCount(), s.stack(),
          s.scalingToSuspend() ? "would-suspend" : null, null,
          (s.scalingToSuspend() ? "would suspend its auto scaling (min " + s.scaling().minCount() + ", max "
              + s.scaling().maxCount() + "), " : "") + "would scale from desired " + s.desiredCount()
              + " to 0, wait for " + s.runningCount() + " running and " + s.pendingCount()
              + " pending tasks to stop, then delete", 0);
      case ALREADY_GONE -> ServiceDrainer.alreadyGone(s, 0);
      case REFUSED_CLOUDFORMATION -> new ServiceOutcome(s.service(), DrainOutcome.REFUSED, s.status(),
          s.desiredCount(), s.runningCount(), s.pendingCount(), s.stack(), null, null,
          "managed by CloudFormation stack '" + s.stack() + "'; delete it through the stack, or pass"
              + " --allow-cloudformation-managed to drain it behind the stack's back", 0);
    };
  }
}

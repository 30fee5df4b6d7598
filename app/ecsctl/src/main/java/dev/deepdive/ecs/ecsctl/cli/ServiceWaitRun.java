package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.ServiceWaiter;
import dev.deepdive.ecs.ecsctl.ops.ServiceWaiter.Outcome;
import java.time.Duration;
import software.amazon.awssdk.services.ecs.EcsClient;

/** Waiting for a service to be steady, as `services wait` and the `--wait` of the change commands do it. */
final class ServiceWaitRun {
  private ServiceWaitRun() {}

  /** Exit code of a wait's outcome (see each command's table). */
  static int exitCode(Outcome outcome) {
    return switch (outcome.result()) {
      case STEADY -> ExitCodes.OK;
      case DEPLOYMENT_FAILED, GONE -> ExitCodes.DEPLOYMENT_FAILED;
      case TIMED_OUT -> ExitCodes.TIMED_OUT;
      case INTERRUPTED -> ExitCodes.INTERRUPTED;
    };
  }

  /** Waits with progress on stderr (one rewritten line on a terminal) and Ctrl-C answered. */
  static Outcome await(CommandContext ctx, EcsClient ecs, String cluster, String service, String deploymentId,
      Duration timeout) {
    Outcome[] result = new Outcome[1];
    WaitProgress progress = new WaitProgress(ctx.err(), ctx.environment().time(),
        ctx.environment().terminal().interactive(), service);
    ctx.environment().interrupts().whileWaiting(cancellation -> {
      result[0] = new ServiceWaiter(ecs, ctx.environment().time())
          .await(cluster, service, deploymentId, timeout, cancellation, progress);
      progress.end();
      return 0;
    });
    return result[0];
  }

  /** One line saying how the wait ended, for stdout in text mode. */
  static String summary(String service, Outcome o, Duration timeout) {
    ServiceWaiter.State s = o.state();
    String counts = s == null ? "" : " (desired " + s.desiredCount() + ", running " + s.runningCount() + ", pending "
        + s.pendingCount() + ", " + s.taskDefinition() + ")";
    return switch (o.result()) {
      case STEADY -> service + ": steady after " + o.seconds() + "s" + counts;
      case DEPLOYMENT_FAILED -> service + ": deployment failed: " + o.reason() + counts
          + "; see 'ecsctl diagnose' and 'ecsctl services events'";
      case GONE -> service + ": the service is " + (s == null ? "gone" : s.status()) + "; nothing to wait for";
      case TIMED_OUT -> service + ": not steady after " + dev.deepdive.ecs.ecsctl.ops.Durations.format(timeout) + counts;
      case INTERRUPTED -> service + ": interrupted while waiting" + counts;
    };
  }
}

package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.ServiceChanges;
import dev.deepdive.ecs.ecsctl.ops.ServiceChanges.Change;
import dev.deepdive.ecs.ecsctl.ops.ServiceScaling;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/** {@code ecsctl services scale --cluster C --service S --count N}. */
@Command(name = "scale",
    description = {"Set a service's desired count.",
        "Refused when Application Auto Scaling owns the count (the service has a scalable target that is not"
            + " suspended): it would set the count back at its next alarm or scheduled action. Change minCount"
            + " and maxCount in the environment file instead, or pass --force."},
    footerHeading = ExitCodes.HEADING,
    footer = {"    0  desired count set (with --wait: and the service is steady)", ExitCodes.AWS_ERROR_LINE,
        "    2  usage error, or refused because auto scaling owns the count; nothing was changed",
        ExitCodes.WAIT_TIMED_OUT_LINE, ExitCodes.DEPLOYMENT_FAILED_LINE, ExitCodes.INTERNAL_ERROR_LINE,
        ExitCodes.INTERRUPTED_CHANGED_LINE})
public final class ServicesScaleCommand extends ServiceChangeCommand implements Callable<Integer> {

  @Option(names = "--count", required = true, paramLabel = "N", description = "The desired count, 0 or more.")
  int count;

  @Option(names = "--force", description = "Set the count even though auto scaling owns it.")
  boolean force;

  @Override
  public Integer call() {
    checkOptions();
    OptionChecks.atLeast(spec, "--count", count, 0);
    CommandContext ctx = new CommandContext(spec);
    try (EcsClient ecs = ctx.ecs(); ApplicationAutoScalingClient autoScaling = ctx.autoScaling()) {
      ServiceChanges changes = new ServiceChanges(ecs);
      changes.current(target.cluster, target.service);
      Optional<ServiceScaling.Target> scaler = new ServiceScaling(autoScaling).target(target.cluster, target.service);
      String note = "";
      if (scaler.isPresent() && !scaler.get().fullySuspended()) {
        ServiceScaling.Target t = scaler.get();
        if (!force) {
          throw new Refusal("service '" + target.service + "' is scaled by Application Auto Scaling (min "
              + t.minCount() + ", max " + t.maxCount() + "): it would set the count back at its next alarm or scheduled"
              + " action."
              + " Change autoScaling minCount/maxCount in the environment file and deploy, or pass --force."
              + " Nothing was changed");
        }
        note = count < t.minCount() || count > t.maxCount()
            ? " (forced; outside auto scaling's " + t.minCount() + ".." + t.maxCount() + ", so it will be brought back"
                + " inside)"
            : " (forced; auto scaling may change it at its next alarm or scheduled action)";
      }
      Change change = changes.scale(target.cluster, target.service, count);
      return finish(ctx, ecs, "scale", change, change.service() + ": desired count " + change.desiredBefore()
          + " -> " + change.desiredAfter() + note);
    }
  }
}

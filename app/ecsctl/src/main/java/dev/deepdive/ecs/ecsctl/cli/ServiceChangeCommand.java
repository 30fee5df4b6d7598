package dev.deepdive.ecs.ecsctl.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.deepdive.ecs.ecsctl.ops.ServiceChanges.Change;
import dev.deepdive.ecs.ecsctl.ops.ServiceWaiter.Outcome;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.ecs.EcsClient;

/** What scale, redeploy and rollback share: the service, the optional wait, and the report. */
abstract class ServiceChangeCommand {
  @Spec
  CommandSpec spec;

  @Mixin
  ServiceTarget target;

  @Option(names = "--wait", description = "Wait until the service is steady (as `services wait`).")
  boolean await;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "15m", converter = DurationConverter.class,
      description = "With --wait: how long to wait, 1s to 24h, e.g. 90s, 15m (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  /**
   * The JSON document of a change.
   *
   * @param waited with --wait: steady, deployment-failed, gone, timed-out or interrupted
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Report(String cluster, String service, String action, int desiredCountBefore, int desiredCountAfter,
      String taskDefinitionBefore, String taskDefinitionAfter, String deploymentId, String waited,
      Double waitSeconds, int exitCode) {}

  void checkOptions() {
    OptionChecks.waitTimeout(spec, timeout);
  }

  /** Prints what changed, waits if asked, and returns the exit code. */
  int finish(CommandContext ctx, EcsClient ecs, String action, Change change, String whatChanged) {
    if (!ctx.json()) {
      ctx.out().println(whatChanged);
      ctx.out().flush();
    }
    Outcome outcome = null;
    int code = ExitCodes.OK;
    if (await) {
      outcome = ServiceWaitRun.await(ctx, ecs, target.cluster, target.service,
          action.equals("scale") ? null : change.deploymentId(), timeout);
      code = ServiceWaitRun.exitCode(outcome);
      if (!ctx.json()) {
        ctx.out().println(ServiceWaitRun.summary(change.service(), outcome, timeout));
      }
    }
    if (ctx.json()) {
      Json.print(ctx.out(), new Report(target.cluster, change.service(), action, change.desiredBefore(),
          change.desiredAfter(), change.taskDefinitionBefore(), change.taskDefinitionAfter(), change.deploymentId(),
          outcome == null ? null : outcome.result().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
          outcome == null ? null : outcome.seconds(), code));
    }
    return code;
  }
}

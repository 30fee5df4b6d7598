package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.DrainPlan;
import dev.deepdive.ecs.ecsctl.ops.Durations;
import dev.deepdive.ecs.ecsctl.ops.DrainReport;
import dev.deepdive.ecs.ecsctl.ops.PlannedService;
import dev.deepdive.ecs.ecsctl.ops.ServiceDrainer;
import dev.deepdive.ecs.ecsctl.ops.ServiceScaling;
import dev.deepdive.ecs.ecsctl.ops.ServiceOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/** {@code ecsctl drain-delete}: scale to 0, wait for the tasks to stop, delete, wait for INACTIVE. */
@Command(name = "drain-delete",
    footerHeading = ExitCodes.HEADING,
    footer = {"    0  done (deleted, or already gone)",
        "    1  AWS error: some services failed (each named with its AWS error code)",
        "    2  usage error, bad input, no region, or refused (no confirmation, or a",
        "       CloudFormation-managed service); nothing was changed",
        "    3  timed out while draining; desired count stays 0, rerun to resume",
        ExitCodes.INTERNAL_ERROR_LINE,
        "  130  interrupted (Ctrl-C); desired count stays 0, rerun to resume"},
    description = {
        "Scale services to 0, wait until no task runs or is pending, delete them (never forced),"
            + " and wait until they are INACTIVE. Services drain in parallel.",
        "A service that Application Auto Scaling scales has its scaling suspended first (and left"
            + " suspended), so that it cannot scale the service back up while it drains.",
        "Idempotent: a missing, DRAINING or INACTIVE service counts as done; after a timeout or Ctrl-C"
            + " the same command resumes."})
public final class DrainDeleteCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--cluster", required = true, paramLabel = "CLUSTER", description = "Cluster name or ARN.")
  String cluster;

  @Option(names = "--service", required = true, paramLabel = "SERVICE",
      description = "Service name or ARN; repeat for several services.")
  List<String> services;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
      description = "Budget for the whole drain, 1s to 24h, e.g. 90s, 10m, 1h (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation (required without a terminal).")
  boolean yes;

  @Option(names = "--dry-run", description = "Show what would happen; change nothing.")
  boolean dryRun;

  @Option(names = "--allow-cloudformation-managed",
      description = "Also drain services that a CloudFormation stack manages (tag deep-dive:cloudformation-stack-name or aws:cloudformation:stack-name)."
          + " Without it such services are refused: delete them through their stack.")
  boolean allowCloudFormationManaged;

  @Override
  public Integer call() {
    CommandContext ctx = new CommandContext(spec);
    validate();
    if (!dryRun) {
      Confirmation.requirePossible(ctx.environment().terminal(), yes);
    }
    DrainProgress progress = new DrainProgress(ctx.err(), ctx.environment().time());
    try (EcsClient ecs = ctx.ecs(); ApplicationAutoScalingClient autoScaling = ctx.autoScaling()) {
      ServiceDrainer drainer = new ServiceDrainer(ecs, new ServiceScaling(autoScaling), ctx.environment().time(),
          progress);
      DrainPlan plan = drainer.plan(cluster, services, allowCloudFormationManaged);
      if (!plan.refused().isEmpty()) {
        throw new Refusal(refusalMessage(plan.refused()));
      }
      if (dryRun) {
        DrainReport report = plan.asUnchangedReport();
        print(ctx, report, ExitCodes.OK);
        return ExitCodes.OK;
      }
      if (!plan.toDrain().isEmpty()) {
        describePlan(ctx, plan);
        Confirmation.require(ctx.environment().terminal(), yes, "Scale to 0 and delete " + plan.toDrain().size()
            + " service(s) in cluster " + cluster + "?");
      }
      return ctx.environment().interrupts().whileWaiting(cancellation -> {
        DrainReport report = drainer.execute(plan, timeout, cancellation);
        int code = ExitCodes.of(report);
        print(ctx, report, code);
        if (code == ExitCodes.TIMED_OUT || code == ExitCodes.INTERRUPTED) {
          ctx.err().println("ecsctl: " + (code == ExitCodes.TIMED_OUT ? "timed out after "
              + Durations.format(timeout) : "interrupted") + "; services left at desired count 0, not"
              + " deleted. Rerun the same command to resume");
        }
        return code;
      });
    }
  }

  /** Before any call: a drain shorter than a second cannot finish; one longer than a day is a typo. */
  private void validate() {
    OptionChecks.waitTimeout(spec, timeout);
  }

  private static String refusalMessage(List<PlannedService> refused) {
    Map<String, List<String>> byStack = new LinkedHashMap<>();
    for (PlannedService s : refused) {
      byStack.computeIfAbsent(s.stack(), k -> new ArrayList<>()).add(s.service());
    }
    List<String> parts = new ArrayList<>();
    byStack.forEach((stack, names) -> parts.add((names.size() == 1 ? "service " : "services ")
        + String.join(", ", names) + " managed by CloudFormation stack '" + stack + "'"));
    return "refusing to drain behind CloudFormation's back: " + String.join("; ", parts)
        + ". Delete through the stack (cdk destroy / aws cloudformation delete-stack), or pass"
        + " --allow-cloudformation-managed to drain anyway (the stack then drifts). Nothing was changed";
  }

  private void describePlan(CommandContext ctx, DrainPlan plan) {
    for (PlannedService s : plan.toDrain()) {
      ctx.err().println(s.service() + ": desired " + s.desiredCount() + ", running " + s.runningCount()
          + ", pending " + s.pendingCount() + (s.stack() == null ? "" : " (stack " + s.stack() + ")")
          + (s.scalingToSuspend() ? " -> suspend auto scaling (min " + s.scaling().minCount() + ", max "
              + s.scaling().maxCount() + "), scale to 0, then delete" : " -> scale to 0, then delete"));
    }
  }

  private void print(CommandContext ctx, DrainReport report, int exitCode) {
    if (ctx.json()) {
      Json.print(ctx.out(), new JsonReport(report.cluster(), exitCode, report.services()));
      return;
    }
    int nameWidth = report.services().stream().mapToInt(s -> s.service().length()).max().orElse(0);
    int outcomeWidth = report.services().stream().mapToInt(s -> s.outcome().json().length()).max().orElse(0);
    for (ServiceOutcome s : report.services()) {
      ctx.out().println(String.format("%-" + nameWidth + "s  %-" + outcomeWidth + "s  %s%s", s.service(),
          s.outcome().json(), s.errorCode() == null ? "" : s.errorCode() + ": ", s.message()));
    }
  }

  /** The JSON document: every service's outcome, and the exit code the run ends with. */
  record JsonReport(String cluster, int exitCode, List<ServiceOutcome> services) {}
}

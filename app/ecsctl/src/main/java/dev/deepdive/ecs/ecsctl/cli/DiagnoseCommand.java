package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.ServiceDiagnosis;
import dev.deepdive.ecs.ecsctl.ops.ServiceDiagnosis.ContainerExit;
import dev.deepdive.ecs.ecsctl.ops.ServiceDiagnosis.Diagnosis;
import dev.deepdive.ecs.ecsctl.ops.ServiceDiagnosis.Finding;
import dev.deepdive.ecs.ecsctl.ops.ServiceDiagnosis.StoppedTask;
import dev.deepdive.ecs.ecsctl.ops.ServiceLookups.DeploymentSummary;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.ecs.EcsClient;

/** {@code ecsctl diagnose --cluster C --service S}: why a service is not steady. */
@Command(name = "diagnose",
    footerHeading = ExitCodes.HEADING,
    footer = {"    0  diagnosis printed, steady or not: read the findings",
        "    1  AWS error, or the cluster or service not found",
        ExitCodes.USAGE_LINE,
        ExitCodes.INTERNAL_ERROR_LINE},
    description = "Explain why a service is not steady: stopped tasks (reasons, exit codes, out-of-memory),"
        + " failing health checks, placement failures, failed deployments. Read-only.")
public final class DiagnoseCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ServiceTarget target;

  @Override
  public Integer call() {
    CommandContext ctx = new CommandContext(spec);
    try (EcsClient ecs = ctx.ecs()) {
      Diagnosis d = new ServiceDiagnosis(ecs).diagnose(target.cluster, target.service);
      if (ctx.json()) {
        Json.print(ctx.out(), d);
      } else {
        print(ctx.out(), d);
      }
    }
    return ExitCodes.OK;
  }

  private static void print(PrintWriter out, Diagnosis d) {
    out.println(d.service() + " in " + d.cluster() + ": " + (d.steady() ? "steady" : "NOT steady") + " ("
        + d.status() + ", desired " + d.desiredCount() + ", running " + d.runningCount() + ", pending "
        + d.pendingCount() + ", task definition " + d.taskDefinition() + ")");
    for (DeploymentSummary dep : d.deployments()) {
      out.println("  deployment " + dep.status() + " " + dep.taskDefinition() + ": running " + dep.runningCount()
          + "/" + dep.desiredCount() + ", failed tasks " + dep.failedTasks()
          + (dep.rolloutState() == null ? "" : ", rollout " + dep.rolloutState()));
    }
    if (d.findings().isEmpty()) {
      out.println("No problems found in recent stopped tasks, health checks or events.");
    } else {
      out.println("Findings (newest first per kind):");
      for (Finding f : d.findings()) {
        out.println("  [" + f.kind() + "] " + (f.at() == null ? "" : f.at() + "  ") + f.summary());
        out.println("      fix: " + f.hint());
      }
    }
    if (!d.stoppedTasks().isEmpty()) {
      out.println("Recently stopped tasks:");
      for (StoppedTask t : d.stoppedTasks()) {
        out.println("  " + t.taskId() + "  " + t.taskDefinition() + "  " + t.stoppedAt() + "  "
            + (t.stopCode() == null ? "" : t.stopCode() + ": ") + t.stoppedReason());
        for (ContainerExit c : t.containers()) {
          out.println("      " + c.name() + ": exit " + (c.exitCode() == null ? "-" : c.exitCode())
              + (c.reason() == null ? "" : ", " + c.reason()));
        }
      }
    }
  }
}

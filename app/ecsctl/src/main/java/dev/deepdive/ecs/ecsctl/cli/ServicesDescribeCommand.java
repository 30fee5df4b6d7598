package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.AskedFor;
import dev.deepdive.ecs.ecsctl.ops.NotFoundException;
import dev.deepdive.ecs.ecsctl.ops.ServiceLookups;
import dev.deepdive.ecs.ecsctl.ops.ServiceLookups.DeploymentSummary;
import dev.deepdive.ecs.ecsctl.ops.ServiceLookups.EventSummary;
import dev.deepdive.ecs.ecsctl.ops.ServiceLookups.ServiceDetail;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.ecs.EcsClient;

/** {@code ecsctl services describe --cluster C S...}: counts, task definition, deployments, latest events. */
@Command(name = "describe",
    footerHeading = ExitCodes.HEADING,
    footer = {"    0  every service asked for was described",
        "    1  AWS error, or some services not found (the found ones are still shown)",
        ExitCodes.USAGE_LINE,
        ExitCodes.INTERNAL_ERROR_LINE},
    description = "Show desired/running/pending counts, task definition, deployments and the latest events.")
public final class ServicesDescribeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--cluster", required = true, paramLabel = "CLUSTER", description = "Cluster name or ARN.")
  String cluster;

  @Parameters(paramLabel = "SERVICE", arity = "1..*", description = "Service names or ARNs.")
  List<String> services;

  @Override
  public Integer call() {
    CommandContext ctx = new CommandContext(spec);
    try (EcsClient ecs = ctx.ecs()) {
      ServiceLookups.Described described = new ServiceLookups(ecs).describe(cluster, services);
      if (ctx.json()) {
        Json.print(ctx.out(), new JsonDocument(cluster, described.found(), described.missing()));
      } else {
        described.found().forEach(d -> print(ctx.out(), d));
      }
      return ctx.reportMissing(described.missing().isEmpty() ? null
          : new NotFoundException("ServiceNotFoundException", AskedFor.services(cluster, described.missing()), null));
    }
  }

  /** The JSON document, fields in this order: the services found, and the names ECS did not know. */
  record JsonDocument(String cluster, List<ServiceDetail> services, List<String> missing) {}

  private static void print(PrintWriter out, ServiceDetail d) {
    out.println(d.name() + " (" + d.status() + ")");
    out.println("  desired " + d.desiredCount() + ", running " + d.runningCount() + ", pending " + d.pendingCount());
    out.println("  task definition: " + d.taskDefinition());
    out.println("  deployments:");
    for (DeploymentSummary dep : d.deployments()) {
      out.println("    " + dep.status() + " " + dep.taskDefinition() + ": desired " + dep.desiredCount()
          + ", running " + dep.runningCount() + ", pending " + dep.pendingCount() + ", failed " + dep.failedTasks()
          + (dep.rolloutState() == null ? "" : ", rollout " + dep.rolloutState()));
    }
    out.println("  latest events:");
    for (EventSummary e : d.events()) {
      out.println("    " + e.createdAt() + "  " + e.message());
    }
  }
}

package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.AskedFor;
import dev.deepdive.ecs.ecsctl.ops.ClusterLookups;
import dev.deepdive.ecs.ecsctl.ops.NotFoundException;
import dev.deepdive.ecs.ecsctl.ops.ClusterLookups.ClusterSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.ecs.EcsClient;

/** {@code ecsctl clusters describe}: status, container instances, tasks and services per cluster. */
@Command(name = "describe",
    footerHeading = ExitCodes.HEADING,
    footer = {"    0  every cluster asked for was described",
        "    1  AWS error, or some clusters not found (the found ones are still shown)",
        ExitCodes.USAGE_LINE,
        ExitCodes.INTERNAL_ERROR_LINE},
    description = "Show status, registered container instances, running and pending tasks, and active services.")
public final class ClustersDescribeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "CLUSTER", arity = "0..*", description = "Cluster names or ARNs (default: all).")
  List<String> clusters = new ArrayList<>();

  /** The JSON document, fields in this order: the clusters found, and the names ECS did not know. */
  record JsonDocument(List<ClusterSummary> clusters, List<String> missing) {}

  @Override
  public Integer call() {
    CommandContext ctx = new CommandContext(spec);
    try (EcsClient ecs = ctx.ecs()) {
      ClusterLookups.Described described = new ClusterLookups(ecs).describe(clusters);
      if (ctx.json()) {
        Json.print(ctx.out(), new JsonDocument(described.found(), described.missing()));
      } else if (!described.found().isEmpty()) {
        TextTable table = new TextTable("CLUSTER", "STATUS", "INSTANCES", "RUNNING", "PENDING", "SERVICES");
        for (ClusterSummary c : described.found()) {
          table.row(c.name(), c.status(), c.registeredContainerInstances(), c.runningTasks(), c.pendingTasks(),
              c.activeServices());
        }
        table.print(ctx.out());
      }
      int code = ExitCodes.OK;
      for (String missing : described.missing()) {
        code = ctx.reportMissing(new NotFoundException("ClusterNotFoundException", AskedFor.cluster(missing), null));
      }
      return code;
    }
  }
}

package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.AskedFor;
import dev.deepdive.ecs.ecsctl.ops.NotFoundException;
import dev.deepdive.ecs.ecsctl.ops.TaskLookups;
import dev.deepdive.ecs.ecsctl.ops.TaskLookups.Described;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.ecs.EcsClient;

/** {@code ecsctl tasks describe --cluster C TASK...}: a block per task with its containers' exit codes. */
@Command(name = "describe",
    description = "Show tasks in detail: status, health, container instance and zone, times, stop code and reason,"
        + " and each container's status, essential flag, exit code and reason.",
    footerHeading = ExitCodes.HEADING,
    footer = {"    0  every task described",
        "    1  AWS error, or a task ECS does not know (the others are still shown;",
        "       ECS forgets stopped tasks about an hour after they stop)",
        ExitCodes.USAGE_LINE, ExitCodes.INTERNAL_ERROR_LINE})
public final class TasksDescribeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--cluster", required = true, paramLabel = "CLUSTER", description = "Cluster name or ARN.")
  String cluster;

  @Parameters(paramLabel = "TASK", arity = "1..*", description = "Task IDs or ARNs.")
  List<String> tasks;

  @Override
  public Integer call() {
    CommandContext ctx = new CommandContext(spec);
    try (EcsClient ecs = ctx.ecs()) {
      Described described = new TaskLookups(ecs).describe(cluster, tasks);
      if (ctx.json()) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("cluster", cluster);
        doc.put("tasks", described.tasks());
        doc.put("missing", described.missing());
        Json.print(ctx.out(), doc);
      } else {
        described.tasks().forEach(t -> TaskPrinter.detail(ctx.out(), t));
      }
      return ctx.reportMissing(described.missing().isEmpty() ? null : new NotFoundException("TaskNotFound",
          AskedFor.cluster(cluster).withTasks(described.missing()),
          "ECS forgets stopped tasks about an hour after they stop"));
    }
  }
}

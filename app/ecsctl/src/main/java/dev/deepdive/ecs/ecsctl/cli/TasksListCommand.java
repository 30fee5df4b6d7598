package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.TaskLookups;
import dev.deepdive.ecs.ecsctl.ops.TaskLookups.TaskFilter;
import dev.deepdive.ecs.ecsctl.ops.TaskState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.ecs.EcsClient;

/** {@code ecsctl tasks list --cluster C [filters]}: one row per task. */
@Command(name = "list",
    description = "List a cluster's tasks, newest first: last and desired status, health, container instance, zone,"
        + " started and stopped times, stop code and reason. ECS lists stopped tasks for about an hour.",
    footerHeading = ExitCodes.HEADING,
    footer = {"    0  listed (also when no task matches)", ExitCodes.AWS_ERROR_LINE,
        "    2  usage error (e.g. --started-by with another filter); nothing was called",
        ExitCodes.INTERNAL_ERROR_LINE})
public final class TasksListCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--cluster", required = true, paramLabel = "CLUSTER", description = "Cluster name or ARN.")
  String cluster;

  @Option(names = "--service", paramLabel = "SERVICE", description = "Only this service's tasks.")
  String service;

  @Option(names = "--family", paramLabel = "FAMILY", converter = TaskDefinitionRefConverter.Family.class,
      description = "Only tasks of this task definition family.")
  String family;

  @Option(names = "--desired-status", paramLabel = "STATUS", defaultValue = "running",
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); stopped tasks show why they stopped.")
  TaskStatusFilter desiredStatus;

  @Option(names = "--container-instance", paramLabel = "CONTAINER_INSTANCE",
      description = "Only tasks on this container instance (ID or ARN).")
  String containerInstance;

  @Option(names = "--started-by", paramLabel = "STARTER",
      description = "Only tasks with this startedBy (e.g. ecsctl); ECS allows no other filter with it.")
  String startedBy;

  @Override
  public Integer call() {
    CommandContext ctx = new CommandContext(spec);
    TaskFilter filter = filter();
    try (EcsClient ecs = ctx.ecs()) {
      List<TaskState> tasks = new TaskLookups(ecs).list(cluster, filter);
      if (ctx.json()) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("cluster", cluster);
        doc.put("tasks", tasks);
        Json.print(ctx.out(), doc);
      } else {
        TaskPrinter.table(ctx.out(), tasks);
      }
    }
    return ExitCodes.OK;
  }

  private TaskFilter filter() {
    if (startedBy != null && (service != null || family != null || containerInstance != null)) {
      throw new ParameterException(spec.commandLine(), "--started-by cannot be combined with --service, --family"
          + " or --container-instance: ListTasks allows no other filter with startedBy");
    }
    return new TaskFilter(service, family, startedBy, containerInstance, desiredStatus.statuses());
  }
}

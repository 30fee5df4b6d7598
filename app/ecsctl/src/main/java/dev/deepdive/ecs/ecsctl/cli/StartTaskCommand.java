package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.TaskLauncher;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ecsctl start-task}: StartTask on container instances you choose, optionally waiting. */
@Command(name = "start-task",
    description = {
        "Start one task on each container instance you name (StartTask): for work that must run on a particular"
            + " instance, or a scheduler of your own. Tasks are marked startedBy 'ecsctl'. Retried on throttling only:"
            + " StartTask has no idempotency token, so a call ECS may have carried out is never repeated.",
        "With --wait, follow them until they stop, print each container's exit code and the stop reason, and exit"
            + " with the essential container's exit code."},
    footerHeading = ExitCodes.HEADING,
    footer = {TaskLaunchFlow.EXIT_OK, TaskLaunchFlow.EXIT_CONTAINER, TaskLaunchFlow.EXIT_AWS,
        TaskLaunchFlow.EXIT_USAGE, TaskLaunchFlow.EXIT_TIMED_OUT, TaskLaunchFlow.EXIT_NOT_PLACED,
        TaskLaunchFlow.EXIT_NO_EXIT_CODE, ExitCodes.INTERNAL_ERROR_LINE, TaskLaunchFlow.EXIT_INTERRUPTED,
        TaskLaunchFlow.EXIT_NOTE})
public final class StartTaskCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  TaskLaunchOptions options;

  @Option(names = "--container-instance", required = true, paramLabel = "CONTAINER_INSTANCE",
      description = "Container instance ID or ARN; repeat for up to 10 (one task on each).")
  List<String> containerInstances;

  @Override
  public Integer call() {
    if (containerInstances.size() > TaskLauncher.MAX_CONTAINER_INSTANCES) {
      throw new ParameterException(spec.commandLine(), "--container-instance: at most "
          + TaskLauncher.MAX_CONTAINER_INSTANCES + " (StartTask's limit), got " + containerInstances.size());
    }
    List<String> distinct = containerInstances.stream().distinct().toList();
    return TaskLaunchFlow.run(spec, options, "start-task",
        (launcher, definition) -> launcher.start(options.cluster, definition, distinct, options.overrides));
  }
}

package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.TaskLauncher;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ecsctl run-task}: RunTask through the cluster's default capacity provider strategy, optionally waiting. */
@Command(name = "run-task",
    description = {
        "Run tasks that no service owns (a database migration, a batch job): ECS places them across the cluster"
            + " through its default capacity provider strategy (RunTask). Tasks are marked startedBy 'ecsctl'.",
        "With --wait, follow them until they stop, print each container's exit code and the stop reason, and exit"
            + " with the essential container's exit code."},
    footerHeading = ExitCodes.HEADING,
    footer = {TaskLaunchFlow.EXIT_OK, TaskLaunchFlow.EXIT_CONTAINER, TaskLaunchFlow.EXIT_AWS,
        TaskLaunchFlow.EXIT_USAGE, TaskLaunchFlow.EXIT_TIMED_OUT, TaskLaunchFlow.EXIT_NOT_PLACED,
        TaskLaunchFlow.EXIT_NO_EXIT_CODE, ExitCodes.INTERNAL_ERROR_LINE, TaskLaunchFlow.EXIT_INTERRUPTED,
        TaskLaunchFlow.EXIT_NOTE})
public final class RunTaskCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  TaskLaunchOptions options;

  @Option(names = "--count", paramLabel = "N", defaultValue = "1",
      description = "How many tasks, 1 to 10 (RunTask's limit; default: ${DEFAULT-VALUE}).")
  int count;

  @Override
  public Integer call() {
    if (count < 1 || count > TaskLauncher.MAX_RUN_COUNT) {
      // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html: count, 1 to 10.
      throw new ParameterException(spec.commandLine(), "--count must be 1 to " + TaskLauncher.MAX_RUN_COUNT
          + " (RunTask's limit), got " + count);
    }
    return TaskLaunchFlow.run(spec, options, "run-task",
        (launcher, definition) -> launcher.run(options.cluster, definition, count, options.overrides));
  }
}

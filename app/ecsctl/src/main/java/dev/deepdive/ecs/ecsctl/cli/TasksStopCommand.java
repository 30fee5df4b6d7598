package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.TaskLauncher;
import dev.deepdive.ecs.ecsctl.ops.TaskLauncher.StopOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.ecs.EcsClient;

/** {@code ecsctl tasks stop --cluster C TASK... [--reason R] [--yes]}: StopTask for each. */
@Command(name = "stop",
    description = {"Stop tasks (StopTask): ECS sends their containers SIGTERM, then SIGKILL after the stop timeout."
        + " A service replaces the tasks it owns; stop those through the service (drain-delete) instead.",
        "Idempotent: an already stopped task counts as done."},
    footerHeading = ExitCodes.HEADING,
    footer = {"    0  every task stopping or already stopped",
        "    1  AWS error, or a task ECS does not know; the other tasks are still",
        "       stopped",
        ExitCodes.REFUSAL_LINE, ExitCodes.INTERNAL_ERROR_LINE})
public final class TasksStopCommand implements Callable<Integer> {
  /** StopTask's reason: up to 255 characters (API_StopTask.html in the ECS API reference). */
  static final int MAX_REASON = 255;

  @Spec
  CommandSpec spec;

  @Option(names = "--cluster", required = true, paramLabel = "CLUSTER", description = "Cluster name or ARN.")
  String cluster;

  @Parameters(paramLabel = "TASK", arity = "1..*", description = "Task IDs or ARNs.")
  List<String> tasks;

  @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "Stopped with ecsctl tasks stop",
      description = "Recorded as the tasks' stopped reason, up to 255 characters (default: ${DEFAULT-VALUE}).")
  String reason;

  @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation (required without a terminal).")
  boolean yes;

  @Override
  public Integer call() {
    CommandContext ctx = new CommandContext(spec);
    if (reason.length() > MAX_REASON) {
      throw new ParameterException(spec.commandLine(), "--reason: at most " + MAX_REASON + " characters, got "
          + reason.length());
    }
    Confirmation.require(ctx.environment().terminal(), yes, "Stop " + tasks.size() + " task(s) in cluster "
        + cluster + "?");
    try (EcsClient ecs = ctx.ecs()) {
      List<StopOutcome> outcomes = new TaskLauncher(ecs).stop(cluster, tasks, reason);
      boolean failed = outcomes.stream().anyMatch(o -> StopOutcome.NOT_FOUND.equals(o.outcome())
          || StopOutcome.FAILED.equals(o.outcome()));
      int code = failed ? ExitCodes.AWS_ERROR : ExitCodes.OK;
      if (ctx.json()) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("cluster", cluster);
        doc.put("exitCode", code);
        doc.put("tasks", outcomes);
        Json.print(ctx.out(), doc);
      } else {
        TextTable table = new TextTable("TASK", "OUTCOME", "MESSAGE");
        outcomes.forEach(o -> table.row(o.task(), o.outcome(),
            (o.errorCode() == null ? "" : o.errorCode() + ": ") + o.message()));
        table.print(ctx.out());
      }
      return code;
    }
  }
}

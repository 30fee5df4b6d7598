package dev.deepdive.ecs.ecsctl.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.deepdive.ecs.ecsctl.ops.ContainerOverrideSpec;
import dev.deepdive.ecs.ecsctl.ops.Durations;
import dev.deepdive.ecs.ecsctl.ops.LaunchedTasks;
import dev.deepdive.ecs.ecsctl.ops.LaunchedTasks.PlacementFailure;
import dev.deepdive.ecs.ecsctl.ops.TaskLauncher;
import dev.deepdive.ecs.ecsctl.ops.TaskLauncher.Definition;
import dev.deepdive.ecs.ecsctl.ops.TaskLauncher.StopOutcome;
import dev.deepdive.ecs.ecsctl.ops.TaskRunVerdict;
import dev.deepdive.ecs.ecsctl.ops.TaskState;
import dev.deepdive.ecs.ecsctl.ops.TaskWatcher;
import dev.deepdive.ecs.ecsctl.ops.TaskWatcher.Watched;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * What run-task and start-task share after their own API call: resolve and check the task definition, launch,
 * report what ECS could not place, follow the tasks to STOPPED, answer Ctrl-C, and turn the outcome into the exit
 * code ({@link ExitCodes#of(TaskRunVerdict)}).
 */
final class TaskLaunchFlow {
  /**
   * After Ctrl-C, how long a person has to answer "stop the tasks?" before the JVM exits and leaves them running.
   */
  static final Duration ANSWER_GRACE = Duration.ofSeconds(60);

  // The exit-code table of run-task and start-task, lines of at most 78 characters; the lines every command shares
  // are ExitCodes'.
  static final String EXIT_OK = "    0  without --wait: every task started;%n"
      + "       with --wait: every essential container exited 0";
  static final String EXIT_CONTAINER = "1-255  with --wait, once the tasks stopped: the first non-zero exit code of%n"
      + "       an essential container (task order, then container order; codes%n"
      + "       outside 1-255 become 255)";
  static final String EXIT_AWS = "    1  AWS error or not found; the message names it and says what to do;%n"
      + "       tasks already started keep running";
  static final String EXIT_USAGE = "    2  usage error or bad input (unknown container in --override, INACTIVE%n"
      + "       revision); nothing was started";
  static final String EXIT_TIMED_OUT = "    3  --timeout reached before every task stopped; they keep running";
  static final String EXIT_NOT_PLACED = "    5  ECS could not place every task (failures[]: RESOURCE:MEMORY, AGENT,%n"
      + "       ...); the tasks it placed ran as above";
  static final String EXIT_NO_EXIT_CODE = "    6  with --wait: a task stopped without an exit code for an essential%n"
      + "       container (it never ran to its end: image pull, no capacity, its%n"
      + "       container instance went away)";
  static final String EXIT_INTERRUPTED = "  130  interrupted (Ctrl-C, SIGTERM); the tasks were stopped or left running%n"
      + "       as --on-interrupt says";
  static final String EXIT_NOTE = "A container's exit code can equal one of ecsctl's own: the 'ecsctl:' line on%n"
      + "stderr and the JSON 'outcome' tell them apart.";

  private TaskLaunchFlow() {}

  /**
   * Runs the command: {@code launch} makes the one API call that starts the tasks (RunTask or StartTask).
   *
   * @param command the command's name, for the stop reason ECS records after Ctrl-C
   */
  static int run(CommandSpec spec, TaskLaunchOptions options, String command,
      BiFunction<TaskLauncher, Definition, LaunchedTasks> launch) {
    CommandContext ctx = new CommandContext(spec);
    options.validate(spec);
    try (EcsClient ecs = ctx.ecs()) {
      TaskLauncher launcher = new TaskLauncher(ecs);
      Definition definition = launcher.definition(options.taskDefinition.trim());
      check(spec, definition, options.overrides);
      LaunchedTasks launched = launch.apply(launcher, definition);
      for (PlacementFailure f : launched.failures()) {
        ctx.err().println("ecsctl: not placed: " + f.reason() + (f.arn() == null ? "" : " (" + f.arn() + ")")
            + (f.detail() == null ? "" : ": " + f.detail()) + "; " + f.hint());
      }
      if (!options.wait || launched.tasks().isEmpty()) {
        TaskRunVerdict verdict = TaskRunVerdict.of(launched, null);
        return report(ctx, launched, verdict, launched.tasks(), null, List.of());
      }
      TaskProgress progress = new TaskProgress(ctx.err(), ctx.environment().time());
      progress.note("started " + launched.tasks().size() + " task(s) of " + launched.taskDefinition() + ": "
          + ids(launched.tasks()));
      TaskWatcher watcher = new TaskWatcher(ecs, ctx.environment().time(), progress);
      return ctx.environment().interrupts().whileWaiting(ANSWER_GRACE, cancellation -> {
        Watched watched;
        try {
          watched = watcher.await(options.cluster, launched.tasks(), definition.essentialByContainer(),
              options.timeout(), cancellation);
        } catch (SdkException e) {
          ctx.err().println("ecsctl: stopped following the tasks; they keep running: " + ids(launched.tasks()));
          throw e;
        }
        List<StopOutcome> stops = watched.ending() == TaskWatcher.Ending.INTERRUPTED
            ? afterInterrupt(ctx, launcher, options, command, watched.notStopped()) : List.of();
        TaskRunVerdict verdict = TaskRunVerdict.of(launched, watched);
        return report(ctx, launched, verdict, watched.tasks(), watched, stops);
      });
    }
  }

  private static void check(CommandSpec spec, Definition definition, List<ContainerOverrideSpec> overrides) {
    if ("INACTIVE".equals(definition.status())) {
      // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeregisterTaskDefinition.html: an INACTIVE
      // revision cannot run new tasks.
      String family = definition.taskDefinition().substring(0, definition.taskDefinition().indexOf(':'));
      throw new ParameterException(spec.commandLine(), "task definition " + definition.taskDefinition()
          + " is INACTIVE (deregistered) and ECS starts no new tasks from it; run the latest ACTIVE revision with"
          + " --task-definition " + family);
    }
    List<String> problems = ContainerOverrideSpec.check(overrides, definition.containers(),
        definition.taskDefinition());
    if (!problems.isEmpty()) {
      throw new ParameterException(spec.commandLine(), String.join("; ", problems));
    }
  }

  /** Ctrl-C while waiting: stop the tasks still running, or leave them, as --on-interrupt and the answer say. */
  private static List<StopOutcome> afterInterrupt(CommandContext ctx, TaskLauncher launcher,
      TaskLaunchOptions options, String command, List<TaskState> running) {
    if (running.isEmpty()) {
      return List.of();
    }
    Terminal terminal = ctx.environment().terminal();
    boolean stop = switch (options.onInterrupt()) {
      case stop -> true;
      case leave -> false;
      case ask -> terminal.interactive() && Confirmation.answeredYes(terminal, "Stop the " + running.size()
          + " task(s) still running (" + ids(running) + ")?");
    };
    if (!stop) {
      ctx.err().println("ecsctl: left running: " + ids(running) + ". Stop them with: ecsctl tasks stop --cluster "
          + options.cluster + " " + ids(running));
      return List.of();
    }
    List<StopOutcome> stops = launcher.stop(options.cluster, running.stream().map(TaskState::taskId).toList(),
        "Interrupted in ecsctl " + command);
    for (StopOutcome s : stops) {
      ctx.err().println("ecsctl: " + s.task() + ": " + s.outcome() + (s.errorCode() == null ? ""
          : " (" + s.errorCode() + ": " + s.message() + ")"));
    }
    return stops;
  }

  private static int report(CommandContext ctx, LaunchedTasks launched, TaskRunVerdict verdict,
      List<TaskState> tasks, Watched watched, List<StopOutcome> stops) {
    int code = ExitCodes.of(verdict);
    if (ctx.json()) {
      Json.print(ctx.out(), new Report(launched.cluster(), launched.taskDefinition(), code, verdict.outcome(),
          verdict.message(), watched == null ? null : watched.seconds(), tasks, launched.failures(),
          stops.isEmpty() ? null : stops));
    } else if (watched == null) {
      if (!tasks.isEmpty()) {
        TaskPrinter.table(ctx.out(), tasks);
      }
    } else {
      tasks.forEach(t -> TaskPrinter.detail(ctx.out(), t));
    }
    if (code != ExitCodes.OK) {
      String next = switch (verdict.outcome()) {
        case TIMED_OUT -> " (waited " + Durations.format(Duration.ofMillis(Math.round(watched.seconds()
            * 1000))) + "). Follow them with 'ecsctl tasks describe --cluster " + launched.cluster() + " "
            + ids(watched.notStopped()) + "'";
        default -> "";
      };
      ctx.err().println("ecsctl: " + verdict.message() + next + "; exit code " + code);
    }
    return code;
  }

  private static String ids(List<TaskState> tasks) {
    return tasks.stream().map(TaskState::taskId).collect(Collectors.joining(" "));
  }

  /**
   * The JSON document of run-task and start-task.
   *
   * @param seconds how long the wait took; absent without --wait
   * @param stopRequests StopTask outcomes after Ctrl-C; absent when none were asked for
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Report(String cluster, String taskDefinition, int exitCode, TaskRunVerdict.Outcome outcome, String message,
      Double seconds, List<TaskState> tasks, List<PlacementFailure> failures, List<StopOutcome> stopRequests) {}
}

package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.ContainerOverrideSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options run-task and start-task share: what to run, its overrides, and how to wait for it. */
public final class TaskLaunchOptions {
  /** How long --wait follows the tasks when no --timeout is given. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);
  /** The shortest --timeout: one poll. */
  static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);

  @Option(names = "--cluster", required = true, paramLabel = "CLUSTER", description = "Cluster name or ARN.")
  String cluster;

  @Option(names = "--task-definition", required = true, paramLabel = "TASK_DEFINITION",
      converter = TaskDefinitionRefConverter.FamilyOrRevision.class,
      description = "What to run: family:revision, a task definition ARN, or a family alone for its latest ACTIVE"
          + " revision.")
  String taskDefinition;

  @Option(names = "--override", paramLabel = "OVERRIDE", converter = ContainerOverrideConverter.class,
      description = "container=NAME[,env.KEY=VALUE ...][,command=WORD ...]: change one container's command (Docker's"
          + " CMD; command= comes last and takes the rest, split like a shell's words) and environment; repeat for"
          + " other containers.")
  List<ContainerOverrideSpec> overrides = new ArrayList<>();

  @Option(names = "--wait",
      description = "Follow the tasks until they stop, print each container's exit code and the stop reason, and exit"
          + " with the essential container's exit code.")
  boolean wait;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "With --wait: give up waiting after this long, 1s to 7 days, e.g. 90s, 30m, 2h (default: 1h)."
          + " The tasks keep running.")
  Duration timeout;

  @Option(names = "--on-interrupt", paramLabel = "ACTION",
      description = "With --wait, on Ctrl-C or SIGTERM: ${COMPLETION-CANDIDATES} (default: ask; without a terminal"
          + " ask leaves the tasks running).")
  OnInterrupt onInterrupt;

  /** Usage errors, before any AWS call (empty values are refused for every command already). */
  void validate(CommandSpec spec) {
    if (!wait && timeout != null) {
      throw new ParameterException(spec.commandLine(), "--timeout only applies with --wait");
    }
    if (!wait && onInterrupt != null) {
      throw new ParameterException(spec.commandLine(), "--on-interrupt only applies with --wait");
    }
    DurationConverter.requireWithin(spec.commandLine(), "--timeout", timeout, MIN_TIMEOUT, DurationConverter.CEILING);
  }

  Duration timeout() {
    return timeout == null ? DEFAULT_TIMEOUT : timeout;
  }

  OnInterrupt onInterrupt() {
    return onInterrupt == null ? OnInterrupt.ask : onInterrupt;
  }
}

package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.ContainerInstanceStates;
import dev.deepdive.ecs.ecsctl.ops.ContainerInstanceStates.StateChange;
import dev.deepdive.ecs.ecsctl.ops.ContainerInstanceStates.WaitOutcome;
import dev.deepdive.ecs.ecsctl.ops.ContainerInstanceStates.WaitResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerInstanceStatus;

/** {@code ecsctl container-instances drain --cluster C ID... [--wait]}: for maintenance. */
@Command(name = "drain",
    description = {"Set container instances to DRAINING: ECS places no new task on them and moves their service"
        + " tasks elsewhere, within each service's deployment bounds. Standalone tasks are not stopped.",
        "With --wait, wait until no service task is left on them. Undo with `container-instances activate`."},
    footerHeading = ExitCodes.HEADING,
    footer = {"    0  DRAINING (with --wait: and their service tasks have moved)",
        "    1  AWS/API error, or ECS refused an instance (the line names it and why)",
        ExitCodes.USAGE_LINE,
        "    3  --wait timed out; the instances stay DRAINING, rerun to keep waiting",
        ExitCodes.INTERNAL_ERROR_LINE,
        "  130  interrupted (Ctrl-C); the instances stay DRAINING"})
public final class ContainerInstancesDrainCommand extends ContainerInstanceStateCommand implements Callable<Integer> {

  @Option(names = "--wait", description = "Wait until the service tasks have moved off.")
  boolean await;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30m", converter = DurationConverter.class,
      description = "With --wait: how long to wait, 1s to 24h, e.g. 10m, 1h (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  public Integer call() {
    OptionChecks.waitTimeout(spec, timeout);
    CommandContext ctx = new CommandContext(spec);
    try (EcsClient ecs = ctx.ecs()) {
      List<StateChange> changes = change(ecs, ctx, ContainerInstanceStatus.DRAINING);
      List<String> draining = changes.stream().filter(c -> c.failure() == null).map(StateChange::id).toList();
      if (!await || draining.isEmpty()) {
        return report(ctx, ContainerInstanceStatus.DRAINING, changes, List.of(), ExitCodes.OK);
      }
      WaitOutcome[][] waits = new WaitOutcome[1][];
      long start = ctx.environment().time().nanoTime();
      ctx.environment().interrupts().whileWaiting(cancellation -> {
        waits[0] = new ContainerInstanceStates(ecs, ctx.environment().time()).awaitMoved(target.cluster, draining, timeout,
            cancellation, tasks -> ctx.err().println(String.format("[%6.1fs] %s: %d service task(s), %d standalone"
                + " task(s) on it", (ctx.environment().time().nanoTime() - start) / 1e9, tasks.id(),
                tasks.serviceTasks(), tasks.standaloneTasks()))).toArray(WaitOutcome[]::new);
        return 0;
      });
      List<WaitOutcome> outcomes = List.of(waits[0]);
      int code = outcomes.stream().anyMatch(o -> o.result() == WaitResult.INTERRUPTED) ? ExitCodes.INTERRUPTED
          : outcomes.stream().anyMatch(o -> o.result() == WaitResult.TIMED_OUT) ? ExitCodes.TIMED_OUT : ExitCodes.OK;
      return report(ctx, ContainerInstanceStatus.DRAINING, changes, outcomes, code);
    }
  }
}

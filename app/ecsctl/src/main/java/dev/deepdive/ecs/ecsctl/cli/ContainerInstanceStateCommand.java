package dev.deepdive.ecs.ecsctl.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.deepdive.ecs.ecsctl.ops.ContainerInstanceStates;
import dev.deepdive.ecs.ecsctl.ops.ContainerInstanceStates.StateChange;
import dev.deepdive.ecs.ecsctl.ops.ContainerInstanceStates.WaitOutcome;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerInstanceStatus;

/** What drain and activate share: the instances, the UpdateContainerInstancesState call, and the report. */
abstract class ContainerInstanceStateCommand {
  @Spec
  CommandSpec spec;

  @Mixin
  InstancesTarget target;

  /**
   * One instance in the JSON document.
   *
   * @param failure ECS's reason when it refused the change (MISSING, INACTIVE, ...)
   * @param waited with {@code drain --wait}: {@code moved}, {@code timed-out} or {@code interrupted}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record InstanceReport(String id, String status, String failure, String waited, Integer serviceTasksLeft,
      Integer standaloneTasks) {}

  /** The JSON document. */
  record Report(String cluster, String requestedStatus, int exitCode, List<InstanceReport> containerInstances) {}

  /** Sets the state; the changes in the order asked. */
  List<StateChange> change(EcsClient ecs, CommandContext ctx, ContainerInstanceStatus status) {
    return new ContainerInstanceStates(ecs, ctx.environment().time()).set(target.cluster, target.instances, status);
  }

  /** Prints the result and returns the exit code: 1 if ECS refused any instance, else {@code waitCode}. */
  int report(CommandContext ctx, ContainerInstanceStatus status, List<StateChange> changes, List<WaitOutcome> waits,
      int waitCode) {
    boolean refused = changes.stream().anyMatch(c -> c.failure() != null);
    int code = refused ? ExitCodes.AWS_ERROR : waitCode;
    List<InstanceReport> reports = changes.stream().map(c -> {
      WaitOutcome w = waits.stream().filter(o -> o.id().equals(c.id())).findFirst().orElse(null);
      return new InstanceReport(c.id(), c.status(), c.failure(),
          w == null ? null : w.result().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
          w == null ? null : w.serviceTasks(), w == null ? null : w.standaloneTasks());
    }).toList();
    if (ctx.json()) {
      Json.print(ctx.out(), new Report(target.cluster, status.toString(), code, reports));
      return code;
    }
    for (InstanceReport r : reports) {
      if (r.failure() != null) {
        ctx.out().println(r.id() + "  not changed: " + r.failure());
        continue;
      }
      StringBuilder line = new StringBuilder(r.id() + "  " + r.status());
      if (r.waited() != null) {
        line.append(switch (r.waited()) {
          case "moved" -> ", its service tasks have moved";
          case "timed-out" -> ", " + r.serviceTasksLeft() + " service task(s) still on it (timed out)";
          default -> ", " + r.serviceTasksLeft() + " service task(s) still on it (interrupted)";
        });
        if (r.standaloneTasks() != null && r.standaloneTasks() > 0) {
          line.append("; ").append(r.standaloneTasks()).append(" standalone task(s) stay: draining does not stop"
              + " them, stop them or let them finish");
        }
      }
      ctx.out().println(line);
    }
    return code;
  }
}

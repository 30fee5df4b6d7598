package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.TaskDefinitionLookups;
import dev.deepdive.ecs.ecsctl.ops.TaskDefinitionLookups.ContainerSummary;
import dev.deepdive.ecs.ecsctl.ops.TaskDefinitionLookups.TaskDefinitionDetail;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.ecs.EcsClient;

/** {@code ecsctl task-definitions describe family:revision}. */
@Command(name = "describe",
    footerHeading = ExitCodes.HEADING,
    footer = {ExitCodes.OK_LINE,
        "    1  AWS error, or no such task definition",
        "    2  bad input (web:abc is not family:revision); nothing was called",
        ExitCodes.INTERNAL_ERROR_LINE},
    description = "Show one revision: status, CPU and memory, containers.")
public final class TaskDefinitionDescribeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "TASK_DEFINITION", converter = TaskDefinitionRefConverter.FamilyOrRevision.class,
      description = "family:revision, an ARN, or a family alone for its latest ACTIVE revision.")
  String taskDefinition;

  @Override
  public Integer call() {
    CommandContext ctx = new CommandContext(spec);
    try (EcsClient ecs = ctx.ecs()) {
      TaskDefinitionDetail td = new TaskDefinitionLookups(ecs).describe(taskDefinition);
      if (ctx.json()) {
        Json.print(ctx.out(), td);
        return ExitCodes.OK;
      }
      ctx.out().println(td.family() + ":" + td.revision() + " (" + td.status() + ")");
      ctx.out().println("  arn: " + td.arn());
      ctx.out().println("  cpu: " + orDash(td.cpu()) + ", memory: " + orDash(td.memory()) + ", network mode: "
          + orDash(td.networkMode()) + ", requires: " + String.join(",", td.requiresCompatibilities()));
      ctx.out().println("  registered: " + orDash(td.registeredAt()));
      TextTable table = new TextTable("CONTAINER", "IMAGE", "CPU", "MEMORY", "RESERVATION", "ESSENTIAL");
      for (ContainerSummary c : td.containers()) {
        table.row(c.name(), c.image(), c.cpu(), c.memory(), c.memoryReservation(), c.essential());
      }
      table.print(ctx.out());
    }
    return ExitCodes.OK;
  }

  private static String orDash(String value) {
    return value == null ? "-" : value;
  }
}

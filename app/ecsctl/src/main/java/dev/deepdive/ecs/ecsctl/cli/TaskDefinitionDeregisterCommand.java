package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.TaskDefinitionPruner;
import dev.deepdive.ecs.ecsctl.ops.TaskDefinitionRef;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.ecs.EcsClient;

/** {@code ecsctl task-definitions deregister family:revision}. */
@Command(name = "deregister",
    footerHeading = ExitCodes.HEADING,
    footer = {"    0  deregistered",
        "    1  AWS error, or no such revision",
        ExitCodes.REFUSAL_LINE,
        ExitCodes.INTERNAL_ERROR_LINE},
    description = "Deregister one revision (running tasks and services using it are not affected).")
public final class TaskDefinitionDeregisterCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FAMILY:REVISION", converter = TaskDefinitionRefConverter.class,
      description = "The revision, e.g. prod-web:3 (a whole family is what prune is for).")
  TaskDefinitionRef taskDefinition;

  @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation (required without a terminal).")
  boolean yes;

  @Override
  public Integer call() {
    CommandContext ctx = new CommandContext(spec);
    Confirmation.require(ctx.environment().terminal(), yes, "Deregister " + taskDefinition + "?");
    try (EcsClient ecs = ctx.ecs()) {
      TaskDefinitionPruner.Deregistered result = new TaskDefinitionPruner(ecs).deregister(taskDefinition);
      if (ctx.json()) {
        Json.print(ctx.out(), result);
      } else {
        ctx.out().println(result.taskDefinition() + "  " + result.status());
      }
    }
    return ExitCodes.OK;
  }
}

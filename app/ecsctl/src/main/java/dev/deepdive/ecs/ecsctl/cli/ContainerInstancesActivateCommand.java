package dev.deepdive.ecs.ecsctl.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerInstanceStatus;

/** {@code ecsctl container-instances activate --cluster C ID...}: back from maintenance. */
@Command(name = "activate",
    description = "Set container instances back to ACTIVE, so ECS places tasks on them again. Tasks that"
        + " moved away stay where they are until a deployment or scaling places new ones.",
    footerHeading = ExitCodes.HEADING,
    footer = {"    0  ACTIVE", "    1  AWS/API error, or ECS refused an instance (the line names it and why)",
        ExitCodes.USAGE_LINE, ExitCodes.INTERNAL_ERROR_LINE})
public final class ContainerInstancesActivateCommand extends ContainerInstanceStateCommand
    implements Callable<Integer> {

  @Override
  public Integer call() {
    CommandContext ctx = new CommandContext(spec);
    try (EcsClient ecs = ctx.ecs()) {
      return report(ctx, ContainerInstanceStatus.ACTIVE, change(ecs, ctx, ContainerInstanceStatus.ACTIVE),
          java.util.List.of(), ExitCodes.OK);
    }
  }
}

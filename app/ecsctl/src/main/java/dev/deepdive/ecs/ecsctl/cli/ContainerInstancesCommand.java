package dev.deepdive.ecs.ecsctl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ecsctl container-instances}: list, describe, drain, activate. */
@Command(name = "container-instances",
    description = "Look at the cluster's container instances; drain one for maintenance and put it back.",
    footerHeading = ExitCodes.HEADING,
    footer = {"    see each subcommand's --help; without a subcommand: 2 (usage error)"},
    subcommands = {ContainerInstancesListCommand.class, ContainerInstancesDescribeCommand.class,
        ContainerInstancesDrainCommand.class, ContainerInstancesActivateCommand.class})
public final class ContainerInstancesCommand extends CommandGroup {
  @Spec
  CommandSpec spec;

  @Override protected CommandSpec spec() {
    return spec;
  }
}

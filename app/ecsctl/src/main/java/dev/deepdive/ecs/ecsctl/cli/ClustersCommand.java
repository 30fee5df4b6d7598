package dev.deepdive.ecs.ecsctl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ecsctl clusters}: cluster look-ups. */
@Command(name = "clusters", description = "List and describe clusters.",
    footerHeading = ExitCodes.HEADING,
    footer = {"    see each subcommand's --help; without a subcommand: 2 (usage error)"},
    subcommands = {ClustersListCommand.class, ClustersDescribeCommand.class})
public final class ClustersCommand extends CommandGroup {
  @Spec
  CommandSpec spec;

  @Override protected CommandSpec spec() {
    return spec;
  }
}

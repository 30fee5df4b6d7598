package dev.deepdive.ecs.ecsctl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ecsctl services}: service look-ups. */
@Command(name = "services", description = "List and describe services.",
    footerHeading = ExitCodes.HEADING,
    footer = {"    see each subcommand's --help; without a subcommand: 2 (usage error)"},
    subcommands = {ServicesListCommand.class, ServicesDescribeCommand.class})
public final class ServicesCommand extends CommandGroup {
  @Spec
  CommandSpec spec;

  @Override protected CommandSpec spec() {
    return spec;
  }
}

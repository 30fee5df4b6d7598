package dev.deepdive.ecs.ecsctl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ecsctl services}: look-ups and the everyday changes. */
@Command(name = "services",
    description = "List and describe services; scale, redeploy, roll back, wait; read their events and logs.",
    footerHeading = ExitCodes.HEADING,
    footer = {"    see each subcommand's --help; without a subcommand: 2 (usage error)"},
    subcommands = {ServicesListCommand.class, ServicesDescribeCommand.class, ServicesScaleCommand.class,
        ServicesRedeployCommand.class, ServicesRollbackCommand.class, ServicesWaitCommand.class,
        ServicesEventsCommand.class, ServicesLogsCommand.class})
public final class ServicesCommand extends CommandGroup {
  @Spec
  CommandSpec spec;

  @Override protected CommandSpec spec() {
    return spec;
  }
}

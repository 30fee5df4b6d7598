package dev.deepdive.ecs.ecsctl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ecsctl task-definitions}: families, revisions, describe, deregister, prune. */
@Command(name = "task-definitions", description = "Look up, deregister and prune task definitions.",
    footerHeading = ExitCodes.HEADING,
    footer = {"    see each subcommand's --help; without a subcommand: 2 (usage error)"},
    subcommands = {TaskDefinitionFamiliesCommand.class, TaskDefinitionRevisionsCommand.class,
        TaskDefinitionDescribeCommand.class, TaskDefinitionDeregisterCommand.class, TaskDefinitionPruneCommand.class})
public final class TaskDefinitionsCommand extends CommandGroup {
  @Spec
  CommandSpec spec;

  @Override protected CommandSpec spec() {
    return spec;
  }
}

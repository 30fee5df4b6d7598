package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.TaskDefinitionLookups;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.ecs.EcsClient;

/** {@code ecsctl task-definitions families}: family names. */
@Command(name = "families",
    footerHeading = ExitCodes.HEADING,
    footer = {ExitCodes.OK_LINE,
        ExitCodes.AWS_ERROR_LINE,
        ExitCodes.USAGE_LINE,
        ExitCodes.INTERNAL_ERROR_LINE},
    description = "List task definition families.")
public final class TaskDefinitionFamiliesCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--prefix", paramLabel = "PREFIX", description = "Only families starting with PREFIX.")
  String prefix;

  @Option(names = "--all", description = "Include families with no ACTIVE revision left.")
  boolean all;

  @Override
  public Integer call() {
    CommandContext ctx = new CommandContext(spec);
    try (EcsClient ecs = ctx.ecs()) {
      List<String> families = new TaskDefinitionLookups(ecs).families(prefix, !all);
      if (ctx.json()) {
        Json.print(ctx.out(), Map.of("families", families));
      } else {
        families.forEach(ctx.out()::println);
      }
    }
    return ExitCodes.OK;
  }
}

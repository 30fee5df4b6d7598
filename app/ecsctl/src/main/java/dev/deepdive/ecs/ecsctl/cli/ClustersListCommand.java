package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.ClusterLookups;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.ecs.EcsClient;

/** {@code ecsctl clusters list}: cluster names, one per line. */
@Command(name = "list",
    footerHeading = ExitCodes.HEADING,
    footer = {ExitCodes.OK_LINE,
        ExitCodes.AWS_ERROR_LINE,
        ExitCodes.USAGE_LINE,
        ExitCodes.INTERNAL_ERROR_LINE},
    description = "List the names of all clusters in the region.")
public final class ClustersListCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    CommandContext ctx = new CommandContext(spec);
    try (EcsClient ecs = ctx.ecs()) {
      List<String> names = new ClusterLookups(ecs).names();
      if (ctx.json()) {
        Json.print(ctx.out(), Map.of("clusters", names));
      } else {
        names.forEach(ctx.out()::println);
      }
    }
    return ExitCodes.OK;
  }
}

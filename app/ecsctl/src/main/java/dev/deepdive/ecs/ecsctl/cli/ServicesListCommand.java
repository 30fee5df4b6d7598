package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.ServiceLookups;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.ecs.EcsClient;

/** {@code ecsctl services list --cluster C}: service names, one per line. */
@Command(name = "list",
    footerHeading = ExitCodes.HEADING,
    footer = {ExitCodes.OK_LINE,
        ExitCodes.AWS_ERROR_LINE,
        ExitCodes.USAGE_LINE,
        ExitCodes.INTERNAL_ERROR_LINE},
    description = "List the names of the services in a cluster.")
public final class ServicesListCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--cluster", required = true, paramLabel = "CLUSTER", description = "Cluster name or ARN.")
  String cluster;

  @Override
  public Integer call() {
    CommandContext ctx = new CommandContext(spec);
    try (EcsClient ecs = ctx.ecs()) {
      List<String> names = new ServiceLookups(ecs).names(cluster);
      if (ctx.json()) {
        Json.print(ctx.out(), Map.of("cluster", cluster, "services", names));
      } else {
        names.forEach(ctx.out()::println);
      }
    }
    return ExitCodes.OK;
  }
}

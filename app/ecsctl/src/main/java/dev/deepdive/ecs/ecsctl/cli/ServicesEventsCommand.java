package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.ServiceLookups;
import dev.deepdive.ecs.ecsctl.ops.ServiceLookups.EventSummary;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.ecs.EcsClient;

/** {@code ecsctl services events --cluster C --service S}: what the service scheduler said, oldest first. */
@Command(name = "events",
    description = "Show a service's events (placement failures, deployments, health checks, steady state),"
        + " oldest first. ECS keeps the latest 100.",
    footerHeading = ExitCodes.HEADING,
    footer = {ExitCodes.OK_LINE, ExitCodes.AWS_ERROR_LINE, ExitCodes.USAGE_LINE, ExitCodes.INTERNAL_ERROR_LINE})
public final class ServicesEventsCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ServiceTarget target;

  @Option(names = "--since", paramLabel = "DURATION", defaultValue = "24h", converter = DurationConverter.class,
      description = "Only events of the last DURATION, 1s to 7 days, e.g. 30m, 24h (default: ${DEFAULT-VALUE}).")
  Duration since;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
      description = "At most the N newest events, 1 to 100 (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    OptionChecks.lookBack(spec, "--since", since);
    OptionChecks.atLeast(spec, "--limit", limit, 1);
    CommandContext ctx = new CommandContext(spec);
    try (EcsClient ecs = ctx.ecs()) {
      List<EventSummary> events = new ServiceLookups(ecs).events(target.cluster, target.service,
          ctx.environment().time().now().minus(since), limit);
      if (ctx.json()) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("cluster", target.cluster);
        doc.put("service", target.service);
        doc.put("events", events);
        Json.print(ctx.out(), doc);
      } else {
        events.forEach(e -> ctx.out().println(e.createdAt() + "  " + e.message()));
      }
    }
    return ExitCodes.OK;
  }
}

package dev.deepdive.ecs.ecsctl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepdive.ecs.ecsctl.ops.ServiceLogs;
import dev.deepdive.ecs.ecsctl.ops.ServiceLogs.Line;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/** {@code ecsctl services logs --cluster C --service S [--follow]}: the containers' CloudWatch Logs. */
@Command(name = "logs",
    description = {"Print the CloudWatch Logs of a service's containers, oldest first, each line with its time,"
        + " container and task: every task of the service, stopped ones too. Where they are comes from the"
        + " awslogs options of the task definition the service runs.",
        "With --output json: one JSON document; with --follow, one JSON object per line (JSON Lines)."},
    footerHeading = ExitCodes.HEADING,
    footer = {"    0  done (with --follow: never, it ends with Ctrl-C)",
        ExitCodes.AWS_ERROR_LINE,
        "    2  usage error, or nothing to read (no such container, or none logs with awslogs); nothing was called"
            + " beyond ECS", ExitCodes.INTERNAL_ERROR_LINE, "  130  --follow ended with Ctrl-C"})
public final class ServicesLogsCommand implements Callable<Integer> {
  private static final ObjectMapper JSON_LINES = new ObjectMapper();

  @Spec
  CommandSpec spec;

  @Mixin
  ServiceTarget target;

  @Option(names = "--container", paramLabel = "NAME", description = "Only this container (default: all).")
  String container;

  @Option(names = "--since", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
      description = "Start this far back, 1s to 7 days, e.g. 5m, 2h (default: ${DEFAULT-VALUE}).")
  Duration since;

  @Option(names = {"-f", "--follow"}, description = "Keep printing new events until Ctrl-C.")
  boolean follow;

  @Override
  public Integer call() {
    OptionChecks.lookBack(spec, "--since", since);
    CommandContext ctx = new CommandContext(spec);
    Map<String, CloudWatchLogsClient> clients = new HashMap<>();
    try (EcsClient ecs = ctx.ecs()) {
      ServiceLogs.Sources found = ServiceLogs.sources(ecs, target.cluster, target.service,
          Optional.ofNullable(container));
      if (found.problem() != null) {
        throw new Refusal("nothing to read: " + found.problem());
      }
      List<ServiceLogs.Source> sources = found.sources();
      ServiceLogs logs = new ServiceLogs(region -> clients.computeIfAbsent(region == null ? "" : region,
          r -> ctx.logs(region)), sources);
      long start = ctx.environment().time().now().minus(since).toEpochMilli();
      if (!follow) {
        List<Line> lines = logs.read(start);
        if (ctx.json()) {
          Map<String, Object> doc = new LinkedHashMap<>();
          doc.put("cluster", target.cluster);
          doc.put("service", target.service);
          doc.put("sources", sources);
          doc.put("events", lines);
          Json.print(ctx.out(), doc);
        } else {
          lines.forEach(l -> print(ctx.out(), l));
        }
        return ExitCodes.OK;
      }
      return ctx.environment().interrupts().whileWaiting(cancellation -> {
        logs.follow(start, ctx.environment().time(), cancellation, batch -> {
          batch.forEach(l -> {
            if (ctx.json()) {
              ctx.out().println(jsonLine(l));
            } else {
              print(ctx.out(), l);
            }
          });
          ctx.out().flush();
        });
        return ExitCodes.INTERRUPTED;
      });
    } finally {
      clients.values().forEach(CloudWatchLogsClient::close);
    }
  }

  private static void print(PrintWriter out, Line l) {
    String task = l.task().length() > 8 ? l.task().substring(0, 8) : l.task();
    out.println(Instant.ofEpochMilli(l.timestamp()) + "  " + (l.container() == null ? "" : l.container() + "/")
        + task + "  " + l.message());
  }

  private static String jsonLine(Line l) {
    try {
      return JSON_LINES.writeValueAsString(l);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.AwsErrors;
import dev.deepdive.ecs.ecsctl.ops.AwsFailure;
import dev.deepdive.ecs.ecsctl.ops.ClientSettings;
import dev.deepdive.ecs.ecsctl.ops.NotFoundException;
import dev.deepdive.ecs.ecsctl.ops.EcsClientFactory;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/** What a subcommand reaches through its spec: global options, environment, streams, and the AWS clients. */
final class CommandContext {
  static final Duration MIN_NETWORK_TIMEOUT = Duration.ofMillis(100);
  static final Duration MAX_CONNECT_TIMEOUT = Duration.ofMinutes(5);
  static final Duration MAX_READ_TIMEOUT = Duration.ofMinutes(10);

  private final CommandSpec spec;
  private final EcsCtl root;

  CommandContext(CommandSpec spec) {
    this.spec = spec;
    this.root = (EcsCtl) spec.root().userObject();
  }

  GlobalOptions global() {
    return root.global();
  }

  CliEnvironment environment() {
    return root.environment();
  }

  boolean json() {
    return global().output() == OutputFormat.json;
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /**
   * Reports one item that was not found among several asked for (the found ones were printed): one line on
   * stderr, worded by {@link AwsErrors#explain} like any not-found error.
   *
   * @param missing what was not found, or {@code null} when everything was
   * @return the exit code: {@link ExitCodes#AWS_ERROR} if something was missing, else {@link ExitCodes#OK}
   */
  int reportMissing(NotFoundException missing) {
    if (missing == null) {
      return ExitCodes.OK;
    }
    AwsFailure failure = AwsErrors.explain(missing, missing.missing(), root.clientSettings()).orElseThrow();
    err().println("ecsctl: " + failure.message());
    return failure.exitCode();
  }

  /**
   * One client per command run; the caller closes it. Validates the global options first (a bad timeout is a
   * usage error before any call) and remembers the settings, so an error message can say where calls went.
   */
  EcsClient ecs() {
    ClientSettings settings = settings(global().endpointUrl(), null);
    root.clientSettings(settings);
    settings = EcsClientFactory.withResolvedRegion(settings);
    root.clientSettings(settings);
    return EcsClientFactory.create(settings);
  }

  /** Application Auto Scaling, set up like {@link #ecs()} (region, profile, timeouts); the caller closes it. */
  ApplicationAutoScalingClient autoScaling() {
    return EcsClientFactory.createAutoScaling(
        EcsClientFactory.withResolvedRegion(settings(global().autoScalingEndpointUrl(), null)));
  }

  /** CloudWatch Logs in {@code region} (null: ecsctl's region), set up like {@link #ecs()}; the caller closes it. */
  CloudWatchLogsClient logs(String region) {
    return EcsClientFactory.createLogs(
        EcsClientFactory.withResolvedRegion(settings(global().logsEndpointUrl(), region)));
  }

  /** The settings every client shares; {@code region} (from a task definition) overrides the usual order. */
  private ClientSettings settings(java.net.URI endpoint, String region) {
    GlobalOptions g = global();
    DurationConverter.requireWithin(spec.commandLine(), "--connect-timeout", g.connectTimeout(),
        MIN_NETWORK_TIMEOUT, MAX_CONNECT_TIMEOUT);
    DurationConverter.requireWithin(spec.commandLine(), "--read-timeout", g.readTimeout(),
        MIN_NETWORK_TIMEOUT, MAX_READ_TIMEOUT);
    ClientSettings settings = ClientSettings.of(null, g.profile(), endpoint)
        .withTimeouts(g.connectTimeout(), g.readTimeout(), null)
        .withRetryNotices(line -> err().println("ecsctl: " + line));
    settings = region != null ? settings.withRegion(region, "the task definition's awslogs-region")
        : withRegion(settings);
    return environment().clientTuning().apply(settings);
  }

  /**
   * The region as the AWS CLI finds it: --region, then AWS_REGION, then AWS_DEFAULT_REGION; without any, the
   * SDK's chain (the profile's region) decides
   * (https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-envvars.html).
   */
  private ClientSettings withRegion(ClientSettings settings) {
    if (global().region() != null) {
      return settings.withRegion(global().region(), "--region");
    }
    for (String variable : new String[] {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
      String value = environment().variable(variable);
      if (value != null) {
        return settings.withRegion(value, variable);
      }
    }
    return settings;
  }
}

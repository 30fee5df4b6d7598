package dev.deepdive.ecs.ecsctl.cli;

import java.net.URI;
import java.time.Duration;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every command accepts, before or after the subcommand name (like the AWS CLI's). Declared once on
 * the top command; picocli copies them to each subcommand and binds them to this one object.
 */
public final class GlobalOptions {

  @Option(names = "--region", scope = ScopeType.INHERIT, paramLabel = "REGION",
      description = "AWS region (default, as the AWS CLI: AWS_REGION, then AWS_DEFAULT_REGION, then the"
          + " profile's region).")
  String region;

  @Option(names = "--profile", scope = ScopeType.INHERIT, paramLabel = "PROFILE",
      description = "Named AWS profile for credentials and region (default: the SDK's default chains).")
  String profile;

  @Option(names = "--endpoint-url", scope = ScopeType.INHERIT, paramLabel = "URL",
      description = "Send ECS calls to this endpoint instead of the regional one (a VPC endpoint, a local fake).")
  URI endpointUrl;

  @Option(names = "--autoscaling-endpoint-url", scope = ScopeType.INHERIT, paramLabel = "URL",
      description = "Send Application Auto Scaling calls (services scale, drain-delete) to this endpoint.")
  URI autoScalingEndpointUrl;

  @Option(names = "--logs-endpoint-url", scope = ScopeType.INHERIT, paramLabel = "URL",
      description = "Send CloudWatch Logs calls (services logs) to this endpoint.")
  URI logsEndpointUrl;

  @Option(names = "--connect-timeout", scope = ScopeType.INHERIT, paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Limit for opening a connection to the endpoint, 100ms to 5m (default: 5s).")
  Duration connectTimeout;

  @Option(names = "--read-timeout", scope = ScopeType.INHERIT, paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Limit for waiting on an answer once connected, 100ms to 10m (default: 10s).")
  Duration readTimeout;

  @Option(names = "--output", scope = ScopeType.INHERIT, paramLabel = "FORMAT", defaultValue = "text",
      description = "Output format on stdout: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat output;

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Show stack traces of errors.")
  boolean debug;

  public String region() {
    return region;
  }

  public String profile() {
    return profile;
  }

  public URI endpointUrl() {
    return endpointUrl;
  }

  public URI autoScalingEndpointUrl() {
    return autoScalingEndpointUrl;
  }

  public URI logsEndpointUrl() {
    return logsEndpointUrl;
  }

  /** --connect-timeout, or {@code null} for the default. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** --read-timeout, or {@code null} for the default. */
  public Duration readTimeout() {
    return readTimeout;
  }

  public OutputFormat output() {
    return output == null ? OutputFormat.text : output;
  }

  public boolean debug() {
    return debug;
  }
}

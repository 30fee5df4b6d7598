package dev.deepdive.ecs.ecsctl.cli;

import java.net.URI;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every command accepts, before or after the subcommand name (like the AWS CLI's). Declared once on
 * the top command; picocli copies them to each subcommand and binds them to this one object.
 */
public final class GlobalOptions {

  @Option(names = "--region", scope = ScopeType.INHERIT, paramLabel = "REGION",
      description = "AWS region (default: the SDK's chain: AWS_REGION, then the profile's region).")
  String region;

  @Option(names = "--profile", scope = ScopeType.INHERIT, paramLabel = "PROFILE",
      description = "Named AWS profile for credentials and region (default: the SDK's default chains).")
  String profile;

  @Option(names = "--endpoint-url", scope = ScopeType.INHERIT, paramLabel = "URL",
      description = "Send ECS calls to this endpoint instead of the regional one (a VPC endpoint, a local fake).")
  URI endpointUrl;

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

  public OutputFormat output() {
    return output == null ? OutputFormat.text : output;
  }

  public boolean debug() {
    return debug;
  }
}

package dev.deepdive.ecs.ecsctl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.deepdive.ecs.ecsctl.cli.CliRun.Result;
import dev.deepdive.ecs.ecsctl.testing.Fault;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every AWS failure as the user reads it: one line naming what was asked for, where the call went and what to
 * do. Runs the real command line against the fake endpoint (or a socket that never answers).
 */
class AwsFailureMessagesTest extends FakeProdClusterTest {
  @BeforeEach void webInProd() {
    prod.service("web").counts(1, 1, 0);
  }

  private CliRun cli() {
    return CliRun.against(fake, time);
  }

  @Test void aMissingClusterIsNamedWithTheRegionAndWhereTheRegionCameFrom() {
    Result result = cli().run("services", "list", "--cluster", "nope");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("ecsctl: cluster 'nope' not found (ClusterNotFoundException: Cluster not"
        + " found.) in region us-east-1 (from --region) at " + fake.endpoint() + "; list the clusters with"
        + " 'ecsctl clusters list', or check --region and --profile\n");
  }

  @Test void awsDefaultRegionIsHonouredWhenNeitherRegionNorAwsRegionIsSet() {
    Result result = cli().variables(Map.of("AWS_DEFAULT_REGION", "eu-west-1"))
        .runRaw("--endpoint-url", fake.endpoint().toString(), "services", "list", "--cluster", "nope");

    assertThat(result.err()).as(result.toString()).contains("in region eu-west-1 (from AWS_DEFAULT_REGION)");
  }

  @Test void awsRegionBeatsAwsDefaultRegionAndTheOptionBeatsBoth() {
    Map<String, String> both = Map.of("AWS_REGION", "eu-central-1", "AWS_DEFAULT_REGION", "eu-west-1");

    Result fromEnvironment = cli().variables(both)
        .runRaw("--endpoint-url", fake.endpoint().toString(), "services", "list", "--cluster", "nope");
    Result fromOption = cli().variables(both).runRaw("--region", "ap-south-1", "--endpoint-url",
        fake.endpoint().toString(), "services", "list", "--cluster", "nope");

    assertThat(fromEnvironment.err()).contains("in region eu-central-1 (from AWS_REGION)");
    assertThat(fromOption.err()).contains("in region ap-south-1 (from --region)");
  }

  @Test void theProfilesRegionIsUsedWhenNothingElseIsSet(@TempDir Path home) throws IOException {
    Path config = Files.writeString(home.resolve("config"), "[profile ops]\nregion = sa-east-1\n");
    Path credentials = Files.writeString(home.resolve("credentials"), "");
    Result result = withProfileFiles(config, credentials, () -> cli()
        .runRaw("--profile", "ops", "--endpoint-url", fake.endpoint().toString(), "services", "list",
            "--cluster", "nope"));

    assertThat(result.err()).as(result.toString()).contains("in region sa-east-1 (from profile 'ops')");
  }

  @Test void noRegionAnywhereIsAUsageErrorNamingEveryWayToSetOne(@TempDir Path home) throws IOException {
    Path config = Files.writeString(home.resolve("config"), "");
    Result result = withProfileFiles(config, config, () -> cli()
        .runRaw("--endpoint-url", fake.endpoint().toString(), "clusters", "list"));

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
    assertThat(result.err()).startsWith("ecsctl: no AWS region: pass --region, set AWS_REGION");
  }

  @Test void noCredentialsSaysWhereTheDefaultChainLookedAndHowToSetAProfile(@TempDir Path home) throws IOException {
    assumeTrue(System.getenv("AWS_ACCESS_KEY_ID") == null && System.getenv("AWS_WEB_IDENTITY_TOKEN_FILE") == null
        && System.getenv("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") == null
        && System.getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI") == null && System.getenv("AWS_PROFILE") == null,
        "the machine has AWS credentials in its environment");
    Path missing = home.resolve("absent");
    Result result = withProfileFiles(missing, missing, () -> cli().sdkCredentials()
        .run("services", "list", "--cluster", "prod"));

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
    assertThat(result.err()).startsWith("ecsctl: no AWS credentials found for cluster 'prod'. The default chain"
        + " looked at: environment variables AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY and Java system properties"
        + " aws.accessKeyId/aws.secretAccessKey (not set); web identity AWS_WEB_IDENTITY_TOKEN_FILE (not set);"
        + " profile 'default' in " + missing + " (absent) and " + missing + " (absent); container credentials")
        .contains("EC2 instance metadata (disabled by AWS_EC2_METADATA_DISABLED)")
        .endsWith(". Set a profile with --profile NAME or AWS_PROFILE=NAME ('aws configure --profile NAME' or"
            + " 'aws configure sso' writes one), or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY\n")
        .hasLineCount(1);
    assertThat(result.err().length()).isLessThan(800);
    assertThat(fake.calls()).isEmpty();
  }

  @Test void anUnknownProfileIsNamedWithTheFilesLookedIn(@TempDir Path home) throws IOException {
    Path config = Files.writeString(home.resolve("config"), "[profile ops]\nregion = eu-west-1\n");
    Path credentials = Files.writeString(home.resolve("credentials"), "");
    Result result = withProfileFiles(config, credentials, () -> cli().sdkCredentials()
        .run("--profile", "opps", "services", "list", "--cluster", "prod"));

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
    assertThat(result.err()).startsWith("ecsctl: no AWS credentials from profile 'opps' for cluster 'prod': looked"
        + " in " + credentials + " and " + config + "; no such profile there. Set a profile with --profile NAME");
  }

  @Test void throttlingSaysHowOftenItWasRetried() {
    fake.failNext("ListServices", Fault.THROTTLING, 100);

    Result result = cli().run("services", "list", "--cluster", "prod");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("ecsctl: AWS throttled the calls for cluster 'prod' (ThrottlingException:"
        + " Rate exceeded); gave up after 5 attempts (retried 4 times). Other tools calling ECS in this account and"
        + " region share the rate limit: wait a minute and rerun\n");
    assertThat(fake.callsTo("ListServices")).hasSize(5);
  }

  @Test void accessDeniedNamesTheResourceAndTheWayOut() {
    fake.failNext("DescribeServices", Fault.ACCESS_DENIED, 1);

    Result result = cli().run("diagnose", "--cluster", "prod", "--service", "web");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("ecsctl: access denied for service 'web' in cluster 'prod' in region"
        + " us-east-1 (from --region) at " + fake.endpoint() + " (AccessDeniedException: User:"
        + " arn:aws:sts::123456789012:assumed-role/ci/ecsctl is not authorized to perform this action). The identity"
        + " needs the ECS permission named there");
  }

  @Test void rejectedCredentialsSayHowToRefreshThem() {
    fake.failNext("ListClusters", Fault.UNRECOGNIZED_CLIENT, 1);

    Result result = cli().run("clusters", "list");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("ecsctl: AWS rejected the credentials (UnrecognizedClientException: The"
        + " security token included in the request is invalid.). Refresh them (for an SSO profile: aws sso login"
        + " --profile NAME), or use others with --profile NAME or AWS_PROFILE\n");
  }

  @Test void aRefusedConnectionNamesTheHostAndHowToPointElsewhere() {
    int port = fake.port();
    fake.close();

    Result result = cli().runRaw("--region", "us-east-1", "--endpoint-url", "http://127.0.0.1:" + port,
        "clusters", "list");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("ecsctl: cannot connect to 127.0.0.1:" + port + " (Connection refused);"
        + " gave up after 5 attempts (retried 4 times). Check the network path to it; to use another address (a"
        + " VPC endpoint, a local endpoint) pass --endpoint-url URL; behind a proxy set HTTPS_PROXY=")
        .hasLineCount(1).doesNotContain("\tat ");
  }

  @Test void aSilentEndpointTimesOutWithinTheReadTimeoutAndSaysSoAtEachRetry() throws Exception {
    try (SilentEndpoint silent = new SilentEndpoint()) {
      long start = System.nanoTime();
      Result result = cli().ownTimeouts().runRaw("--region", "us-east-1", "--endpoint-url", silent.url(),
          "--connect-timeout", "300ms", "--read-timeout", "300ms", "clusters", "list");
      long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

      assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
      String host = "127.0.0.1:" + silent.port();
      assertThat(result.err().lines().toList()).hasSize(5)
          .first().isEqualTo("ecsctl: no answer from " + host + " within 300ms (read timeout); retrying (attempt 2"
              + " of 5)");
      assertThat(result.err().lines().toList().get(4)).startsWith("ecsctl: no answer from " + host
          + " within 300ms (read timeout); gave up after 5 attempts (retried 4 times). Check the network path")
          .endsWith("to wait longer pass --connect-timeout or --read-timeout");
      // 5 attempts of 300 ms and the backoff between them; far from the 60 s a silent endpoint used to cost.
      assertThat(elapsedMillis).isLessThan(10_000);
      assertThat(silent.accepted()).isEqualTo(5);
    }
  }

  @Test void timeoutsOutsideTheirBoundsAreUsageErrorsBeforeAnyCall() {
    Result tooShort = cli().ownTimeouts().run("--read-timeout", "10ms", "clusters", "list");
    Result tooLong = cli().ownTimeouts().run("--connect-timeout", "1h", "clusters", "list");

    assertThat(tooShort.exitCode()).isEqualTo(2);
    assertThat(tooShort.err()).startsWith("ecsctl: --read-timeout must be from 100ms to 10m, got '10ms'");
    assertThat(tooLong.err()).startsWith("ecsctl: --connect-timeout must be from 100ms to 5m, got '1h'");
    assertThat(fake.calls()).isEmpty();
  }

  /** Runs {@code body} with the SDK reading profiles from these files and never asking instance metadata. */
  private static Result withProfileFiles(Path config, Path credentials, java.util.function.Supplier<Result> body) {
    Map<String, String> properties = new HashMap<>();
    properties.put("aws.configFile", config.toString());
    properties.put("aws.sharedCredentialsFile", credentials.toString());
    properties.put("aws.disableEc2Metadata", "true");
    Map<String, String> before = new HashMap<>();
    properties.forEach((k, v) -> before.put(k, System.setProperty(k, v)));
    try {
      return body.get();
    } finally {
      before.forEach((k, v) -> {
        if (v == null) {
          System.clearProperty(k);
        } else {
          System.setProperty(k, v);
        }
      });
    }
  }

  /** A 127.0.0.1 port that accepts connections and never answers. */
  private static final class SilentEndpoint implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> held = new ArrayList<>();
    private final Thread acceptor;

    SilentEndpoint() throws IOException {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      acceptor = new Thread(() -> {
        while (!server.isClosed()) {
          try {
            Socket socket = server.accept();
            synchronized (held) {
              held.add(socket);
            }
          } catch (IOException closed) {
            return;
          }
        }
      }, "silent-endpoint");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return server.getLocalPort();
    }

    String url() {
      return "http://127.0.0.1:" + port();
    }

    int accepted() {
      synchronized (held) {
        return held.size();
      }
    }

    @Override public void close() throws IOException {
      server.close();
      synchronized (held) {
        for (Socket s : held) {
          s.close();
        }
      }
    }
  }
}

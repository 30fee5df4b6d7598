package dev.deepdive.ecs.constructs.bootscript;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On AL2023 (no AWS CLI) the script signs the S3 request with curl and the instance profile. */
class CurlFetchTest {

  private static BootRun run;

  @BeforeAll
  static void boot(@TempDir Path dir) {
    run = Environment.harness().withS3Object(Environment.ECS_CONFIG_OBJECT).run(dir);
  }

  private static Call s3Request() {
    List<Call> requests = run.callsTo("curl").stream()
        .filter(call -> call.args().contains("aws:amz:eu-west-1:s3"))
        .toList();
    assertThat(requests).as(run.describe()).hasSize(1);
    return requests.get(0);
  }

  @Test
  void succeeds() {
    assertThat(run.exitCode()).as(run.describe()).isZero();
  }

  @Test
  void writesTheFetchedClusterAndAgentSettings() {
    assertThat(run.ecsConfigSettings()).as(run.describe()).startsWith(
        "ECS_CLUSTER=deep-dive-dev",
        "ECS_ENABLE_CONTAINER_METADATA=true",
        "ECS_CONTAINER_STOP_TIMEOUT=60s");
  }

  @Test
  void everyClusterLineNamesTheEnvironmentsCluster() {
    assertThat(run.ecsConfigSettings()).filteredOn(line -> line.startsWith("ECS_CLUSTER="))
        .isNotEmpty()
        .allMatch(line -> line.equals("ECS_CLUSTER=deep-dive-dev"));
  }

  @Test
  void getsTheObjectFromTheRegionalVirtualHostedUrl() {
    assertThat(s3Request().args()).last()
        .isEqualTo("https://deep-dive-dev-agentconfigbucket-1x2y3z.s3.eu-west-1.amazonaws.com/" + Environment.KEY);
  }

  @Test
  void signsForS3InTheGivenRegion() {
    assertThat(s3Request().args()).containsSubsequence("--aws-sigv4", "aws:amz:eu-west-1:s3");
  }

  @Test
  void sendsTheHashOfTheEmptyPayload() {
    assertThat(s3Request().args()).containsSubsequence("--header",
        "x-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void failsOnHttpErrorsAndBoundsEveryRequestInTime() {
    assertThat(run.callsTo("curl")).filteredOn(call -> call.args().contains("http://169.254.169.254/latest/api/token")
            || call.args().contains("aws:amz:eu-west-1:s3"))
        .hasSizeGreaterThan(1)
        .allSatisfy(call -> assertThat(call.args()).contains("--fail", "--connect-timeout", "--max-time"));
  }

  @Test
  void boundsEveryOtherRequestInTimeToo() {
    // The signal reads CloudFormation's error body, so it goes without --fail.
    assertThat(run.callsTo("curl")).filteredOn(call -> !call.args().contains("--version"))
        .allSatisfy(call -> assertThat(call.args()).contains("--connect-timeout", "--max-time"));
  }

  @Test
  void passesTheInstanceProfileCredentialsOnStdin() {
    assertThat(s3Request().stdin()).isEqualTo(
        "user = \"" + BootScriptHarness.ACCESS_KEY_ID + ":" + BootScriptHarness.SECRET_ACCESS_KEY + "\"\n"
            + "header = \"x-amz-security-token: " + BootScriptHarness.SESSION_TOKEN + "\"\n");
  }

  @Test
  void keepsSecretsOffEveryCommandLine() {
    assertThat(run.calls()).extracting(Call::commandLine)
        .noneMatch(line -> line.contains(BootScriptHarness.SECRET_ACCESS_KEY))
        .noneMatch(line -> line.contains(BootScriptHarness.SESSION_TOKEN));
  }

  @Test
  void asksImdsV2ForAShortLivedTokenFirst() {
    Call first = run.callsTo("curl").stream().filter(call -> !call.args().contains("--version")).findFirst()
        .orElseThrow();
    assertThat(first.args()).containsSubsequence("--request", "PUT")
        .contains("X-aws-ec2-metadata-token-ttl-seconds: 300")
        .last().isEqualTo("http://169.254.169.254/latest/api/token");
  }

  @Test
  void readsTheCredentialsOfTheInstanceProfileRole() {
    assertThat(run.callsTo("curl")).extracting(call -> call.args().get(call.args().size() - 1))
        .contains("http://169.254.169.254/latest/meta-data/iam/security-credentials/" + BootScriptHarness.ROLE);
  }

  @Test
  void logsWhatItWrote() {
    assertThat(run.stdout()).contains("ecs-config: wrote ").contains("for cluster deep-dive-dev");
  }

  @Test
  void leavesNoTemporaryFilesBehind() throws Exception {
    try (var files = java.nio.file.Files.list(run.sandbox().resolve("var/lib/ecs-config"))) {
      // The background part's pid and log, for operators; no temporary files of either part.
      assertThat(files).extracting(path -> path.getFileName().toString())
          .containsExactlyInAnyOrder("cluster-join.pid", "cluster-join.log");
    }
    try (var files = java.nio.file.Files.list(run.sandbox().resolve("etc/ecs"))) {
      assertThat(files).extracting(path -> path.getFileName().toString()).containsExactly("ecs.config");
    }
  }

  @Test
  void neitherMasksTheAgentNorSchedulesAShutdown() {
    assertThat(run.callsTo("systemctl")).isEmpty();
    assertThat(run.callsTo("shutdown")).isEmpty();
  }
}

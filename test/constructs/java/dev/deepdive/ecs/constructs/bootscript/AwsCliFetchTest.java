package dev.deepdive.ecs.constructs.bootscript;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the AMI has the AWS CLI (AL2), the script uses it and lets it find the credentials. */
class AwsCliFetchTest {

  private static BootRun run;

  @BeforeAll
  static void boot(@TempDir Path dir) {
    run = Environment.harness().withAwsCli().withS3Object(Environment.ECS_CONFIG_OBJECT).run(dir);
  }

  @Test
  void succeeds() {
    assertThat(run.exitCode()).as(run.describe()).isZero();
  }

  @Test
  void copiesTheObjectWithTheCliInTheGivenRegion() {
    assertThat(run.callsTo("aws")).filteredOn(call -> call.args().get(0).equals("s3")).singleElement()
        .satisfies(call -> assertThat(call.args())
        .startsWith("s3", "cp", "s3://deep-dive-dev-agentconfigbucket-1x2y3z/" + Environment.KEY)
        .containsSubsequence("--region", "eu-west-1"));
  }

  @Test
  void boundsTheCliInTime() {
    assertThat(run.callsTo("aws").get(0).args()).contains("--cli-connect-timeout", "--cli-read-timeout");
  }

  @Test
  void neitherSignsWithCurlNorReadsInstanceCredentials() {
    assertThat(run.callsTo("curl")).extracting(Call::commandLine)
        .noneMatch(line -> line.contains("--aws-sigv4"))
        .noneMatch(line -> line.contains("security-credentials"));
  }

  @Test
  void writesTheFetchedSettings() {
    assertThat(run.ecsConfigSettings()).startsWith(
        "ECS_CLUSTER=deep-dive-dev", "ECS_ENABLE_CONTAINER_METADATA=true", "ECS_CONTAINER_STOP_TIMEOUT=60s");
  }
}

package dev.deepdive.ecs.constructs.bootscript;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An object that is readable but wrong, or an existing ecs.config for another cluster, is refused
 * the same way as an unreadable one: nothing is retried, the agent is masked, the instance powers off.
 */
class RefusedConfigTest {

  @TempDir Path dir;

  private BootRun bootWithObject(String object) {
    return Environment.harness().withS3Object(object).run(dir);
  }

  private static void assertRefused(BootRun run, String reason) {
    assertThat(run.exitCode()).as(run.describe()).isNotZero();
    assertThat(run.stderr().lines()).as(run.describe())
        .anyMatch(line -> line.startsWith("ecs-config: FATAL: ") && line.contains(reason));
    assertThat(run.callsTo("systemctl")).as("agent masked").isNotEmpty();
    assertThat(run.callsTo("shutdown")).as("power-off scheduled").isNotEmpty();
    assertThat(run.failedMarker()).as("failure marker").isPresent();
    assertThat(run.ecsConfig()).as("no ecs.config left").isEmpty();
    assertThat(run.sleeps()).as("a wrong object is not retried").isEmpty();
  }

  @Test
  void refusesAnObjectNamingAnotherCluster() {
    BootRun run = bootWithObject("ECS_CLUSTER=deep-dive-prod\nECS_LOGLEVEL=info\n");

    assertRefused(run, "the object names cluster 'deep-dive-prod', expected 'deep-dive-dev'");
  }

  @Test
  void refusesAnObjectWithoutACluster() {
    BootRun run = bootWithObject("ECS_LOGLEVEL=info\n");

    assertRefused(run, "the object has 0 ECS_CLUSTER lines, expected exactly one: ECS_CLUSTER=deep-dive-dev");
  }

  @Test
  void refusesAnObjectNamingTheClusterTwice() {
    BootRun run = bootWithObject("ECS_CLUSTER=deep-dive-dev\nECS_CLUSTER=deep-dive-dev\n");

    assertRefused(run, "the object has 2 ECS_CLUSTER lines, expected exactly one");
  }

  @Test
  void refusesAnEmptyObject() {
    BootRun run = bootWithObject("");

    assertRefused(run, "the object is empty");
  }

  @Test
  void refusesAnObjectWithOnlyComments() {
    BootRun run = bootWithObject("# nothing here\n\n");

    assertRefused(run, "the object has no settings, only blank or comment lines");
  }

  @Test
  void refusesAKeyOutsideTheEcsNamespaceNamingOnlyTheKey() {
    BootRun run = bootWithObject("ECS_CLUSTER=deep-dive-dev\nHTTP_PROXY=http://user:s3cret@proxy:3128\n");

    assertRefused(run, "line 2: key 'HTTP_PROXY' is not allowed; expected KEY=VALUE with KEY matching ^ECS_[A-Z0-9_]+$");
    assertThat(run.stderr() + run.console() + run.stdout()).doesNotContain("s3cret");
  }

  @Test
  void refusesALineWithoutAnEqualsSign() {
    BootRun run = bootWithObject("ECS_CLUSTER=deep-dive-dev\nECS_LOGLEVEL\n");

    assertRefused(run, "line 2 has no '='");
  }

  @Test
  void refusesWindowsLineEndings() {
    BootRun run = bootWithObject("ECS_CLUSTER=deep-dive-dev\r\n");

    assertRefused(run, "line 1 ends in CR (Windows line endings); use LF");
  }

  @Test
  void refusesAnExistingConfigNamingAnotherClusterAndSetsItAside() {
    BootRun run = Environment.harness()
        .withExistingEcsConfig("ECS_CLUSTER=someone-elses-cluster\n")
        .withS3Object(Environment.ECS_CONFIG_OBJECT)
        .run(dir);

    assertRefused(run, "already names cluster 'someone-elses-cluster', expected 'deep-dive-dev'");
    assertThat(run.rejectedConfig()).hasValue("ECS_CLUSTER=someone-elses-cluster\n");
  }

  @Test
  void setsAsideAnExistingConfigWithoutAClusterWhenTheFetchFails() {
    // An agent started on it would join `default`.
    BootRun run = Environment.harness()
        .withExistingEcsConfig("ECS_LOGLEVEL=debug\n")
        .withS3Object("ECS_CLUSTER=deep-dive-prod\n")
        .run(dir);

    assertThat(run.ecsConfig()).as(run.describe()).isEmpty();
    assertThat(run.rejectedConfig()).hasValue("ECS_LOGLEVEL=debug\n");
  }

  @Test
  void refusesWhenCurlIsTooOldToSignAndThereIsNoCli() {
    BootRun run = Environment.harness().withCurlVersion("7.61.1").withS3Object(Environment.ECS_CONFIG_OBJECT)
        .run(dir);

    assertRefused(run, "neither the AWS CLI nor curl 7.86.0 or later (for --aws-sigv4 with a session token) is"
        + " installed");
  }
}

package dev.deepdive.ecs.constructs.bootscript;

import static dev.deepdive.ecs.constructs.bootscript.BootScriptHarness.Endpoint.IMDS_CREDENTIALS;
import static dev.deepdive.ecs.constructs.bootscript.BootScriptHarness.Endpoint.IMDS_TOKEN;
import static dev.deepdive.ecs.constructs.bootscript.BootScriptHarness.Endpoint.S3_OBJECT;
import static dev.deepdive.ecs.constructs.bootscript.BootScriptHarness.Response.connectionTimeout;
import static dev.deepdive.ecs.constructs.bootscript.BootScriptHarness.Response.httpError;
import static dev.deepdive.ecs.constructs.bootscript.BootScriptHarness.Response.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transient failures are retried with capped exponential backoff inside a fixed budget. */
class FetchRetryTest {

  @TempDir Path dir;

  @Test
  void succeedsAfterTransientS3Failures() {
    BootRun run = Environment.harness()
        .respond(S3_OBJECT, httpError(503), connectionTimeout(), ok(Environment.ECS_CONFIG_OBJECT))
        .run(dir);

    assertThat(run.exitCode()).as(run.describe()).isZero();
    assertThat(run.ecsConfigSettings()).contains("ECS_CLUSTER=deep-dive-dev");
  }

  @Test
  void doublesTheWaitBetweenAttempts() {
    BootRun run = Environment.harness()
        .respond(S3_OBJECT, httpError(500), httpError(500), httpError(500), ok(Environment.ECS_CONFIG_OBJECT))
        .run(dir);

    assertThat(run.sleeps()).as(run.describe()).containsExactly(2, 4, 8);
  }

  @Test
  void retriesWhileTheInstanceProfileIsNotReadyYet() {
    // Right after launch IMDS may answer 404 for the credentials of a role that is still being attached.
    BootRun run = Environment.harness()
        .respond(IMDS_CREDENTIALS, httpError(404), ok(BootScriptHarness.credentialsJson()))
        .withS3Object(Environment.ECS_CONFIG_OBJECT)
        .run(dir);

    assertThat(run.exitCode()).as(run.describe()).isZero();
    assertThat(run.sleeps()).containsExactly(2);
  }

  @Test
  void retriesWhenInstanceMetadataTimesOut() {
    BootRun run = Environment.harness()
        .respond(IMDS_TOKEN, connectionTimeout(), ok(BootScriptHarness.IMDS_TOKEN))
        .withS3Object(Environment.ECS_CONFIG_OBJECT)
        .run(dir);

    assertThat(run.exitCode()).as(run.describe()).isZero();
    assertThat(run.stdout()).contains("attempt 1 of 8 failed: instance metadata token: curl: (28)");
  }

  @Test
  void retriesAForbiddenAnswerBecauseIamIsEventuallyConsistent() {
    BootRun run = Environment.harness()
        .respond(S3_OBJECT, httpError(403), ok(Environment.ECS_CONFIG_OBJECT))
        .run(dir);

    assertThat(run.exitCode()).as(run.describe()).isZero();
  }

  @Test
  void givesUpAfterEightAttemptsWithTheWaitCappedAtThirtySeconds() {
    BootRun run = Environment.harness().respond(S3_OBJECT, httpError(503)).run(dir);

    assertThat(run.sleeps()).as(run.describe()).containsExactly(2, 4, 8, 16, 30, 30, 30);
    assertThat(run.callsTo("curl")).filteredOn(call -> call.args().contains("aws:amz:eu-west-1:s3")).hasSize(8);
  }

  @Test
  void retriesTheAwsCliToo() {
    BootRun run = Environment.harness().withAwsCli()
        .respond(S3_OBJECT, connectionTimeout(), ok(Environment.ECS_CONFIG_OBJECT))
        .run(dir);

    assertThat(run.exitCode()).as(run.describe()).isZero();
    assertThat(run.callsTo("aws")).filteredOn(call -> call.args().get(0).equals("s3")).hasSize(2);
    assertThat(run.sleeps()).containsExactly(2);
  }

  @Test
  void logsEachFailedAttemptWithItsReason() {
    BootRun run = Environment.harness()
        .respond(S3_OBJECT, httpError(503), ok(Environment.ECS_CONFIG_OBJECT))
        .run(dir);

    assertThat(run.stdout()).contains("ecs-config: attempt 1 of 8 failed: GET https://"
        + Environment.BUCKET + ".s3.eu-west-1.amazonaws.com/" + Environment.KEY + " returned HTTP 503; retrying in 2s");
  }
}

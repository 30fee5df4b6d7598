package dev.deepdive.ecs.constructs.bootscript;

import static dev.deepdive.ecs.constructs.bootscript.BootScriptHarness.Endpoint.S3_OBJECT;
import static dev.deepdive.ecs.constructs.bootscript.BootScriptHarness.Response.httpError;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An instance that can never read its ecs.config (a lasting 403) fails loudly and takes itself out
 * of service instead of letting the agent register into {@code default}.
 */
class UnreadableObjectTest {

  private static BootRun run;

  @BeforeAll
  static void boot(@TempDir Path dir) {
    run = Environment.harness().respond(S3_OBJECT, httpError(403)).run(dir);
  }

  @Test
  void exitsNonZero() {
    assertThat(run.exitCode()).as(run.describe()).isNotZero();
  }

  @Test
  void leavesNoEcsConfigThatWouldJoinAnyCluster() {
    assertThat(run.ecsConfig()).as(run.describe()).isEmpty();
  }

  @Test
  void stopsAndMasksTheAgent() {
    assertThat(run.callsTo("systemctl")).extracting(Call::args)
        .containsExactly(java.util.List.of("mask", "--now", "--no-block", "ecs.service"));
  }

  @Test
  void schedulesAPowerOffInFiveMinutes() {
    assertThat(run.callsTo("shutdown")).singleElement()
        .satisfies(call -> assertThat(call.args()).startsWith("-h", "+5"));
  }

  @Test
  void marksTheFailureWithItsReason() {
    assertThat(run.failedMarker()).hasValueSatisfying(marker -> assertThat(marker)
        .contains("ecs-config: FATAL: could not fetch the object after 8 attempts")
        .contains("HTTP 403"));
  }

  @Test
  void printsAGreppableFatalLineOnStderrNamingObjectAndCluster() {
    assertThat(run.stderr()).containsPattern("(?m)^ecs-config: FATAL: .*HTTP 403 \\(object s3://"
        + Environment.BUCKET + "/" + Environment.KEY + ", cluster deep-dive-dev\\)");
  }

  @Test
  void printsTheFatalLineOnTheConsole() {
    assertThat(run.console()).startsWith("ecs-config: FATAL: could not fetch the object");
  }

  @Test
  void sendsTheFatalLineToTheSystemLog() {
    assertThat(run.callsTo("logger")).singleElement()
        .satisfies(call -> assertThat(call.args().get(call.args().size() - 1)).startsWith("ecs-config: FATAL: "));
  }

  @Test
  void doesNotRunTheClusterLinesThatFollow() {
    assertThat(run.sandbox().resolve("etc/ecs/ecs.config")).doesNotExist();
  }
}

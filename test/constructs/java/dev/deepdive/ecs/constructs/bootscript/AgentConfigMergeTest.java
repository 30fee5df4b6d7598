package dev.deepdive.ecs.constructs.bootscript;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fetched lines come first; lines already in ecs.config follow them, so they win. */
class AgentConfigMergeTest {

  @TempDir Path dir;

  @Test
  void keepsExistingLinesAfterTheFetchedOnes() {
    BootRun run = Environment.harness()
        .withExistingEcsConfig("ECS_LOGLEVEL=debug\nECS_CONTAINER_STOP_TIMEOUT=120s\n")
        .withS3Object(Environment.ECS_CONFIG_OBJECT)
        .run(dir);

    assertThat(run.ecsConfigSettings()).as(run.describe()).startsWith(
        "ECS_CLUSTER=deep-dive-dev",
        "ECS_ENABLE_CONTAINER_METADATA=true",
        "ECS_CONTAINER_STOP_TIMEOUT=60s",
        "ECS_LOGLEVEL=debug",
        "ECS_CONTAINER_STOP_TIMEOUT=120s");
  }

  @Test
  void acceptsAnExistingConfigForTheSameCluster() {
    BootRun run = Environment.harness()
        .withExistingEcsConfig("ECS_CLUSTER=deep-dive-dev\n")
        .withS3Object(Environment.ECS_CONFIG_OBJECT)
        .run(dir);

    assertThat(run.exitCode()).as(run.describe()).isZero();
  }

  @Test
  void startsTheAppendedLinesOnALineOfTheirOwnWhenTheExistingFileLacksAFinalNewline() {
    BootRun run = Environment.harness()
        .withExistingEcsConfig("ECS_LOGLEVEL=debug")
        .withS3Object(Environment.ECS_CONFIG_OBJECT)
        .run(dir);

    assertThat(run.ecsConfigSettings()).as(run.describe())
        .containsSubsequence("ECS_LOGLEVEL=debug", "ECS_CLUSTER=deep-dive-dev", "ECS_AWSVPC_BLOCK_IMDS=true");
  }

  @Test
  void endsTheFetchedPartWithANewlineWhenTheObjectLacksOne() {
    BootRun run = Environment.harnessServing("ECS_CLUSTER=deep-dive-dev")
        .withExistingEcsConfig("ECS_LOGLEVEL=debug\n")
        .run(dir);

    assertThat(run.ecsConfigSettings()).as(run.describe()).startsWith("ECS_CLUSTER=deep-dive-dev", "ECS_LOGLEVEL=debug");
  }

  @Test
  void leavesTheFileUnchangedWhenRunAgain() throws Exception {
    BootScriptHarness scriptOnly = BootScriptHarness
        .forUserData(Environment.userDataFollowedBy(List.of()))
        .withS3Object(Environment.ECS_CONFIG_OBJECT);
    BootRun first = scriptOnly.withExistingEcsConfig("ECS_LOGLEVEL=debug\n").run(dir);
    BootRun second = BootScriptHarness.forUserData(Environment.userDataFollowedBy(List.of()))
        .withS3Object(Environment.ECS_CONFIG_OBJECT)
        .run(dir);

    assertThat(second.exitCode()).as(second.describe()).isZero();
    assertThat(second.ecsConfig()).isEqualTo(first.ecsConfig());
  }

  @Test
  void writesTheConfigReadableByRootOnly() throws Exception {
    // It may carry registry credentials (ECS_ENGINE_AUTH_DATA).
    BootRun run = Environment.harness().withS3Object(Environment.ECS_CONFIG_OBJECT).run(dir);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(run.sandbox().resolve("etc/ecs/ecs.config"))))
        .isEqualTo("rw-------");
  }
}

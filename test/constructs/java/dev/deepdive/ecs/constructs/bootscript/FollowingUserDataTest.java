package dev.deepdive.ecs.constructs.bootscript;

import static dev.deepdive.ecs.constructs.bootscript.BootScriptHarness.Endpoint.S3_OBJECT;
import static dev.deepdive.ecs.constructs.bootscript.BootScriptHarness.Response.httpError;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The script comes first in the user data; what CDK appends after it must run after a successful
 * fetch, in a shell the script left as it found it, and must not run after a failed one.
 */
class FollowingUserDataTest {

  @TempDir Path dir;

  @Test
  void runsTheClusterLinesAfterASuccessfulFetch() {
    BootRun run = Environment.harness().withS3Object(Environment.ECS_CONFIG_OBJECT).run(dir);

    assertThat(run.ecsConfigSettings()).as(run.describe()).endsWith(
        "ECS_CLUSTER=deep-dive-dev", "ECS_AWSVPC_BLOCK_IMDS=true");
  }

  @Test
  void doesNotRunTheFollowingLinesAfterAFailure() {
    BootRun run = BootScriptHarness
        .forUserData(Environment.userDataFollowedBy(List.of("echo after-the-script")))
        .respond(S3_OBJECT, httpError(403))
        .run(dir);

    assertThat(run.stdout()).as(run.describe()).doesNotContain("after-the-script");
  }

  @Test
  void leavesNoErrexitBehind() {
    BootRun run = BootScriptHarness
        .forUserData(Environment.userDataFollowedBy(List.of("false", "echo still-running")))
        .withS3Object(Environment.ECS_CONFIG_OBJECT)
        .run(dir);

    assertThat(run.stdout()).as(run.describe()).contains("still-running");
  }

  @Test
  void leavesNoNounsetBehind() {
    BootRun run = BootScriptHarness
        .forUserData(Environment.userDataFollowedBy(List.of("echo \"unset:${NOT_SET_ANYWHERE}.\"")))
        .withS3Object(Environment.ECS_CONFIG_OBJECT)
        .run(dir);

    assertThat(run.stdout()).as(run.describe()).contains("unset:.");
  }

  @Test
  void leavesNoVariablesBehind() {
    BootRun run = BootScriptHarness
        .forUserData(Environment.userDataFollowedBy(List.of("echo \"bucket=${bucket-none} cluster=${cluster-none}\"")))
        .withS3Object(Environment.ECS_CONFIG_OBJECT)
        .run(dir);

    assertThat(run.stdout()).as(run.describe()).contains("bucket=none cluster=none");
  }

  @Test
  void leavesNoTrapsBehind() {
    BootRun run = BootScriptHarness
        // Signals ignored by whoever started bash (a background job ignores SIGINT and SIGQUIT) are inherited,
        // not set by the script: only traps with a command count.
        .forUserData(Environment.userDataFollowedBy(
            List.of("echo \"traps=[$(trap -p | grep -v \"^trap -- '' \")]\"")))
        .withS3Object(Environment.ECS_CONFIG_OBJECT)
        .run(dir);

    assertThat(run.stdout()).as(run.describe()).contains("traps=[]");
  }

  @Test
  void leavesTheUmaskAsItWas() {
    String userData = "#!/bin/bash\numask 0027\n"
        + String.join("\n", Environment.script())
        + "\necho \"umask=$(umask)\"";

    BootRun run = BootScriptHarness.forUserData(userData).withS3Object(Environment.ECS_CONFIG_OBJECT).run(dir);

    assertThat(run.stdout()).as(run.describe()).contains("umask=0027");
  }
}

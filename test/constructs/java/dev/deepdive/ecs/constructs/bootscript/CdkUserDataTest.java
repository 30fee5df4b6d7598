package dev.deepdive.ecs.constructs.bootscript;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.services.ec2.UserData;

/** The rendered lines work as CDK assembles them: UserData.forLinux() plus the cluster's own lines. */
class CdkUserDataTest {

  @Test
  void runsAsCdkRendersIt(@TempDir Path dir) {
    UserData userData = UserData.forLinux();
    userData.addCommands(Environment.script().toArray(String[]::new));
    userData.addCommands(Environment.CLUSTER_LINES.toArray(String[]::new));

    BootRun run = BootScriptHarness.forUserData(userData.render())
        .withS3Object(Environment.ECS_CONFIG_OBJECT)
        .run(dir);

    assertThat(run.exitCode()).as(run.describe()).isZero();
    assertThat(run.ecsConfigSettings()).containsExactly(
        "ECS_CLUSTER=deep-dive-dev",
        "ECS_ENABLE_CONTAINER_METADATA=true",
        "ECS_CONTAINER_STOP_TIMEOUT=60s",
        "ECS_CLUSTER=deep-dive-dev",
        "ECS_AWSVPC_BLOCK_IMDS=true");
  }
}

package dev.deepdive.ecs.constructs.bootscript;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without the AWS CLI, curl signs: only from 7.86.0 on does it sign the x-amz-security-token and
 * x-amz-content-sha256 headers it is given, so AWS refuses (403) what 7.75 to 7.85 send with instance profile
 * credentials. An older curl fails the boot at once instead of eight times over.
 */
class CurlVersionGateTest {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"7.75.0", "7.85.0"})
  void refusesACurlThatSignsWithoutTheSessionToken(String version) {
    BootRun run = Environment.harness().withCurlVersion(version).withS3Object(Environment.ECS_CONFIG_OBJECT)
        .run(dir);

    assertThat(run.exitCode()).as(run.describe()).isNotZero();
    assertThat(run.stderr()).contains("ecs-config: FATAL: neither the AWS CLI nor curl 7.86.0 or later");
    assertThat(run.callsTo("curl")).extracting(Call::commandLine).noneMatch(line -> line.contains("--aws-sigv4"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"7.86.0", "10.0.0"})
  void signsWithCurl786AndLater(String version) {
    BootRun run = Environment.harness().withCurlVersion(version).withS3Object(Environment.ECS_CONFIG_OBJECT)
        .run(dir);

    assertThat(run.exitCode()).as(run.describe()).isZero();
    assertThat(run.callsTo("curl")).extracting(Call::commandLine).anyMatch(line -> line.contains("--aws-sigv4"));
  }
}

package dev.deepdive.ecs.constructs.bootscript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user data as EC2 runs it, and the template it comes from, pass ShellCheck with no findings. */
class ShellcheckTest {

  @TempDir Path dir;

  /** Runs {@code shellcheck -s bash} on a file; returns its exit code and output. */
  static ShellcheckResult shellcheck(Path script) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder("shellcheck", "--shell=bash", "--severity=style", "--format=gcc",
          script.toString()).redirectErrorStream(true).start();
    } catch (IOException notInstalled) {
      return fail("install shellcheck: apt-get install -y shellcheck (" + notInstalled.getMessage() + ")");
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return fail("shellcheck did not finish within 60 s on " + script);
    }
    return new ShellcheckResult(process.exitValue(), output);
  }

  record ShellcheckResult(int exitCode, String output) {}

  @Test
  void renderedUserDataHasNoFindings() throws Exception {
    Path script = dir.resolve("user-data.sh");
    Files.writeString(script, Environment.userData());

    ShellcheckResult result = shellcheck(script);

    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void templateHasNoFindings() throws Exception {
    Path script = dir.resolve("fetch-ecs-config.sh");
    try (var in = dev.deepdive.ecs.constructs.EcsConfigFetchScript.class.getResourceAsStream("fetch-ecs-config.sh")) {
      Files.write(script, in.readAllBytes());
    }

    ShellcheckResult result = shellcheck(script);

    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void reportsAFindingInAFaultyScript() throws Exception {
    // Guards the two tests above against a ShellCheck call that passes everything.
    Path script = dir.resolve("faulty.sh");
    Files.writeString(script, "#!/bin/bash\nrm -rf $1/tmp\n");

    ShellcheckResult result = shellcheck(script);

    assertThat(result.output()).contains("SC2086");
  }
}

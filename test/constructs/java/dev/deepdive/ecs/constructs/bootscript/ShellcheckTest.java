package dev.deepdive.ecs.constructs.bootscript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepdive.ecs.constructs.InstanceBootScript;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user data as EC2 runs it, and the template it comes from, pass ShellCheck with no findings. */
class ShellcheckTest {

  @TempDir Path dir;

  @Test
  void renderedUserDataHasNoFindings() {
    Shellcheck.Result result = Shellcheck.check(Environment.userData(), dir.resolve("user-data.sh"));

    assertThat(result.clean()).as(result.output()).isTrue();
  }

  @Test
  void templateHasNoFindings() throws Exception {
    String template;
    try (InputStream in = InstanceBootScript.class.getResourceAsStream("instance-boot.sh")) {
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    Shellcheck.Result result = Shellcheck.check(template, dir.resolve("instance-boot.sh"));

    assertThat(result.clean()).as(result.output()).isTrue();
  }

  @Test
  void reportsAFindingInAFaultyScript() {
    // Guards the two tests above against a ShellCheck call that passes everything.
    Shellcheck.Result result = Shellcheck.check("#!/bin/bash\nrm -rf $1/tmp\n", dir.resolve("faulty.sh"));

    assertThat(result.output()).contains("SC2086");
  }
}

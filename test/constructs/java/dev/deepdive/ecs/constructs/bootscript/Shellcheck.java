package dev.deepdive.ecs.constructs.bootscript;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs ShellCheck on a bash script; fails the test, rather than skipping it, when it is not installed. */
public final class Shellcheck {

  /** @param exitCode 0 when there are no findings; @param output the findings, one per line (gcc format) */
  public record Result(int exitCode, String output) {
    public boolean clean() {
      return exitCode == 0;
    }
  }

  private Shellcheck() {}

  /** Checks a script as bash, reporting every severity down to style. */
  public static Result check(Path script) {
    Process process;
    try {
      process = new ProcessBuilder("shellcheck", "--shell=bash", "--severity=style", "--format=gcc",
          script.toString()).redirectErrorStream(true).start();
    } catch (IOException notInstalled) {
      return fail("install shellcheck: apt-get install -y shellcheck (" + notInstalled.getMessage() + ")");
    }
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return fail("shellcheck did not finish within 60 s on " + script);
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while shellcheck ran", e);
    }
  }

  /** Writes {@code text} to {@code file} and checks it. */
  public static Result check(String text, Path file) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return check(file);
  }
}

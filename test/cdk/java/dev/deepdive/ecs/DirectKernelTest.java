package dev.deepdive.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The direct jsii kernel bin/cdk-app starts by default: bin/jsii-direct-kernel.js writes it from the kernel of the
 * jsii runtime on the classpath, it speaks the protocol on stdin/stdout, and bin/jsii-console.js keeps library
 * output off that channel.
 */
class DirectKernelTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Absolute, as bin/cdk-app passes it: node -r resolves a relative name as a package. */
  private static final String CONSOLE = Path.of("bin/jsii-console.js").toAbsolutePath().toString();

  @TempDir
  Path dir;

  @Test
  void theDirectKernelAnswersOnStdoutWhatTheWrappedKernelAnswersOnItsSocket() throws Exception {
    Path kernel = directKernel();

    Process process = new ProcessBuilder("node", "--preserve-symlinks", "-r", CONSOLE,
        kernel.toString()).start();
    try (BufferedReader out = reader(process.getInputStream()); OutputStream in = process.getOutputStream()) {
      JsonNode hello = JSON.readTree(out.readLine());
      assertThat(hello.path("hello").asText()).startsWith("@jsii/runtime@");

      in.write("{\"api\":\"stats\"}\n".getBytes(StandardCharsets.UTF_8));
      in.flush();
      JsonNode stats = JSON.readTree(out.readLine());
      assertThat(stats.path("ok").has("objectCount")).as(stats.toString()).isTrue();
    }
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("the kernel ends when its input ends").isTrue();
  }

  @Test
  void libraryOutputGoesToStderrFramedAsJsiisWrapperFramesIt() throws Exception {
    Process process = new ProcessBuilder("node", "-r", CONSOLE, "-e",
        "console.log('from log'); process.stdout.write(Buffer.from('raw')); console.error('to err');").start();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    List<String> stderr = lines(process.getErrorStream());
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();

    assertThat(stdout).as("stdout is the protocol channel").isEmpty();
    assertThat(stderr.stream().map(DirectKernelTest::unframe).toList())
        .containsExactly("stdout:from log\n", "stdout:raw", "stderr:to err\n");
  }

  @Test
  void aKernelThatSetsItsDescriptorsOtherwiseIsLeftToTheWrapper() throws Exception {
    Path program = dir.resolve("program.js");
    Files.writeString(program, "new SyncStdio({errorFD:2,readFD:4,writeFD:4});");
    Path direct = dir.resolve("program-direct.js");

    Process process = new ProcessBuilder("node", "bin/jsii-direct-kernel.js", program.toString(), direct.toString())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor()).isEqualTo(3);
    assertThat(output).contains("does not set 'readFD:3,writeFD:3' exactly once; keeping jsii's wrapper");
    assertThat(direct).doesNotExist();
  }

  /** The kernel of the jsii runtime jar on the test classpath, made direct by bin/jsii-direct-kernel.js. */
  private Path directKernel() throws IOException, InterruptedException {
    Path program = dir.resolve("program.js");
    try (InputStream in = getClass().getResourceAsStream("/software/amazon/jsii/lib/program.js")) {
      assertThat(in).as("jsii's kernel on the classpath").isNotNull();
      Files.copy(in, program);
    }
    Path direct = dir.resolve("program-direct.js");
    Process process = new ProcessBuilder("node", "bin/jsii-direct-kernel.js", program.toString(), direct.toString())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    assertThat(Files.readString(direct)).contains("readFD:0,writeFD:1").doesNotContain("readFD:3,writeFD:3");
    return direct;
  }

  private static BufferedReader reader(InputStream in) {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  private static List<String> lines(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader = reader(in)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
      }
    }
    return lines;
  }

  /** {"stdout": base64} -> "stdout:text". */
  private static String unframe(String line) {
    try {
      JsonNode frame = JSON.readTree(line);
      String stream = frame.fieldNames().next();
      return stream + ":" + new String(Base64.getDecoder().decode(frame.get(stream).asText()), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("not a framed line: " + line, e);
    }
  }
}

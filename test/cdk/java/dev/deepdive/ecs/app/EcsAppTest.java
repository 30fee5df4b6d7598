package dev.deepdive.ecs.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deepdive.ecs.app.config.ConfigException;
import dev.deepdive.ecs.stacks.EnvironmentStage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.s3.Bucket;

class EcsAppTest {
  @TempDir Path tmp;

  @Test
  void contextSelectsTheEnvironmentsToSynthesize() {
    App app = App.Builder.create().outdir(tmp.toString()).context(Map.of("environments", "qa,dev")).build();
    List<EnvironmentStage> stages = EcsApp.build(app);
    assertThat(stages).extracting(EnvironmentStage::getStageName).containsExactly("dev", "qa");
  }

  @Test
  void anUnknownEnvironmentInTheContextIsRejected() {
    App app = App.Builder.create().outdir(tmp.toString()).context(Map.of("environments", "dev,stage")).build();
    assertThatThrownBy(() -> EcsApp.build(app)).isInstanceOf(ConfigException.class)
        .hasMessage("-c environments=dev,stage: unknown environment 'stage'; known: dev, prod, qa");
  }

  @Test
  void aBadEnvironmentFileStopsTheAppWithOneLineAndExitCode2AndWritesNothing() throws Exception {
    Path environments = Files.createDirectories(tmp.resolve("environments"));
    Files.writeString(environments.resolve("dev.json"),
        Files.readString(Path.of("app/environments/dev.json")).replace("\"maxSize\"", "\"maxsize\""));
    Path outdir = Files.createDirectories(tmp.resolve("cdk.out"));

    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), EcsApp.class.getName())
        .redirectOutput(tmp.resolve("stdout").toFile())
        .redirectError(tmp.resolve("stderr").toFile());
    builder.environment().put("CDK_OUTDIR", outdir.toString());
    builder.environment().put("CDK_CONTEXT_JSON", "{\"environmentsDir\":\"" + environments + "\"}");
    Process process = builder.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

    String stderr = Files.readString(tmp.resolve("stderr"));
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(stderr).contains(environments.resolve("dev.json")
        + ": capacity.maxsize: unknown field; did you mean 'maxSize'?");
    assertThat(stderr).doesNotContain("Exception").doesNotContain("\tat ");
    try (Stream<Path> written = Files.list(outdir)) {
      assertThat(written).isEmpty();
    }
  }

  @Test
  void aCdkFailurePrintsOneLinePerProblemWithTheConstructPathAndKeepsTheOutputFolderAsItWas() throws Exception {
    Path outdir = Files.createDirectories(tmp.resolve("cdk.out"));
    Files.writeString(outdir.resolve("manifest.json"), "{\"previous\": true}");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = EcsApp.run(outdir, app -> {
      Stack stack = new Stack(app, "Broken");
      Bucket.Builder.create(stack, "Data").build();
      stack.getNode().addValidation(() -> List.of("first reason", "second reason"));
    }, new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(exit).isEqualTo(EcsApp.EXIT_SYNTHESIS_FAILED);
    assertThat(err.toString(StandardCharsets.UTF_8).lines().toList())
        .containsExactly("error Broken: first reason", "error Broken: second reason");
    try (Stream<Path> left = Files.list(outdir)) {
      assertThat(left).extracting(p -> p.getFileName().toString()).containsExactly("manifest.json");
    }
    assertThat(Files.readString(outdir.resolve("manifest.json"))).isEqualTo("{\"previous\": true}");
  }

  @Test
  void aJsiiErrorBecomesOneLineWithoutAStack() throws Exception {
    Path outdir = tmp.resolve("cdk.out");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = EcsApp.run(outdir, app -> {
      new Stack(app, "Twice");
      new Stack(app, "Twice");
    }, new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(exit).isEqualTo(EcsApp.EXIT_SYNTHESIS_FAILED);
    assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).singleElement().asString()
        .startsWith("error: ").contains("Twice").doesNotContain("\tat ").doesNotContain("@jsii");
    try (Stream<Path> left = Files.list(outdir)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void aCompleteAssemblyReplacesThePreviousOneAndLeavesTheCliLockAlone() throws Exception {
    Path outdir = Files.createDirectories(tmp.resolve("cdk.out"));
    Files.writeString(outdir.resolve("stale.template.json"), "{}");
    Files.writeString(outdir.resolve(AssemblyOutput.CLI_LOCK), "4242");
    Files.createDirectories(outdir.resolve(AssemblyOutput.STAGING_PREFIX + "killed-run"));
    int exit = EcsApp.run(outdir, app -> new Stack(app, "Fine"), System.err);

    assertThat(exit).isZero();
    try (Stream<Path> left = Files.list(outdir)) {
      assertThat(left).extracting(p -> p.getFileName().toString())
          .contains("manifest.json", "Fine.template.json", AssemblyOutput.CLI_LOCK)
          .doesNotContain("stale.template.json")
          .noneMatch(name -> name.startsWith(AssemblyOutput.STAGING_PREFIX));
    }
    assertThat(Files.readString(outdir.resolve(AssemblyOutput.CLI_LOCK))).isEqualTo("4242");
  }
}

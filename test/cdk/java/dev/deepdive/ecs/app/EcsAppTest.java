package dev.deepdive.ecs.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deepdive.ecs.app.config.ConfigException;
import dev.deepdive.ecs.stacks.EnvironmentStage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;

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
}

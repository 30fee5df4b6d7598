package dev.deepdive.ecs.testing;

import dev.deepdive.ecs.app.EcsApp;
import dev.deepdive.ecs.app.NagGate;
import dev.deepdive.ecs.stacks.EnvironmentStage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * One environment file with its task definition files, written to a temporary folder laid out like {@code app/}
 * ({@code environments/<name>.json}, {@code task-definitions/*.json}) and synthesized in-process by the app, through
 * the security gate. For tests of options the shipped example leaves off.
 */
public final class SynthesizedEnvironment {
  private final EnvironmentStage stage;
  private final int gateExitCode;
  private final String gateOutput;

  private SynthesizedEnvironment(EnvironmentStage stage, int gateExitCode, String gateOutput) {
    this.stage = stage;
    this.gateExitCode = gateExitCode;
    this.gateOutput = gateOutput;
  }

  /**
   * Writes the files under {@code root} and synthesizes the one environment.
   *
   * @param environmentJson the environment file; its {@code name} must be {@code name}
   * @param taskDefinitions file name to content, for {@code task-definitions/}
   */
  public static SynthesizedEnvironment synthesize(Path root, String name, String environmentJson,
      Map<String, String> taskDefinitions) {
    Path environments = write(root, name, environmentJson, taskDefinitions);
    App app = App.Builder.create().outdir(root.resolve("cdk.out").toString())
        .context(Map.of(EcsApp.ENVIRONMENTS_DIR_CONTEXT, environments.toString())).build();
    List<EnvironmentStage> stages = EcsApp.build(app);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = NagGate.check(app.synth(), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new SynthesizedEnvironment(stages.get(0), exit, err.toString(StandardCharsets.UTF_8));
  }

  /** Writes the files and returns the environments folder. */
  public static Path write(Path root, String name, String environmentJson, Map<String, String> taskDefinitions) {
    try {
      Path environments = Files.createDirectories(root.resolve("environments"));
      Path folder = Files.createDirectories(root.resolve("task-definitions"));
      Files.writeString(environments.resolve(name + ".json"), environmentJson);
      for (Map.Entry<String, String> file : taskDefinitions.entrySet()) {
        Files.writeString(folder.resolve(file.getKey()), file.getValue());
      }
      return environments;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public EnvironmentStage stage() {
    return stage;
  }

  /** {@link NagGate#check}'s exit code: 0 when no error annotation is left. */
  public int gateExitCode() {
    return gateExitCode;
  }

  /** What the gate printed: every error and warning annotation, one per line. */
  public String gateOutput() {
    return gateOutput;
  }

  /** The template of one stack of the stage, e.g. {@code template("Cluster")}. */
  public Template template(String stackId) {
    return Template.fromStack((Stack) stage.getNode().findChild(stackId));
  }
}

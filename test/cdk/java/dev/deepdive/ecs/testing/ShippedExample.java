package dev.deepdive.ecs.testing;

import dev.deepdive.ecs.app.EcsApp;
import dev.deepdive.ecs.stacks.EnvironmentStage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * The shipped example (every file in {@code app/environments/}), synthesized once for the whole test run:
 * a synth costs seconds, and every test class reads the same templates.
 */
public final class ShippedExample {
  private static ShippedExample instance;

  private final Path outdir;
  private final List<EnvironmentStage> stages;
  private final Map<String, Template> templates = new ConcurrentHashMap<>();

  private ShippedExample() {
    try {
      this.outdir = Files.createTempDirectory("shipped-example-cdk.out");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    App app = App.Builder.create().outdir(outdir.toString()).build();
    this.stages = EcsApp.build(app);
    app.synth();
  }

  public static synchronized ShippedExample get() {
    if (instance == null) {
      instance = new ShippedExample();
    }
    return instance;
  }

  public List<EnvironmentStage> stages() {
    return stages;
  }

  public EnvironmentStage stage(String environment) {
    return stages.stream().filter(s -> s.getStageName().equals(environment)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no environment " + environment + " in the shipped example"));
  }

  /** The template of one stack, e.g. {@code template("dev", "Cluster")}. */
  public Template template(String environment, String stackId) {
    return templates.computeIfAbsent(environment + "/" + stackId, key -> {
      Stack stack = (Stack) stage(environment).getNode().findChild(stackId);
      return Template.fromStack(stack);
    });
  }

  /** The synthesized cloud assembly's folder. */
  public Path outdir() {
    return outdir;
  }
}

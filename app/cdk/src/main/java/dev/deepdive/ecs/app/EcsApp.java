package dev.deepdive.ecs.app;

import dev.deepdive.ecs.app.config.ConfigException;
import dev.deepdive.ecs.app.config.EnvironmentConfig;
import dev.deepdive.ecs.app.config.EnvironmentLoader;
import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionDocument;
import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionProblems;
import dev.deepdive.ecs.stacks.EnvironmentStage;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;

/**
 * The CDK app: one {@link EnvironmentStage} per environment file in {@code app/environments/}.
 *
 * <p>Context: {@code -c environments=dev,qa} limits which environments are synthesized (default: all);
 * {@code -c environmentsDir=path} reads another folder (default {@value #DEFAULT_ENVIRONMENTS_DIR}).
 * A bad environment file stops the app before anything is synthesized: one line per problem on stderr,
 * exit code 2, nothing written to {@code cdk.out}. An unsuppressed security finding ({@link NagGate}) is printed
 * and exits 2 too, after the assembly is written (so it can be inspected).
 */
public final class EcsApp {
  public static final String DEFAULT_ENVIRONMENTS_DIR = "app/environments";
  public static final String ENVIRONMENTS_CONTEXT = "environments";
  public static final String ENVIRONMENTS_DIR_CONTEXT = "environmentsDir";

  private EcsApp() {}

  public static void main(String[] args) {
    App app = new App();
    try {
      build(app);
    } catch (ConfigException e) {
      System.exit(report(e.problems(), System.err));
    } catch (TaskDefinitionProblems e) {
      // The checks before synthesis should have found these; the constructs refuse them all the same.
      System.exit(report(e.problems(), System.err));
    }
    int gate = NagGate.check(app.synth(), System.err);
    if (gate != 0) {
      System.exit(gate);
    }
  }

  /**
   * Reads the environments the app's context selects and adds a stage for each, with the security gate
   * ({@link NagGate}); returns the stages.
   */
  public static List<EnvironmentStage> build(App app) {
    Path dir = Path.of(contextString(app, ENVIRONMENTS_DIR_CONTEXT, DEFAULT_ENVIRONMENTS_DIR));
    List<EnvironmentConfig> selected = EnvironmentLoader.select(
        EnvironmentLoader.loadAll(dir), contextString(app, ENVIRONMENTS_CONTEXT, null));
    Map<String, Map<String, TaskDefinitionDocument>> taskDefinitions = TaskDefinitionFiles.load(selected);
    List<EnvironmentStage> stages = selected.stream()
        .map(environment -> new EnvironmentStage(app,
            EnvironmentSpecs.from(environment, taskDefinitions.get(environment.name()))))
        .toList();
    stages.forEach(NagGate::apply);
    return stages;
  }

  /** Prints each problem on its own line and returns the exit code for bad input. */
  static int report(List<String> problems, PrintStream err) {
    problems.forEach(err::println);
    return 2;
  }

  private static String contextString(App app, String key, String fallback) {
    Object value = app.getNode().tryGetContext(key);
    return value == null ? fallback : value.toString();
  }
}

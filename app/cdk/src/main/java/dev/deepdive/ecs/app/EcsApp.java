package dev.deepdive.ecs.app;

import dev.deepdive.ecs.app.config.ConfigException;
import dev.deepdive.ecs.app.config.EnvironmentConfig;
import dev.deepdive.ecs.app.config.EnvironmentLoader;
import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionDocument;
import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionProblems;
import dev.deepdive.ecs.placement.PlacementInputsJson;
import dev.deepdive.ecs.stacks.EnvironmentStage;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.cxapi.CloudAssembly;

/**
 * The CDK app: one {@link EnvironmentStage} per environment file in {@code app/environments/}.
 *
 * <p>Context: {@code -c environments=dev,qa} limits which environments are synthesized (default: all);
 * {@code -c environmentsDir=path} reads another folder (default {@value #DEFAULT_ENVIRONMENTS_DIR}).
 *
 * <p>Before anything is synthesized, the ECS scheduler model ({@link EnvironmentPlacement}) checks that every
 * service can be placed and deployed at its environment's maximum capacity; a service that cannot is bad input too.
 *
 * <p>Exit codes and output ({@link #run}): 0 with the assembly in the output folder ({@code CDK_OUTDIR}, which the
 * CDK CLI sets from cdk.json's {@code output}; {@value #DEFAULT_OUTDIR} when run by hand). {@value #EXIT_BAD_INPUT}
 * for a bad environment or task definition file: one line per problem on stderr, and the output folder as it was.
 * {@value NagGate#EXIT_FINDINGS} for an unsuppressed security finding, printed the same way, after the complete
 * assembly is written (so it can be inspected). {@value #EXIT_SYNTHESIS_FAILED} when the CDK itself fails: one line
 * per problem with the construct path where the CDK names one, and the output folder as it was. Never a stack
 * trace, never a half-written assembly: the app synthesizes into a staging folder ({@link AssemblyOutput}).
 */
public final class EcsApp {
  public static final String DEFAULT_ENVIRONMENTS_DIR = "app/environments";
  public static final String ENVIRONMENTS_CONTEXT = "environments";
  public static final String ENVIRONMENTS_DIR_CONTEXT = "environmentsDir";
  /** The output folder when {@code CDK_OUTDIR} is not set: cdk.json's {@code output}. */
  public static final String DEFAULT_OUTDIR = "cdk.out";
  /** A bad environment file or task definition file. */
  public static final int EXIT_BAD_INPUT = 2;
  /** The CDK failed while building or synthesizing the stages. */
  public static final int EXIT_SYNTHESIS_FAILED = 3;
  /** Annotation id of the placement model's warnings, for acknowledging them. */
  public static final String PLACEMENT_WARNING_ID = "ecs-on-ec2:placement";

  private EcsApp() {}

  public static void main(String[] args) {
    String outdir = System.getenv("CDK_OUTDIR");
    System.exit(run(Path.of(outdir == null || outdir.isBlank() ? DEFAULT_OUTDIR : outdir), System.err));
  }

  /**
   * Builds and synthesizes every selected environment into {@code outdir} through the security gate.
   *
   * @return the exit code (see the class comment)
   */
  static int run(Path outdir, PrintStream err) {
    return run(outdir, EcsApp::build, err);
  }

  /** {@link #run(Path, PrintStream)} with another way to fill the app, for tests of the failure paths. */
  static int run(Path outdir, Consumer<App> build, PrintStream err) {
    AssemblyOutput output = AssemblyOutput.in(outdir);
    int exit;
    try {
      App app = App.Builder.create().outdir(output.staging().toString()).build();
      build.accept(app);
      SynthSummary.starting(app).ifPresent(err::println);
      CloudAssembly assembly = app.synth();
      SynthSummary.print(assembly, outdir, Path.of(""), err);
      exit = NagGate.check(assembly, err);
    } catch (ConfigException e) {
      exit = report(e.problems(), err);
    } catch (TaskDefinitionProblems e) {
      // The checks before synthesis should have found these; the constructs refuse them all the same.
      exit = report(e.problems(), err);
    } catch (RuntimeException e) {
      SynthesisErrors.lines(e).forEach(err::println);
      exit = EXIT_SYNTHESIS_FAILED;
    }
    if (exit == 0 || exit == NagGate.EXIT_FINDINGS) {
      output.publish();
    } else {
      output.discard();
    }
    return exit;
  }

  /**
   * Reads the environments the app's context selects, checks that the ECS scheduler can place and deploy their
   * services ({@link EnvironmentPlacement}), and adds a stage for each, with the security gate ({@link NagGate});
   * returns the stages. Each stage's Cluster stack records the placement model's inputs (metadata
   * {@value PlacementInputsJson#METADATA_TYPE}, for {@code ecsctl review}) and carries its warnings.
   */
  public static List<EnvironmentStage> build(App app) {
    Path dir = Path.of(contextString(app, ENVIRONMENTS_DIR_CONTEXT, DEFAULT_ENVIRONMENTS_DIR));
    List<EnvironmentConfig> selected = EnvironmentLoader.select(
        EnvironmentLoader.loadAll(dir), contextString(app, ENVIRONMENTS_CONTEXT, null));
    Map<String, Map<String, TaskDefinitionDocument>> taskDefinitions = TaskDefinitionFiles.load(selected);
    Map<String, EnvironmentPlacement.Placed> placements = EnvironmentPlacement.check(selected, taskDefinitions);
    List<EnvironmentStage> stages = selected.stream()
        .map(environment -> new EnvironmentStage(app,
            EnvironmentSpecs.from(environment, taskDefinitions.get(environment.name()))))
        .toList();
    for (EnvironmentStage stage : stages) {
      EnvironmentPlacement.Placed placed = placements.get(stage.getStageName());
      Stack cluster = stage.clusterStack();
      cluster.getNode().addMetadata(PlacementInputsJson.METADATA_TYPE, PlacementInputsJson.write(placed.input()));
      placed.report().warnings().forEach(w -> Annotations.of(cluster).addWarningV2(PLACEMENT_WARNING_ID, w));
    }
    stages.forEach(NagGate::apply);
    return stages;
  }

  /** Prints each problem on its own line and returns the exit code for bad input. */
  static int report(List<String> problems, PrintStream err) {
    problems.forEach(err::println);
    return EXIT_BAD_INPUT;
  }

  private static String contextString(App app, String key, String fallback) {
    Object value = app.getNode().tryGetContext(key);
    return value == null ? fallback : value.toString();
  }
}

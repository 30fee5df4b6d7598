package dev.deepdive.ecs.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;

/**
 * What a synth wrote, for the person who ran {@code npx cdk synth}: environments, stacks with their resource
 * counts, where the templates are, the notes (info annotations, such as a task definition's role ARNs replaced by
 * the generated roles) that the CDK CLI does not print, and the next commands. Printed on stderr by
 * {@link EcsApp}; the CLI's own last line ("Supply a stack id ... to display its template") only means there
 * are several stacks.
 */
final class SynthSummary {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SynthSummary() {}

  /** The line printed before synthesis starts, naming the app's stages (its environments); none without one. */
  static Optional<String> starting(App app) {
    List<String> stages = app.getNode().getChildren().stream().filter(Stage::isStage)
        .map(stage -> stage.getNode().getId()).toList();
    return stages.isEmpty() ? Optional.empty() : Optional.of(starting(stages));
  }

  /** The line printed before synthesis starts, so a run of a minute or two is not silence. */
  static String starting(List<String> environments) {
    return "ecs-cdk-app: synthesizing " + environments.size() + " environment(s): " + String.join(", ", environments)
        + " (the security gate runs on each)";
  }

  /**
   * Prints the summary.
   *
   * @param assembly the assembly as synthesized (possibly in a staging folder)
   * @param outdir where the assembly is published, as the paths are shown
   * @param workingDirectory paths are shown relative to it when inside it
   */
  static void print(CloudAssembly assembly, Path outdir, Path workingDirectory, PrintStream err) {
    Path written = Path.of(assembly.getDirectory());
    Map<String, List<String>> stacksByEnvironment = new TreeMap<>();
    Map<String, Path> folders = new TreeMap<>();
    List<String> notes = new ArrayList<>();
    int stacks = 0;
    int resources = 0;
    for (CloudFormationStackArtifact stack : NagGate.stacks(assembly).toList()) {
      String path = stack.getHierarchicalId();
      String environment = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
      int count = resourceCount(Path.of(stack.getTemplateFullPath()));
      stacksByEnvironment.computeIfAbsent(environment, e -> new ArrayList<>())
          .add(path.substring(path.indexOf('/') + 1) + " " + count);
      folders.put(environment, outdir.resolve(written.relativize(Path.of(stack.getTemplateFullPath()).getParent())));
      stacks++;
      resources += count;
      for (SynthesisMessage message : stack.getMessages()) {
        if (message.getLevel() == SynthesisMessageLevel.INFO) {
          notes.add(message.getId() + ": " + String.valueOf(message.getEntry().getData()).strip());
        }
      }
    }
    err.println("ecs-cdk-app: wrote " + stacksByEnvironment.size() + " environment(s), " + stacks + " stacks, "
        + resources + " resources to " + shown(outdir, workingDirectory) + "/");
    stacksByEnvironment.forEach((environment, list) -> err.println("  " + environment + ": "
        + String.join(", ", list) + " resources; templates in " + shown(folders.get(environment), workingDirectory)
        + "/"));
    if (!notes.isEmpty()) {
      err.println("Notes:");
      notes.forEach(note -> err.println("  " + note));
    }
    String first = stacksByEnvironment.keySet().stream().findFirst().orElse("dev");
    err.println("Next: bin/ecsctl review " + shown(outdir, workingDirectory) + "   (what the templates grant and"
        + " expose, offline)");
    err.println("      npx cdk deploy '" + first + "/*'   (needs AWS credentials; first time: docs/first-deploy.md)");
  }

  private static int resourceCount(Path template) {
    try {
      JsonNode resources = JSON.readTree(template.toFile()).path("Resources");
      return resources.size();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the template just written: " + template, e);
    }
  }

  private static String shown(Path path, Path workingDirectory) {
    Path absolute = path.toAbsolutePath().normalize();
    Path base = workingDirectory.toAbsolutePath().normalize();
    return absolute.startsWith(base) && !absolute.equals(base) ? base.relativize(absolute).toString() : absolute.toString();
  }
}

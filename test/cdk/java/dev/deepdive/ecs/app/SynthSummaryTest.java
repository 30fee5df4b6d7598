package dev.deepdive.ecs.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepdive.ecs.testing.ShippedExample;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.services.sns.Topic;

/** What `npx cdk synth` prints after the app has written the assembly. */
class SynthSummaryTest {

  private static String summary(CloudAssembly assembly, Path workingDirectory) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SynthSummary.print(assembly, Path.of(assembly.getDirectory()), workingDirectory,
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test void namesEnvironmentsStacksResourceCountsTemplatesAndTheNextCommands() {
    Path outdir = ShippedExample.get().outdir();
    String summary = summary(new CloudAssembly(outdir.toString()), outdir.getParent());
    int network = ShippedExample.get().template("dev", "Network").toJSON().get("Resources") instanceof Map<?, ?> m
        ? m.size() : -1;

    List<String> lines = summary.lines().toList();
    assertThat(lines.get(0)).matches("ecs-cdk-app: wrote 3 environment\\(s\\), 15 stacks, \\d+ resources to "
        + outdir.getFileName() + "/");
    assertThat(lines.get(1)).startsWith("  dev: ").contains("Network " + network + ", ", "Cluster ", "LoadBalancer ",
        "ServicesB ", "ServicesC ").endsWith(" resources; templates in " + outdir.getFileName() + "/assembly-dev/");
    assertThat(lines.get(2)).startsWith("  prod: ");
    assertThat(lines.get(3)).startsWith("  qa: ");
    assertThat(lines.get(4)).isEqualTo("Next: bin/ecsctl review " + outdir.getFileName()
        + "   (what the templates grant and expose, offline)");
    assertThat(lines.get(5)).isEqualTo("      npx cdk deploy 'dev/*'   (needs AWS credentials; first time:"
        + " docs/first-deploy.md)");
    assertThat(summary).doesNotContain("Notes:");
  }

  @Test void showsTheInfoNotesTheCdkCliDoesNotPrint(@TempDir Path out) {
    App app = App.Builder.create().outdir(out.toString()).build();
    Stack stack = new Stack(new Stage(app, "dev"), "Services");
    Topic topic = new Topic(stack, "Topic");
    Annotations.of(topic).addInfo("web.json: executionRoleArn replaced by the role generated for service web");

    String summary = summary(app.synth(), out.getParent());

    assertThat(summary).contains("Notes:\n  /dev/Services/Topic: web.json: executionRoleArn replaced by the role"
        + " generated for service web\n");
  }

  @Test void theStartingLineNamesTheEnvironments() {
    App app = new App();
    new Stage(app, "dev");
    new Stack(app, "NotAnEnvironment");
    new Stage(app, "qa");

    assertThat(SynthSummary.starting(app)).contains("ecs-cdk-app: synthesizing 2 environment(s): dev, qa (the"
        + " security gate runs on each)");
    assertThat(SynthSummary.starting(new App())).isEmpty();
  }

  @Test void pathsAreWhereTheAssemblyIsPublishedNotWhereItWasWritten(@TempDir Path out) {
    App app = App.Builder.create().outdir(out.resolve("cdk.out/.synth-1").toString()).build();
    new Topic(new Stack(new Stage(app, "dev"), "Services"), "Topic");

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SynthSummary.print(app.synth(), out.resolve("cdk.out"), out, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("to cdk.out/\n")
        .contains("templates in cdk.out/assembly-dev/\n").doesNotContain(".synth-1");
  }
}

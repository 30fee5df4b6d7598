package dev.deepdive.ecs.ecsctl.review;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A missing or corrupt cloud assembly gives one clear line, naming the file and what is wrong. */
class AssemblyErrorsTest {
  @TempDir Path tmp;

  /** Copies a folder of test/resources/review into {@code <tmp>/cdk.out}, as a user's folder would be named. */
  private Path assembly(String resource) throws IOException, URISyntaxException {
    Path source = Path.of(getClass().getResource("/review/" + resource).toURI());
    Path cdkOut = tmp.resolve("cdk.out");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path target = cdkOut.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    return cdkOut;
  }

  private Path manifest(String json) throws IOException {
    Path cdkOut = Files.createDirectories(tmp.resolve("cdk.out"));
    Files.writeString(cdkOut.resolve("manifest.json"), json);
    return cdkOut;
  }

  @Test
  void rejectsAMissingFolder() {
    Path missing = tmp.resolve("cdk.out");
    assertThatThrownBy(() -> AssemblyReview.read(missing)).isInstanceOf(ReviewException.class)
        .hasMessage(missing + ": no such folder; run 'npx cdk synth' first");
  }

  @Test
  void rejectsAFolderWithoutManifest() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("cdk.out"));
    assertThatThrownBy(() -> AssemblyReview.read(empty))
        .hasMessage(empty + ": not a cloud assembly (no manifest.json); run 'npx cdk synth' first");
  }

  @Test
  void namesLineAndColumnOfACorruptManifest() throws Exception {
    Path cdkOut = assembly("corrupt-manifest");
    assertThatThrownBy(() -> AssemblyReview.read(cdkOut))
        .hasMessage(cdkOut + "/manifest.json: corrupt JSON at line 4, column 52");
  }

  @Test
  void namesTheNestedTemplateThatIsCorrupt() throws Exception {
    Path cdkOut = assembly("corrupt-template");
    assertThatThrownBy(() -> AssemblyReview.read(cdkOut))
        .hasMessage(cdkOut + "/assembly-dev/devCluster1234.template.json: corrupt JSON at line 3, column 12");
  }

  @Test
  void rejectsAnEmptyManifest() throws IOException {
    Path cdkOut = manifest("");
    assertThatThrownBy(() -> AssemblyReview.read(cdkOut))
        .hasMessage(cdkOut + "/manifest.json: expected a JSON object, got an empty file");
  }

  @Test
  void rejectsAStackWhoseTemplateIsMissing() throws IOException {
    Path cdkOut = manifest("""
        {"artifacts": {"Shared": {"type": "aws:cloudformation:stack",
          "properties": {"templateFile": "Shared.template.json"}}}}""");
    assertThatThrownBy(() -> AssemblyReview.read(cdkOut))
        .hasMessage(cdkOut + "/Shared.template.json: missing; run 'npx cdk synth' again");
  }

  @Test
  void refusesAManifestThatPointsOutsideTheAssembly() throws IOException {
    Path cdkOut = manifest("""
        {"artifacts": {"Shared": {"type": "aws:cloudformation:stack",
          "properties": {"templateFile": "../../etc/passwd"}}}}""");
    assertThatThrownBy(() -> AssemblyReview.read(cdkOut)).hasMessage(cdkOut
        + "/manifest.json: artifacts.Shared.properties.templateFile: '../../etc/passwd' points outside the cloud assembly");
  }

  @Test
  void rejectsAnAssemblyWithoutStacks() throws IOException {
    Path cdkOut = manifest("{\"version\": \"54.0.0\", \"artifacts\": {}}");
    assertThatThrownBy(() -> AssemblyReview.read(cdkOut))
        .hasMessage(cdkOut + "/manifest.json: the cloud assembly holds no stacks");
  }

  @Test
  void namesTheOlderAssemblyWhenItIsMissing() throws IOException {
    Path cdkOut = manifest("""
        {"artifacts": {"Shared": {"type": "aws:cloudformation:stack",
          "properties": {"templateFile": "Shared.template.json"}}}}""");
    Files.writeString(cdkOut.resolve("Shared.template.json"), "{\"Resources\": {}}");
    Path older = tmp.resolve("cdk.out.old");
    assertThatThrownBy(() -> AssemblyReview.compare(cdkOut, older))
        .hasMessage(older + ": no such folder; run 'npx cdk synth' first");
  }
}

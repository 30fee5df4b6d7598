package dev.deepdive.ecs.ecsctl.review;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cdk.out older than the sources its cdk.json watches is refused, not silently reviewed. */
class AssemblyFreshnessTest {
  private static final Instant SYNTH = Instant.parse("2026-01-01T10:00:00Z");

  @TempDir Path project;
  private Path cdkOut;

  @BeforeEach void synthesizedProject() throws IOException {
    Files.writeString(project.resolve("cdk.json"), """
        {"app": "bin/cdk-app", "output": "cdk.out",
         "watch": {"include": ["app/**"], "exclude": ["target", "test"]}}""");
    write("app/environments/dev.json", SYNTH.minusSeconds(60));
    cdkOut = Files.createDirectories(project.resolve("cdk.out"));
    Files.writeString(cdkOut.resolve("manifest.json"), """
        {"version": "48.0.0", "artifacts": {"S": {"type": "aws:cloudformation:stack",
          "properties": {"templateFile": "S.template.json"}}}}""");
    Files.writeString(cdkOut.resolve("S.template.json"), "{\"Resources\": {}}");
    Files.setLastModifiedTime(cdkOut.resolve("manifest.json"), FileTime.from(SYNTH));
  }

  private void write(String file, Instant modified) throws IOException {
    Path path = project.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, "{}");
    Files.setLastModifiedTime(path, FileTime.from(modified));
  }

  @Test void anAssemblyNewerThanItsSourcesIsReviewed() {
    assertThatCode(() -> AssemblyReview.read(cdkOut)).doesNotThrowAnyException();
  }

  @Test void anEnvironmentFileChangedAfterTheSynthIsRefusedByName() throws IOException {
    write("app/environments/dev.json", SYNTH.plusSeconds(120));
    write("app/environments/qa.json", SYNTH.plusSeconds(60));

    assertThatThrownBy(() -> AssemblyReview.read(cdkOut)).isInstanceOf(ReviewException.class)
        .hasMessage(cdkOut + ": older than its sources: app/environments/dev.json and 1 more file(s) changed after"
            + " the last synthesis (a failed 'cdk synth' leaves the previous assembly in place); run 'npx cdk synth'"
            + " again, or pass --allow-stale to review it as it is");
  }

  @Test void excludedFoldersAtAnyDepthAndUnwatchedFilesDoNotCount() throws IOException {
    write("app/cdk/target/classes/App.class", SYNTH.plusSeconds(120));
    write("README.md", SYNTH.plusSeconds(120));
    write("app/.idea/workspace.xml", SYNTH.plusSeconds(120));

    assertThatCode(() -> AssemblyReview.read(cdkOut)).doesNotThrowAnyException();
  }

  @Test void allowStaleReviewsItAnyway() throws IOException {
    write("app/environments/dev.json", SYNTH.plusSeconds(120));

    assertThatCode(() -> AssemblyReview.read(cdkOut, true)).doesNotThrowAnyException();
  }

  @Test void anAssemblyOutsideACdkProjectCannotBeCheckedAndIsReviewed() throws IOException {
    Files.delete(project.resolve("cdk.json"));
    write("app/environments/dev.json", SYNTH.plusSeconds(120));

    assertThatCode(() -> AssemblyReview.read(cdkOut)).doesNotThrowAnyException();
  }
}

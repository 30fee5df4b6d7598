package dev.deepdive.ecs.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EnvironmentLoaderTest {
  private static final Path FIXTURES = Path.of("test/cdk/resources/config");

  private static Iterable<String> problemsLoading(String fixture) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
        () -> EnvironmentLoader.loadAll(FIXTURES.resolve(fixture)));
    assertThat(thrown).isInstanceOf(ConfigException.class);
    return ((ConfigException) thrown).problems();
  }

  @Test
  void rejectsAFolderWithoutEnvironmentFiles() {
    assertThat(problemsLoading("empty")).containsExactly("test/cdk/resources/config/empty: no environment files"
        + " (*.json) found; add one, e.g. test/cdk/resources/config/empty/dev.json");
  }

  @Test
  void rejectsAMissingFolder() {
    assertThat(problemsLoading("missing")).containsExactly("test/cdk/resources/config/missing: folder not found;"
        + " create it with one <name>.json per environment, e.g. test/cdk/resources/config/missing/dev.json");
  }

  @Test
  void rejectsAFileGivenAsTheFolder() {
    assertThat(problemsLoading("not-a-folder/environments")).containsExactly("test/cdk/resources/config/not-a-folder/"
        + "environments: not a folder; expected a folder with one <name>.json per environment");
  }

  @Test
  void readsOnlyJsonFilesAndSkipsHiddenOnes() {
    assertThat(EnvironmentLoader.loadAll(FIXTURES.resolve("mixed-files")))
        .extracting(EnvironmentConfig::name).containsExactly("dev");
  }

  @Test
  void rejectsTwoEnvironmentsWithOneName() {
    assertThat(problemsLoading("duplicate-name")).containsExactly(
        "test/cdk/resources/config/duplicate-name/qa.json: name: must equal the file name without .json ('qa'), got"
            + " \"dev\"; rename the file or the environment",
        "test/cdk/resources/config/duplicate-name/qa.json: name: duplicate environment name, got \"dev\", also the"
            + " name in test/cdk/resources/config/duplicate-name/dev.json; each environment needs its own name");
  }

  @Test
  void rejectsTwoEnvironmentsWithOneCluster() {
    assertThat(problemsLoading("duplicate-cluster")).containsExactly(
        "test/cdk/resources/config/duplicate-cluster/qa.json: clusterName: duplicate cluster name, got \"deep-dive\","
            + " also the cluster of test/cdk/resources/config/duplicate-cluster/dev.json; each environment needs its"
            + " own cluster");
  }

  @Test
  void rejectsOverlappingVpcRanges() {
    assertThat(problemsLoading("overlapping-cidr")).containsExactly(
        "test/cdk/resources/config/overlapping-cidr/qa.json: network.cidr: overlaps 10.10.0.0/16 of"
            + " test/cdk/resources/config/overlapping-cidr/dev.json, got 10.10.128.0/17; give each environment a range"
            + " of its own, as environments may be peered later");
  }

  @Test
  void collectsTheProblemsOfEveryFileAndSkipsUnparsedFilesInCrossChecks() {
    // dev.json does not parse, so qa.json's range, equal to dev's, is not reported as overlapping.
    assertThat(problemsLoading("several-bad")).containsExactly(
        "test/cdk/resources/config/several-bad/dev.json: line 4, column 3: malformed JSON: Unexpected character ('\"'"
            + " (code 34)): was expecting comma to separate Object entries",
        "test/cdk/resources/config/several-bad/prod.json: capacity.maxSize: must be at least 1 (a cluster without"
            + " instances cannot run tasks), got 0");
  }

  @Test
  void throwsAConfigExceptionWhoseMessageIsTheProblemLines() {
    assertThatThrownBy(() -> EnvironmentLoader.loadAll(FIXTURES.resolve("empty")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("test/cdk/resources/config/empty: no environment files (*.json) found; add one, e.g."
            + " test/cdk/resources/config/empty/dev.json");
  }
}

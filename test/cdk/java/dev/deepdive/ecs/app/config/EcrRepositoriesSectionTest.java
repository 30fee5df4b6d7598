package dev.deepdive.ecs.app.config;

import static dev.deepdive.ecs.app.config.QaFile.config;
import static dev.deepdive.ecs.app.config.QaFile.problems;
import static dev.deepdive.ecs.app.config.QaFile.withTop;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EcrRepositoriesSectionTest {
  private static final String FILE = "app/environments/qa.json: ";

  private static String repositories(String entries) {
    return withTop("\"ecrRepositories\": {" + entries + "}");
  }

  @Test
  void readsRepositoriesInFileOrderWithDefaults() {
    assertThat(config(repositories("\"web\": {\"keepImages\": 5}, \"team/cache\": {}")).ecrRepositories())
        .containsExactly(java.util.Map.entry("web", new EcrRepositoryConfig(5)),
            java.util.Map.entry("team/cache", new EcrRepositoryConfig(20)));
  }

  @Test
  void rejectsAnUppercaseName() {
    assertThat(problems(repositories("\"Web\": {}"))).containsExactly(FILE + "ecrRepositories.Web: not an ECR"
        + " repository name, got \"Web\"; expected lowercase letters and digits, with '.', '_', '-' or '/' only between"
        + " two of them, e.g. \"web\" or \"team/web\"");
  }

  @Test
  void rejectsANameOfOneCharacter() {
    assertThat(problems(repositories("\"w\": {}"))).containsExactly(FILE + "ecrRepositories.w: not an ECR"
        + " repository name, got \"w\"; expected 2 to 61 characters");
  }

  @Test
  void rejectsASeparatorNotBetweenLettersOrDigits() {
    assertThat(problems(repositories("\"team//web\": {}"))).containsExactly(FILE + "ecrRepositories[\"team//web\"]:"
        + " not an ECR repository name, got \"team//web\"; expected lowercase letters and digits, with '.', '_', '-' or"
        + " '/' only between two of them, e.g. \"web\" or \"team/web\"");
  }

  @Test
  void rejectsKeepingNoImages() {
    assertThat(problems(repositories("\"web\": {\"keepImages\": 0}"))).containsExactly(FILE + "ecrRepositories.web"
        + ".keepImages: must be at least 1 (keeping none would expire every image, the running one included), got 0");
  }

  @Test
  void rejectsKeepingMoreThan10000Images() {
    assertThat(problems(repositories("\"web\": {\"keepImages\": 10001}"))).containsExactly(
        FILE + "ecrRepositories.web.keepImages: must be at most 10000, got 10001");
  }

  @Test
  void rejectsSettingsThatAreNotAnObject() {
    assertThat(problems(repositories("\"web\": 20"))).containsExactly(
        FILE + "ecrRepositories.web: expected an object, got 20 (a number)");
  }

  @Test
  void rejectsAListOfNames() {
    assertThat(problems(withTop("\"ecrRepositories\": [\"web\"]"))).containsExactly(FILE + "ecrRepositories:"
        + " expected an object of repository names to settings objects, got a list");
  }

  @Test
  void suggestsTheFieldMeantByATypo() {
    assertThat(problems(repositories("\"web\": {\"keepImage\": 5}"))).containsExactly(
        FILE + "ecrRepositories.web.keepImage: unknown field; did you mean 'keepImages'? allowed: keepImages");
  }
}

package dev.deepdive.ecs.app.config;

import static dev.deepdive.ecs.app.config.QaFile.config;
import static dev.deepdive.ecs.app.config.QaFile.problems;
import static dev.deepdive.ecs.app.config.QaFile.withTop;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TagsSectionTest {
  @Test
  void keepsTagsInFileOrder() {
    assertThat(config(withTop("\"tags\": {\"team\": \"platform\", \"cost-center\": \"42\", \"app\": \"\"}"))
        .tags()).containsExactly(
            java.util.Map.entry("team", "platform"),
            java.util.Map.entry("cost-center", "42"),
            java.util.Map.entry("app", ""));
  }

  @Test
  void rejectsTheReservedAwsPrefixInAnyCase() {
    assertThat(problems(withTop("\"tags\": {\"AWS:team\": \"platform\"}"))).containsExactly(
        "app/environments/qa.json: tags[\"AWS:team\"]: key must not start with \"aws:\" (reserved for AWS), got"
            + " \"AWS:team\"");
  }

  @Test
  void rejectsAnEmptyKey() {
    assertThat(problems(withTop("\"tags\": {\"\": \"x\"}"))).containsExactly(
        "app/environments/qa.json: tags[\"\"]: key must be 1 to 128 characters, got 0");
  }

  @Test
  void rejectsAKeyLongerThan128Characters() {
    assertThat(problems(withTop("\"tags\": {\"" + "k".repeat(129) + "\": \"x\"}"))).singleElement().asString()
        .endsWith("key must be 1 to 128 characters, got 129");
  }

  @Test
  void rejectsAValueLongerThan256Characters() {
    assertThat(problems(withTop("\"tags\": {\"team\": \"" + "v".repeat(257) + "\"}"))).containsExactly(
        "app/environments/qa.json: tags.team: value must be at most 256 characters, got 257");
  }

  @Test
  void countsCharactersNotUtf16Units() {
    assertThat(problems(withTop("\"tags\": {\"team\": \"" + "\uD83D\uDE80".repeat(256) + "\"}"))).isEmpty();
  }
}

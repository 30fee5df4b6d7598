package dev.deepdive.ecs.app.config;

import static dev.deepdive.ecs.app.config.QaFile.problems;
import static dev.deepdive.ecs.app.config.QaFile.with;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MalformedJsonTest {
  @Test
  void reportsLineAndColumnOfASyntaxError() {
    assertThat(problems(with("\"maxSize\": 4\n", "\"maxSize\": 4,\n")))
        .containsExactly("app/environments/qa.json: line 12, column 3: malformed JSON: Unexpected character ('}'"
            + " (code 125)): was expecting double-quote to start field name");
  }

  @Test
  void reportsWhereAnUnclosedObjectStartedWithoutJavaDetails() {
    assertThat(problems("{\n  \"name\": \"qa\"\n"))
        .containsExactly("app/environments/qa.json: line 3, column 1: malformed JSON: Unexpected end-of-input:"
            + " expected close marker for Object (opened at line 1, column 1)");
  }

  @Test
  void rejectsCommentsWithoutNamingParserSettings() {
    assertThat(problems("// qa\n" + QaFile.MINIMAL)).singleElement().asString()
        .startsWith("app/environments/qa.json: line 1, column 1: malformed JSON: Unexpected character ('/'")
        .doesNotContain("ALLOW_COMMENTS");
  }

  @Test
  void rejectsAFieldGivenTwice() {
    assertThat(problems(with("\"minSize\": 2,", "\"minSize\": 2,\n    \"minSize\": 3,")))
        .containsExactly("app/environments/qa.json: capacity.minSize: field appears more than once (again on line"
            + " 10); give each field once, otherwise one value would silently win");
  }

  @Test
  void rejectsContentAfterTheObject() {
    assertThat(problems(QaFile.MINIMAL + "{}\n"))
        .containsExactly("app/environments/qa.json: line 14, column 1: malformed JSON: unexpected content after"
            + " the end of the top-level value; a file holds exactly one JSON object");
  }

  @Test
  void rejectsAnEmptyFile() {
    assertThat(problems("  \n"))
        .containsExactly("app/environments/qa.json: file is empty; expected a JSON object such as {\"name\": ...}");
  }

  @Test
  void rejectsATopLevelValueThatIsNotAnObject() {
    assertThat(problems("[" + QaFile.MINIMAL + "]"))
        .containsExactly("app/environments/qa.json: expected a JSON object at the top level, got a list");
  }

  @Test
  void aFileThatDoesNotParseIsMarkedUnparsed() {
    assertThat(QaFile.read("{").parsed()).isFalse();
  }
}

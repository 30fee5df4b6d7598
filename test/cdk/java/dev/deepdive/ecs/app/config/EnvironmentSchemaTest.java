package dev.deepdive.ecs.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The published schema, app/environment.schema.json: what it accepts, what it rejects, and who names it. */
class EnvironmentSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> shippedEnvironments() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("app/environments"))) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("shippedEnvironments")
  void everyShippedEnvironmentFileIsValidAndNamesTheSchema(Path file) throws IOException {
    JsonNode root = JSON.readTree(file.toFile());
    assertThat(EnvironmentSchema.problems(file.toString(), root)).isEmpty();
    assertThat(root.path("$schema").asText()).isEqualTo(EnvironmentSchema.REFERENCE_FROM_ENVIRONMENTS);
    assertThat(file.getParent().resolve(EnvironmentSchema.REFERENCE_FROM_ENVIRONMENTS).normalize())
        .isEqualTo(Path.of(EnvironmentSchema.PUBLISHED_PATH));
  }

  @Test
  void theSchemaIsDraft2020WithADescriptionOnEveryProperty() {
    JsonNode schema = EnvironmentSchema.tree();
    assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(undescribed(schema, "")).isEmpty();
  }

  @Test
  void anUnknownFieldAWrongTypeAndAnOutOfRangeValueAreEachOneLine() throws IOException {
    JsonNode root = JSON.readTree(QaFile.MINIMAL.replace("\"maxSize\": 4", "\"maxsize\": 4, \"maxSize\": 1001")
        .replace("\"minSize\": 2", "\"minSize\": \"2\""));
    List<String> problems = EnvironmentSchema.problems("qa.json", root);
    assertThat(problems).hasSize(3);
    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("qa.json: capacity.maxsize: "));
    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("qa.json: capacity.maxSize: ").contains("1000"));
    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("qa.json: capacity.minSize: ")
        .contains("\"2\" (a string)"));
  }

  @Test
  void theReaderAcceptsTheSchemaReference() {
    assertThat(QaFile.problems(QaFile.withTop("\"$schema\": \"../environment.schema.json\""))).isEmpty();
  }

  @Test
  void agentSettingsAreTheCatalogsToJudgeOnce() throws IOException {
    // The schema holds the shape (names to strings); AgentSettings, which the agent config bucket calls too, the rest.
    String file = QaFile.withTop("\"agent\": {\"ECS_CLUSTER\": \"other\"}");
    assertThat(EnvironmentSchema.problems("qa.json", JSON.readTree(file))).isEmpty();
    assertThat(QaFile.problems(file)).singleElement().asString().contains("agent.ECS_CLUSTER");
  }

  @Test
  void everyRuleWhoseGenericMessageWouldNotReadWellHasItsOwn() {
    // A regular expression, or a choice between shapes, tells a user nothing; the schema must say it in words.
    List<String> missing = new java.util.ArrayList<>();
    keywordsWithoutMessage(EnvironmentSchema.tree(), "", List.of("pattern", "anyOf", "oneOf", "not", "const"),
        missing);
    assertThat(missing).isEmpty();
  }

  @Test
  void everyMessageUsesOnlyPlaceholdersTheAppFillsIn() {
    List<String> unknown = new java.util.ArrayList<>();
    EnvironmentSchema.tree().findValues(SchemaMessages.KEYWORD).forEach(messages -> messages.properties()
        .forEach(m -> java.util.regex.Pattern.compile("\\{([A-Za-z]+)\\}").matcher(m.getValue().asText()).results()
            .map(r -> r.group(1))
            .filter(name -> !List.of("value", "typed", "limit", "count", "allowed", "suggestion", "taskDefinitionsDir")
                .contains(name))
            .forEach(name -> unknown.add(m.getKey() + ": {" + name + "}"))));
    assertThat(unknown).isEmpty();
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"0", "256", "00256", "9999", "59999", "65535", "65536",
      "65540", "99999", "100000", "-1", "1.5", "", " 256"})
  void theReaderAcceptsExactlyTheReservedMemoryTheFitCheckReads(String value) {
    boolean fitCheckReads;
    try {
      dev.deepdive.ecs.placement.AgentRegistration.reservedMemoryMiB(
          java.util.Map.of("ECS_RESERVED_MEMORY", value));
      fitCheckReads = true;
    } catch (IllegalArgumentException e) {
      fitCheckReads = false;
    }
    String file = QaFile.withTop("\"agent\": {\"ECS_RESERVED_MEMORY\": \"" + value + "\"}");
    assertThat(QaFile.problems(file).isEmpty()).as(value).isEqualTo(fitCheckReads);
  }

  private static void keywordsWithoutMessage(JsonNode node, String at, List<String> keywords, List<String> out) {
    if (node.isObject()) {
      for (String keyword : keywords) {
        if (node.has(keyword) && !node.path(SchemaMessages.KEYWORD).has(keyword)) {
          out.add(at + "/" + keyword);
        }
      }
      // The messages themselves, and what a "not" forbids (its failing is the "not" succeeding), make no messages.
      node.properties().stream().filter(p -> !p.getKey().equals(SchemaMessages.KEYWORD) && !p.getKey().equals("not"))
          .forEach(p -> keywordsWithoutMessage(p.getValue(), at + "/" + p.getKey(), keywords, out));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        keywordsWithoutMessage(node.get(i), at + "/" + i, keywords, out);
      }
    }
  }

  /** Paths of properties (under "properties" of any object schema) that have no "description". */
  private static List<String> undescribed(JsonNode node, String at) {
    List<String> missing = new java.util.ArrayList<>();
    if (node.isObject()) {
      JsonNode properties = node.get("properties");
      if (properties != null) {
        properties.properties().forEach(p -> {
          JsonNode property = p.getValue();
          if (!property.has("description") && !property.has("$ref")) {
            missing.add(at + "/" + p.getKey());
          }
        });
      }
      node.properties().forEach(p -> missing.addAll(undescribed(p.getValue(), at + "/" + p.getKey())));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        missing.addAll(undescribed(node.get(i), at + "/" + i));
      }
    }
    return missing;
  }
}

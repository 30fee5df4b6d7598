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
  void ecsClusterInTheAgentSettingsIsRejectedBySchemaAndReaderAlike() throws IOException {
    String file = QaFile.withTop("\"agent\": {\"ECS_CLUSTER\": \"other\"}");
    assertThat(EnvironmentSchema.problems("qa.json", JSON.readTree(file))).isNotEmpty();
    assertThat(QaFile.problems(file)).singleElement().asString().contains("agent.ECS_CLUSTER");
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

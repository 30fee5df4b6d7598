package dev.deepdive.ecs.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * docs/environment-files.md's field reference is generated from app/environment.schema.json, between two markers,
 * so the docs and the schema cannot drift: a difference fails, and {@code -DupdateDocs=true} rewrites the section
 * ({@code mvn test -pl app/cdk -am -Dtest=EnvironmentReferenceDocTest -DupdateDocs=true
 * -Dsurefire.failIfNoSpecifiedTests=false}).
 */
class EnvironmentReferenceDocTest {
  static final Path DOC = Path.of("docs/environment-files.md");
  static final String START = "<!-- reference generated from app/environment.schema.json: start -->";
  static final String END = "<!-- reference generated from app/environment.schema.json: end -->";

  @Test
  void theReferenceIsTheSchemas() throws IOException {
    String doc = Files.readString(DOC);
    assertThat(doc).contains(START, END);
    String generated = START + "\n" + render(EnvironmentSchema.tree()) + END;
    String current = doc.substring(doc.indexOf(START), doc.indexOf(END) + END.length());
    if (Boolean.getBoolean("updateDocs")) {
      Files.writeString(DOC, doc.replace(current, generated));
      return;
    }
    assertThat(current).as("regenerate with -DupdateDocs=true").isEqualTo(generated);
  }

  @Test
  void theDocsShowAnEditorPickingUpTheSchema() throws IOException {
    String doc = Files.readString(DOC);
    assertThat(doc).contains("\"$schema\": \"" + EnvironmentSchema.REFERENCE_FROM_ENVIRONMENTS + "\"")
        .contains("VS Code").contains("IntelliJ");
  }

  static String render(JsonNode schema) {
    StringBuilder out = new StringBuilder();
    List<String[]> objects = new ArrayList<>();
    objects.add(new String[] {"(top level)", "#"});
    Set<String> seen = new TreeSet<>();
    for (int i = 0; i < objects.size(); i++) {
      String title = objects.get(i)[0];
      JsonNode object = resolve(schema, objects.get(i)[1]);
      out.append("\n#### `").append(title).append("`\n\n");
      if (object.has("description")) {
        out.append(object.get("description").asText()).append("\n\n");
      }
      out.append("| Field | Type | Required | Default | Allowed | Description |\n|---|---|---|---|---|---|\n");
      Set<String> required = new TreeSet<>();
      object.path("required").forEach(r -> required.add(r.asText()));
      object.path("properties").properties().forEach(p -> {
        JsonNode property = p.getValue();
        String ref = property.has("$ref") ? property.get("$ref").asText()
            : property.path("items").has("$ref") ? property.path("items").get("$ref").asText()
            : property.path("additionalProperties").has("$ref")
                ? property.path("additionalProperties").get("$ref").asText() : null;
        JsonNode shown = property.has("$ref") ? resolve(schema, ref) : property;
        String prefix = title.equals("(top level)") ? "" : title + ".";
        String suffix = property.path("items").has("$ref") ? "[]" : property.path("additionalProperties").has("$ref")
            ? ".<key>" : "";
        if (ref != null && seen.add(ref)) {
          objects.add(new String[] {prefix + p.getKey() + suffix, ref});
        }
        out.append("| `").append(p.getKey()).append("` | ").append(type(shown)).append(" | ")
            .append(required.contains(p.getKey()) ? "yes" : "no").append(" | ")
            .append(shown.has("default") ? "`" + shown.get("default") + "`" : "").append(" | ")
            .append(allowed(shown)).append(" | ")
            .append(shown.path("description").asText().replace("|", "\\|")).append(" |\n");
      });
    }
    return out.toString();
  }

  private static JsonNode resolve(JsonNode schema, String ref) {
    return ref.equals("#") ? schema : schema.at(ref.substring(1));
  }

  private static String type(JsonNode property) {
    String type = property.path("type").asText("");
    if (type.equals("array")) {
      JsonNode items = property.path("items");
      return "list of " + (items.has("$ref") ? "objects" : items.path("type").asText() + "s");
    }
    if (type.equals("object") && property.has("additionalProperties") && !property.has("properties")) {
      return "object of " + (property.path("additionalProperties").has("$ref") ? "objects"
          : property.path("additionalProperties").path("type").asText() + "s");
    }
    return type;
  }

  private static String allowed(JsonNode p) {
    List<String> parts = new ArrayList<>();
    if (p.has("enum")) {
      List<String> values = new ArrayList<>();
      p.get("enum").forEach(v -> values.add("`" + v.asText() + "`"));
      parts.add(String.join(", ", values));
    }
    if (p.has("minimum") || p.has("maximum")) {
      parts.add(p.path("minimum").asText("") + " to " + p.path("maximum").asText(""));
    }
    if (p.has("minItems") || p.has("maxItems")) {
      parts.add(p.path("minItems").asText("0") + " to " + p.path("maxItems").asText("any number of") + " items");
    }
    if (p.has("minLength") || p.has("maxLength")) {
      parts.add(p.path("minLength").asText("0") + " to " + p.path("maxLength").asText("any number of")
          + " characters");
    }
    if (p.has("pattern")) {
      parts.add("`" + p.get("pattern").asText().replace("|", "\\|") + "`");
    }
    JsonNode items = p.path("items");
    if (items.has("pattern")) {
      parts.add("each `" + items.get("pattern").asText().replace("|", "\\|") + "`");
    }
    JsonNode names = p.path("propertyNames");
    if (names.has("pattern")) {
      parts.add("keys `" + names.get("pattern").asText().replace("|", "\\|") + "`");
    }
    return String.join("; ", parts);
  }
}

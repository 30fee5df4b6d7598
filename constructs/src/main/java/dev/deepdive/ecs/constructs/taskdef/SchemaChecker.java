package dev.deepdive.ecs.constructs.taskdef;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deepdive.ecs.constructs.FieldNameSuggestion;
import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionSchema.Field;
import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionSchema.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks a parsed JSON tree against {@link TaskDefinitionSchema}: every field known, every value of the right
 * kind, required fields present, enumerated values allowed. Collects all problems; never stops at the first.
 */
final class SchemaChecker {
  /** Shapes this small list their fields when a name is unknown; bigger ones would flood the line. */
  private static final int LIST_FIELDS_UP_TO = 8;

  private final String displayPath;
  private final List<String> problems = new ArrayList<>();

  private SchemaChecker(String displayPath) {
    this.displayPath = displayPath;
  }

  /** All problems of {@code root}, each one line; empty when it conforms. */
  static List<String> check(String displayPath, JsonNode root, Shape shape) {
    SchemaChecker checker = new SchemaChecker(displayPath);
    checker.checkObject(root, shape, "");
    return checker.problems;
  }

  private void checkObject(JsonNode node, Shape shape, String path) {
    Map<String, Field> fields = shape.fields();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String childPath = JsonPaths.child(path, e.getKey());
      Field field = fields.get(e.getKey());
      if (field != null) {
        checkValue(e.getValue(), field, childPath);
      } else if (shape.rejectedWithReason().containsKey(e.getKey())) {
        report(childPath, "not supported: " + shape.rejectedWithReason().get(e.getKey()));
      } else {
        report(childPath, unknownField(e.getKey(), shape));
      }
    }
    for (Field f : fields.values()) {
      if (f.required() && !node.has(f.apiName())) {
        report(JsonPaths.child(path, f.apiName()), "required field is missing");
      }
    }
  }

  private static String unknownField(String name, Shape shape) {
    var suggestion = FieldNameSuggestion.closest(name, shape.fields().keySet());
    if (suggestion.isPresent()) {
      return "unknown field; did you mean '" + suggestion.get() + "'?";
    }
    if (shape.fields().size() <= LIST_FIELDS_UP_TO) {
      return "unknown field; allowed in " + shape.name() + ": " + String.join(", ", shape.fields().keySet());
    }
    return "unknown field in " + shape.name() + " (README.md, 'Task definition files', lists the supported fields)";
  }

  private void checkValue(JsonNode value, Field field, String path) {
    switch (field.kind()) {
      case STRING -> {
        if (expect(value.isTextual(), value, "a string", path)) {
          checkAllowed(value.textValue(), field, path);
        }
      }
      case INTEGER -> expect(value.isIntegralNumber() && value.canConvertToInt(), value, "an integer", path);
      case BOOLEAN -> expect(value.isBoolean(), value, "true or false", path);
      case STRING_LIST -> {
        if (expect(value.isArray(), value, "a list of strings", path)) {
          for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemPath = JsonPaths.index(path, i);
            if (expect(item.isTextual(), item, "a string", itemPath)) {
              checkAllowed(item.textValue(), field, itemPath);
            }
          }
        }
      }
      case STRING_MAP -> {
        if (expect(value.isObject(), value, "an object of string values", path)) {
          value.properties().forEach(e -> expect(e.getValue().isTextual(), e.getValue(), "a string",
              JsonPaths.child(path, e.getKey())));
        }
      }
      case OBJECT -> {
        if (expect(value.isObject(), value, "an object", path)) {
          checkObject(value, field.shape(), path);
        }
      }
      case OBJECT_LIST -> {
        if (expect(value.isArray(), value, "a list of objects", path)) {
          for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemPath = JsonPaths.index(path, i);
            if (expect(item.isObject(), item, "an object", itemPath)) {
              checkObject(item, field.shape(), itemPath);
            }
          }
        }
      }
      case TASK_CPU -> {
        if (TaskSize.cpuUnits(value).isEmpty()) {
          report(path, "expected " + TaskSize.CPU_FORMAT + ", got " + JsonPaths.describe(value));
        }
      }
      case TASK_MEMORY -> {
        if (TaskSize.memoryMiB(value).isEmpty()) {
          report(path, "expected " + TaskSize.MEMORY_FORMAT + ", got " + JsonPaths.describe(value));
        }
      }
      default -> throw new IllegalStateException("unhandled kind " + field.kind());
    }
  }

  private boolean expect(boolean ok, JsonNode value, String expected, String path) {
    if (!ok) {
      report(path, "expected " + expected + ", got " + JsonPaths.describe(value));
    }
    return ok;
  }

  private void checkAllowed(String value, Field field, String path) {
    if (!field.allowed().isEmpty() && !field.allowed().contains(value)) {
      report(path, "must be one of " + field.allowed().stream().collect(Collectors.joining(", "))
          + "; got \"" + value + "\"");
    }
  }

  private void report(String path, String message) {
    problems.add(displayPath + ": " + path + ": " + message);
  }
}

package dev.deepdive.ecs.constructs.taskdef;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deepdive.ecs.constructs.FieldNameSuggestion;
import dev.deepdive.ecs.constructs.taskdef.EcsApiModel.Field;
import dev.deepdive.ecs.constructs.taskdef.EcsApiModel.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a parsed task definition file against the ECS API model ({@link EcsApiModel}) with this tool's
 * differences ({@link TaskDefinitionFormat}): every field known (else a "did you mean"), refused fields named with
 * the reason, every value of the API's JSON type, enumerated values among those the SDK knows, required fields
 * present. Collects every problem, never stops at the first.
 */
final class ApiModelChecker {
  /** Shapes this small list their fields when a name is unknown; bigger ones would flood the line. */
  private static final int LIST_FIELDS_UP_TO = 8;

  private final String displayPath;
  private final List<String> problems = new ArrayList<>();

  private ApiModelChecker(String displayPath) {
    this.displayPath = displayPath;
  }

  /** All problems of {@code root} as an object of {@code shape}, each one line; empty when it conforms. */
  static List<String> check(String displayPath, JsonNode root, Shape shape) {
    ApiModelChecker checker = new ApiModelChecker(displayPath);
    checker.checkObject(root, shape, "");
    return checker.problems;
  }

  private void checkObject(JsonNode node, Shape shape, String path) {
    Map<String, Field> fields = shape.fields();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String childPath = JsonPaths.child(path, e.getKey());
      Field field = fields.get(e.getKey());
      Optional<String> refusal = field == null ? Optional.empty() : TaskDefinitionFormat.refusal(shape, e.getKey());
      if (field == null) {
        report(childPath, unknownField(e.getKey(), shape));
      } else if (refusal.isPresent()) {
        report(childPath, "not supported: " + refusal.get());
      } else if (TaskDefinitionFormat.taskSize(shape, e.getKey())) {
        taskSize(e.getKey(), e.getValue(), childPath);
      } else {
        checkValue(e.getValue(), field, childPath);
      }
    }
    for (String name : fields.keySet()) {
      if (TaskDefinitionFormat.required(shape, name) && !node.has(name)) {
        report(JsonPaths.child(path, name), "required field is missing");
      }
    }
  }

  private static String unknownField(String name, Shape shape) {
    Optional<String> suggestion = FieldNameSuggestion.closest(name, shape.fields().keySet());
    if (suggestion.isPresent()) {
      return "unknown field; did you mean '" + suggestion.get() + "'?";
    }
    if (shape.fields().size() <= LIST_FIELDS_UP_TO) {
      return "unknown field; allowed in " + shape.displayName() + ": " + String.join(", ", shape.fields().keySet());
    }
    return "unknown field in " + shape.displayName() + " (the ECS API's RegisterTaskDefinition names every field;"
        + " docs/task-definitions.md, 'Task definition files')";
  }

  private void taskSize(String name, JsonNode value, String path) {
    boolean cpu = name.equals("cpu");
    if ((cpu ? TaskSize.cpuUnits(value) : TaskSize.memoryMiB(value)).isEmpty()) {
      report(path, "expected " + (cpu ? TaskSize.CPU_FORMAT : TaskSize.MEMORY_FORMAT) + ", got "
          + JsonPaths.describe(value));
    }
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
      case OBJECT -> {
        if (expect(value.isObject(), value, "an object", path)) {
          checkObject(value, field.shape(), path);
        }
      }
      case LIST -> {
        if (expect(value.isArray(), value, "a list of " + plural(field.element()), path)) {
          for (int i = 0; i < value.size(); i++) {
            checkValue(value.get(i), field.element(), JsonPaths.index(path, i));
          }
        }
      }
      case MAP -> {
        if (expect(value.isObject(), value, "an object of " + singular(field.element()) + " values", path)) {
          value.properties().forEach(e -> checkValue(e.getValue(), field.element(), JsonPaths.child(path, e.getKey())));
        }
      }
      default -> throw new IllegalStateException("unhandled kind " + field.kind());
    }
  }

  private static String plural(Field element) {
    return singular(element) + "s";
  }

  private static String singular(Field element) {
    return switch (element.kind()) {
      case STRING -> "string";
      case INTEGER -> "integer";
      case BOOLEAN -> "boolean";
      case OBJECT -> "object";
      default -> "list";
    };
  }

  private boolean expect(boolean ok, JsonNode value, String expected, String path) {
    if (!ok) {
      report(path, "expected " + expected + ", got " + JsonPaths.describe(value));
    }
    return ok;
  }

  private void checkAllowed(String value, Field field, String path) {
    if (!field.allowed().isEmpty() && !field.allowed().contains(value)) {
      String guess = FieldNameSuggestion.closest(value, field.allowed()).map(g -> " (did you mean '" + g + "'?)")
          .orElse("");
      report(path, "must be one of " + String.join(", ", field.allowed()) + "; got \"" + value + "\"" + guess);
    }
  }

  private void report(String path, String message) {
    problems.add(displayPath + ": " + path + ": " + message);
  }
}

package dev.deepdive.ecs.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deepdive.ecs.constructs.FieldNameSuggestion;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Typed, strict access to the fields of one JSON object of an environment file.
 *
 * <p>Opening an object reports every field it does not allow (with a guess at the intended one). Each
 * getter reports a missing required field or a value of the wrong type and returns empty; there is no
 * coercion ({@code "2"} is not an integer, {@code 2} is not a string). Optional getters with a default
 * return the default when the field is absent, and empty only when the value is invalid, so that checks
 * depending on the value can skip rather than judge a substitute.
 */
final class ObjectFields {
  private final JsonNode node;
  private final JsonPath path;
  private final Problems problems;

  private ObjectFields(JsonNode node, JsonPath path, Problems problems) {
    this.node = node;
    this.path = path;
    this.problems = problems;
  }

  /** Opens {@code node} as an object allowing only {@code allowed}; reports the type or unknown fields. */
  static Optional<ObjectFields> open(JsonNode node, JsonPath path, Problems problems, List<String> allowed) {
    if (!node.isObject()) {
      problems.at(path, "expected an object, got " + Shown.typed(node));
      return Optional.empty();
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String name = field.getKey();
      if (!allowed.contains(name)) {
        String guess = FieldNameSuggestion.closest(name, allowed)
            .map(g -> " did you mean '" + g + "'?")
            .orElse("");
        problems.at(path.field(name), "unknown field;" + guess + " allowed: " + String.join(", ", allowed));
      }
    }
    return Optional.of(new ObjectFields(node, path, problems));
  }

  /** The object itself. */
  JsonNode node() {
    return node;
  }

  /** Where this object sits, for problems about the object as a whole. */
  JsonPath path() {
    return path;
  }

  JsonPath path(String name) {
    return path.field(name);
  }

  Problems problems() {
    return problems;
  }

  boolean has(String name) {
    return node.has(name);
  }

  /** The raw value, for a message about a field that should not be there at all. */
  Optional<JsonNode> value(String name) {
    return Optional.ofNullable(node.get(name));
  }

  Optional<String> requiredString(String name) {
    return required(name) ? optionalString(name) : Optional.empty();
  }

  /** Empty when absent or invalid. */
  Optional<String> optionalString(String name) {
    JsonNode value = node.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      problems.at(path(name), "expected a string, got " + Shown.typed(value));
      return Optional.empty();
    }
    return Optional.of(value.textValue());
  }

  Optional<Integer> requiredInt(String name, IntRange range) {
    return required(name) ? integer(name, node.get(name), range) : Optional.empty();
  }

  /** {@code defaultValue} when absent; empty when invalid. */
  Optional<Integer> optionalInt(String name, int defaultValue, IntRange range) {
    JsonNode value = node.get(name);
    return value == null ? Optional.of(defaultValue) : integer(name, value, range);
  }

  private Optional<Integer> integer(String name, JsonNode value, IntRange range) {
    if (!value.isIntegralNumber()) {
      problems.at(path(name), "expected an integer, got " + Shown.typed(value));
      return Optional.empty();
    }
    BigInteger number = value.bigIntegerValue();
    String problem = range.problemWith(number);
    if (problem != null) {
      problems.at(path(name), problem);
      return Optional.empty();
    }
    return Optional.of(number.intValueExact());
  }

  Optional<List<String>> requiredStringList(String name) {
    return required(name) ? optionalStringList(name) : Optional.empty();
  }

  /** Empty when absent or when the value or any element has the wrong type. */
  Optional<List<String>> optionalStringList(String name) {
    JsonNode value = node.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isArray()) {
      problems.at(path(name), "expected a list of strings, got " + Shown.typed(value));
      return Optional.empty();
    }
    List<String> items = new ArrayList<>();
    boolean allText = true;
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (item.isTextual()) {
        items.add(item.textValue());
      } else {
        problems.at(path(name).index(i), "expected a string, got " + Shown.typed(item));
        allText = false;
      }
    }
    return allText ? Optional.of(items) : Optional.empty();
  }

  /**
   * An object of string values in file order (for maps with free-form keys such as tags). Empty when
   * absent or when the value or any entry has the wrong type.
   */
  Optional<Map<String, String>> optionalStringMap(String name) {
    JsonNode value = node.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isObject()) {
      problems.at(path(name), "expected an object of names to strings, got " + Shown.typed(value));
      return Optional.empty();
    }
    Map<String, String> entries = new LinkedHashMap<>();
    boolean allText = true;
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      if (entry.getValue().isTextual()) {
        entries.put(entry.getKey(), entry.getValue().textValue());
      } else {
        problems.at(path(name).field(entry.getKey()),
            "expected a string, got " + Shown.typed(entry.getValue()) + "; write the value in quotes");
        allText = false;
      }
    }
    return allText ? Optional.of(entries) : Optional.empty();
  }

  /** {@code defaultValue} when absent; empty when the value is not {@code true} or {@code false}. */
  Optional<Boolean> optionalBoolean(String name, boolean defaultValue) {
    JsonNode value = node.get(name);
    if (value == null) {
      return Optional.of(defaultValue);
    }
    if (!value.isBoolean()) {
      problems.at(path(name), "expected true or false, got " + Shown.typed(value));
      return Optional.empty();
    }
    return Optional.of(value.booleanValue());
  }

  Optional<List<JsonNode>> requiredList(String name, String items) {
    return required(name) ? optionalList(name, items) : Optional.empty();
  }

  /**
   * The items of a list, for the caller to read one by one at {@code path(name).index(i)}. Empty when
   * absent or not a list.
   *
   * @param items what the list holds, for the message, e.g. {@code "service objects"}
   */
  Optional<List<JsonNode>> optionalList(String name, String items) {
    JsonNode value = node.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isArray()) {
      problems.at(path(name), "expected a list of " + items + ", got " + Shown.typed(value));
      return Optional.empty();
    }
    List<JsonNode> list = new ArrayList<>();
    value.forEach(list::add);
    return Optional.of(list);
  }

  /**
   * An object with free-form keys (such as repository names) whose values the caller reads at
   * {@code path(name).field(key)}, in file order. Empty when absent or not an object.
   *
   * @param description what the object maps, for the message, e.g. {@code "repository names to settings"}
   */
  Optional<Map<String, JsonNode>> optionalMap(String name, String description) {
    JsonNode value = node.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isObject()) {
      problems.at(path(name), "expected an object of " + description + ", got " + Shown.typed(value));
      return Optional.empty();
    }
    Map<String, JsonNode> entries = new LinkedHashMap<>();
    value.properties().forEach(entry -> entries.put(entry.getKey(), entry.getValue()));
    return Optional.of(entries);
  }

  Optional<ObjectFields> requiredObject(String name, List<String> allowed) {
    return required(name) ? optionalObject(name, allowed) : Optional.empty();
  }

  /** Empty when absent or not an object; unknown fields inside are reported but the object still opens. */
  Optional<ObjectFields> optionalObject(String name, List<String> allowed) {
    JsonNode value = node.get(name);
    return value == null ? Optional.empty() : open(value, path(name), problems, allowed);
  }

  /**
   * An optional object of settings: {@code defaults} when the field is absent; otherwise the object, opened with
   * {@code allowed} fields and read by {@code reader}; empty when it is not such an object or when reading it
   * reported any problem. The reader returns how to build the value from what it read, which runs only when it
   * reported none, so every field it read is present then.
   */
  <T> Optional<T> optionalSection(String name, List<String> allowed, Supplier<T> defaults,
      Function<ObjectFields, Supplier<T>> reader) {
    if (!has(name)) {
      return Optional.of(defaults.get());
    }
    int before = problems.count();
    Optional<ObjectFields> opened = optionalObject(name, allowed);
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    Supplier<T> build = reader.apply(opened.get());
    return problems.count() > before ? Optional.empty() : Optional.of(build.get());
  }

  private boolean required(String name) {
    if (!node.has(name)) {
      problems.at(path(name), "required field is missing");
      return false;
    }
    return true;
  }
}

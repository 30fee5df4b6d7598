package dev.deepdive.ecs.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import dev.deepdive.ecs.constructs.FieldNameSuggestion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns json-schema-validator's errors into this tool's one-line problems, without reading its English messages.
 *
 * <p>What is used from each {@link Error} is its supported, structured part: the keyword that failed
 * ({@link Error#getKeyword()}), where in the file ({@link Error#getInstanceLocation()}, plus
 * {@link Error#getProperty()} for a field that is missing, unknown or badly named), the value there
 * ({@link Error#getInstanceNode()}) and where in the schema ({@link Error#getSchemaLocation()}). The wording comes
 * from the schema itself: the object holding the keyword may say, under {@value #KEYWORD}, what to print when that
 * keyword fails, with placeholders: {@code {value}} the value as written, {@code {typed}} the value with its type,
 * {@code {limit}} the keyword's own value, {@code {count}} the characters or items of the value, {@code {allowed}}
 * the allowed values or field names, {@code {suggestion}} a "did you mean" guess (or nothing), and the caller's
 * context such as {@code {taskDefinitionsDir}}. Without such a message a generic one per keyword is used.
 */
final class SchemaMessages {
  /** The schema annotation with the messages; editors and other validators ignore it. */
  static final String KEYWORD = "x-messages";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)\\}");
  /** The generic message per keyword, used when the schema has none of its own. */
  private static final Map<String, String> GENERIC = Map.ofEntries(
      Map.entry("type", "expected {expected}, got {typed}"),
      Map.entry("required", "required field is missing"),
      Map.entry("additionalProperties", "unknown field;{suggestion} allowed: {allowed}"),
      Map.entry("minimum", "must be at least {limit}, got {value}"),
      Map.entry("maximum", "must be at most {limit}, got {value}"),
      Map.entry("minLength", "must be at least {limit} characters, got {count} characters"),
      Map.entry("maxLength", "must be at most {limit} characters, got {count} characters"),
      Map.entry("minItems", "must list at least {limit} items, got {count}"),
      Map.entry("maxItems", "must list at most {limit} items, got {count}"),
      Map.entry("uniqueItems", "duplicate item, got {value}; list each item once"),
      Map.entry("enum", "not an allowed value, got {value};{suggestion} allowed: {allowed}"),
      Map.entry("pattern", "does not match the pattern {limit}, got {value}"));
  private static final String OTHER = "does not satisfy the schema's {keyword}, got {typed}";

  private static final Set<String> CHOICES = Set.of("anyOf", "oneOf");

  private final JsonNode schema;
  private final Map<String, String> context;
  /** What was reported, so that the branches of one choice make one line. */
  private final Set<String> reported = new HashSet<>();
  private final BiFunction<JsonNode, JsonNode, List<Error>> validateAgainst;

  /**
   * @param schema the schema document the errors' locations point into
   * @param context values for placeholders that depend on the file, e.g. {@code taskDefinitionsDir}
   * @param validateAgainst validates a value (second) against a part of the schema (first), for names that break
   *     {@code propertyNames}: the keyword that failed there is found the same supported way
   */
  SchemaMessages(JsonNode schema, Map<String, String> context, BiFunction<JsonNode, JsonNode, List<Error>> validateAgainst) {
    this.schema = schema;
    this.context = context;
    this.validateAgainst = validateAgainst;
  }

  /**
   * Reports every error, one line each; a value of the wrong type gets that line only, since its other rules
   * (an enumeration of strings, a range of numbers) cannot apply to it.
   */
  void reportAll(List<Error> errors, Problems problems) {
    Set<NodePath> wrongType = new HashSet<>();
    errors.stream().filter(e -> e.getKeyword().equals("type")).forEach(e -> wrongType.add(e.getInstanceLocation()));
    errors.stream()
        .filter(e -> e.getKeyword().equals("type") || !wrongType.contains(e.getInstanceLocation()))
        .forEach(e -> report(e, problems));
  }

  /**
   * Reports one error as one line, or one line per failing rule of a bad field name. An error inside a branch of
   * {@code anyOf} or {@code oneOf} is reported once, as the failure of the whole choice: which branch the user
   * meant is unknown, and each branch's own complaint would mislead.
   */
  private void report(Error error, Problems problems) {
    JsonPath at = path(error.getInstanceLocation());
    String keyword = error.getKeyword();
    NodePath location = error.getSchemaLocation().getFragment();
    JsonNode holder = holderIn(schema, location);
    JsonNode value = error.getInstanceNode();
    String once = location + "\n" + error.getProperty();
    for (int i = 0; i < location.getNameCount(); i++) {
      if (CHOICES.contains(String.valueOf(location.getElement(i)))) {
        keyword = String.valueOf(location.getElement(i));
        holder = holderIn(schema, location, i);
        once = keyword;
        break;
      }
    }
    if (!reported.add(at + "\n" + once)) {
      return;
    }
    switch (keyword) {
      case "required" -> problems.at(at.field(error.getProperty()), message(keyword, holder, value, Map.of()));
      case "additionalProperties" -> {
        List<String> allowed = new ArrayList<>();
        holder.path("properties").fieldNames().forEachRemaining(allowed::add);
        problems.at(at.field(error.getProperty()), message(keyword, holder, value, Map.of(
            "allowed", String.join(", ", allowed),
            "suggestion", suggestion(error.getProperty(), allowed))));
      }
      case "propertyNames" -> {
        // The error names the key; which of the name's rules it breaks is found by checking the key against them.
        JsonNode nameRules = error.getSchemaNode();
        TextNode key = TextNode.valueOf(error.getProperty());
        for (Error nameError : validateAgainst.apply(nameRules, key)) {
          JsonNode nameHolder = holderIn(nameRules, nameError.getSchemaLocation().getFragment());
          problems.at(at.field(error.getProperty()), message(nameError.getKeyword(), nameHolder, key, Map.of()));
        }
      }
      case "uniqueItems" -> {
        int repeated = firstRepeated(value);
        problems.at(at.index(repeated), message(keyword, holder, value.get(repeated), Map.of()));
      }
      case "enum" -> {
        List<String> allowed = new ArrayList<>();
        holder.get("enum").forEach(v -> allowed.add(v.asText()));
        boolean names = value.isTextual() && holder.get("enum").elements().next().isTextual();
        problems.at(at, message(keyword, holder, value, Map.of(
            "allowed", String.join(", ", allowed),
            "suggestion", names ? suggestion(value.textValue(), allowed) : "")));
      }
      default -> problems.at(at, message(keyword, holder, value, Map.of()));
    }
  }

  private String message(String keyword, JsonNode holder, JsonNode value, Map<String, String> extra) {
    JsonNode own = holder.path(KEYWORD).path(keyword);
    String template = own.isTextual() ? own.textValue() : GENERIC.getOrDefault(keyword, OTHER);
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String replacement = switch (name) {
        case "value" -> Shown.plain(value);
        case "typed" -> Shown.typed(value);
        case "limit" -> holder.path(keyword).asText();
        case "count" -> String.valueOf(count(value));
        case "expected" -> expected(holder);
        case "keyword" -> keyword;
        default -> extra.containsKey(name) ? extra.get(name)
            : Optional.ofNullable(context.get(name)).orElseThrow(() -> new IllegalStateException(
                "the schema's message for " + keyword + " names {" + name + "}, which has no value here"));
      };
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String suggestion(String typed, List<String> allowed) {
    return FieldNameSuggestion.closest(typed, allowed).map(g -> " did you mean '" + g + "'?").orElse("");
  }

  /** What a value of the schema's type looks like, in words: "an integer", "a list of service objects". */
  private String expected(JsonNode holder) {
    return switch (holder.path("type").asText()) {
      case "string" -> "a string";
      case "integer" -> "an integer";
      case "number" -> "a number";
      case "boolean" -> "true or false";
      case "array" -> {
        JsonNode items = resolve(holder.path("items"));
        String title = items.path("title").asText("");
        yield !title.isEmpty() ? "a list of " + title + " objects"
            : items.path("type").asText().equals("string") ? "a list of strings" : "a list";
      }
      case "object" -> holder.path("additionalProperties").path("type").asText().equals("string")
          ? "an object of names to strings" : "an object";
      default -> "a value of the schema's type";
    };
  }

  private JsonNode resolve(JsonNode node) {
    return node.has("$ref") ? schema.at(node.get("$ref").asText().substring(1)) : node;
  }

  /** The schema object that holds the failing keyword. */
  private static JsonNode holderIn(JsonNode document, NodePath keywordLocation) {
    return holderIn(document, keywordLocation, keywordLocation.getNameCount() - 1);
  }

  /** The schema object at the first {@code steps} steps of a location. */
  private static JsonNode holderIn(JsonNode document, NodePath location, int steps) {
    JsonNode node = document;
    for (int i = 0; i < steps; i++) {
      Object step = location.getElement(i);
      node = step instanceof Integer index ? node.path(index) : node.path(String.valueOf(step));
    }
    return node;
  }

  private static JsonPath path(NodePath location) {
    JsonPath path = JsonPath.root();
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      path = element instanceof Integer index ? path.index(index) : path.field(String.valueOf(element));
    }
    return path;
  }

  private static int count(JsonNode value) {
    if (value.isTextual()) {
      return value.textValue().codePointCount(0, value.textValue().length());
    }
    return value.isContainerNode() ? value.size() : 0;
  }

  private static int firstRepeated(JsonNode list) {
    for (int i = 1; i < list.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (list.get(i).equals(list.get(j))) {
          return i;
        }
      }
    }
    throw new IllegalStateException("uniqueItems failed on a list without a repeated item: " + list);
  }
}

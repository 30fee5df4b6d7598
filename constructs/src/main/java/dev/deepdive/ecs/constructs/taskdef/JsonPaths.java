package dev.deepdive.ecs.constructs.taskdef;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/** JSON paths as users read them: {@code containerDefinitions[0].dockerLabels["com.example.team"]}. */
final class JsonPaths {
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
  private static final int SHOWN_TEXT_CHARS = 60;

  private JsonPaths() {}

  static String child(String parent, String name) {
    if (!PLAIN_NAME.matcher(name).matches()) {
      return parent + "[\"" + name.replace("\"", "\\\"") + "\"]";
    }
    return parent.isEmpty() ? name : parent + "." + name;
  }

  static String index(String parent, int i) {
    return parent + "[" + i + "]";
  }

  /** The kind of a JSON value and, for scalars, the value itself: {@code a string ("512")}. */
  static String describe(JsonNode value) {
    if (value.isTextual()) {
      String t = value.textValue();
      String shown = t.length() > SHOWN_TEXT_CHARS ? t.substring(0, SHOWN_TEXT_CHARS) + "..." : t;
      return "a string (\"" + shown + "\")";
    }
    if (value.isNumber()) {
      return "a number (" + value.asText() + ")";
    }
    if (value.isBoolean()) {
      return value.asText();
    }
    if (value.isNull()) {
      return "null";
    }
    if (value.isArray()) {
      return "a list";
    }
    return "an object";
  }
}

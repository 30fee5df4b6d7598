package dev.deepdive.ecs.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;

/** How received values appear after "got" in a message: short, escaped, one line. */
final class Shown {
  /** Long values are cut so that one problem stays one readable line. */
  private static final int MAX_SHOWN_CHARS = 60;

  private Shown() {}

  /** A string as a JSON literal, e.g. {@code "t3.huge"}; control characters escaped, long ones cut. */
  static String quoted(String value) {
    String cut = value;
    String suffix = "";
    if (value.codePointCount(0, value.length()) > MAX_SHOWN_CHARS) {
      cut = value.substring(0, value.offsetByCodePoints(0, MAX_SHOWN_CHARS));
      suffix = "... (" + value.codePointCount(0, value.length()) + " characters)";
    }
    StringBuilder out = new StringBuilder("\"");
    cut.codePoints().forEach(c -> {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04x", c));
          } else {
            out.appendCodePoint(c);
          }
        }
      }
    });
    return out.append('"').append(suffix).toString();
  }

  /**
   * A value as written: strings quoted ({@code "t3.huge"}), numbers and booleans plain ({@code 7}, {@code true}),
   * objects and lists by their kind; for "got ..." after a value of the right type.
   */
  static String plain(JsonNode node) {
    if (node.isTextual()) {
      return quoted(node.textValue());
    }
    return node.isValueNode() ? node.asText() : typed(node);
  }

  /**
   * A value of the wrong type, with its type spelled out because the difference may be invisible
   * otherwise: {@code "2" (a string)}, {@code 2.5 (a number)}, {@code an object}.
   */
  static String typed(JsonNode node) {
    JsonNodeType type = node.getNodeType();
    return switch (type) {
      case STRING -> quoted(node.textValue()) + " (a string)";
      case NUMBER -> node.asText() + " (a number)";
      case BOOLEAN -> node.asText() + " (a boolean)";
      case NULL -> "null";
      case OBJECT -> "an object";
      case ARRAY -> node.isEmpty() ? "an empty list" : "a list";
      default -> type.name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}

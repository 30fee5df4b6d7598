package dev.deepdive.ecs.ecsctl.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders CloudFormation values, intrinsic functions included, as short readable text.
 *
 * <p>{@code {"Ref":"X"}} is {@code X}, {@code {"Fn::GetAtt":["X","Arn"]}} is {@code X.Arn},
 * {@code Fn::Join} is concatenated with references as {@code ${X}} / {@code ${X.Arn}} placeholders (the
 * {@code Fn::Sub} notation, so a joined ARN reads like the ARN it becomes), {@code Fn::ImportValue} is
 * {@code import(name)}, and other functions read as calls: {@code if(IsProd, a, b)}, {@code select(0, azs())}.
 */
final class Intrinsics {
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

  private static final String NO_VALUE = "(no value)";

  private Intrinsics() {}

  static String render(JsonNode value) {
    return render(value, false);
  }

  /** The logical ID a value refers to ({@code Ref} or {@code Fn::GetAtt}), or empty when it is anything else. */
  static String referencedId(JsonNode value) {
    if (value.has("Ref") && value.size() == 1) {
      return value.get("Ref").asText();
    }
    JsonNode getAtt = value.path("Fn::GetAtt");
    if (getAtt.isArray() && getAtt.size() == 2 && value.size() == 1) {
      return getAtt.get(0).asText();
    }
    if (getAtt.isTextual() && value.size() == 1) {
      return getAtt.asText().split("\\.", 2)[0];
    }
    return "";
  }

  /** A whole number written literally (numbers or digit strings, as templates hold both); empty otherwise. */
  static OptionalInt literalInt(JsonNode value) {
    if (value.isIntegralNumber()) {
      return OptionalInt.of(value.asInt());
    }
    if (value.isTextual() && value.asText().matches("-?\\d{1,9}")) {
      return OptionalInt.of(Integer.parseInt(value.asText()));
    }
    return OptionalInt.empty();
  }

  /** Values that are one item or a list of items (IAM's Action and Resource), each rendered. */
  static List<String> renderAll(JsonNode value) {
    List<String> rendered = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(item -> rendered.add(render(item)));
    } else if (!value.isMissingNode() && !value.isNull()) {
      rendered.add(render(value));
    }
    return rendered;
  }

  private static String render(JsonNode value, boolean inText) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return "";
    }
    if (value.isValueNode()) {
      return value.asText();
    }
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(item -> items.add(render(item, false)));
      return "[" + String.join(", ", items) + "]";
    }
    if (value.size() == 1) {
      Map.Entry<String, JsonNode> only = value.properties().iterator().next();
      String function = only.getKey();
      JsonNode argument = only.getValue();
      if (function.equals("Ref") || function.equals("Condition") || function.startsWith("Fn::")) {
        String text = function(function, argument);
        // Inside a joined string every non-text part becomes a ${...} placeholder, as in Fn::Sub.
        boolean isText = function.equals("Fn::Join") || function.equals("Fn::Sub");
        return inText && !isText && !text.equals(NO_VALUE) ? "${" + text + "}" : text;
      }
    }
    List<String> fields = new ArrayList<>();
    value.properties().forEach(field -> fields.add(field.getKey() + ": " + render(field.getValue(), false)));
    return "{" + String.join(", ", fields) + "}";
  }

  private static String function(String function, JsonNode argument) {
    switch (function) {
      case "Ref":
        return argument.asText().equals("AWS::NoValue") ? NO_VALUE : argument.asText();
      case "Condition":
        return argument.asText();
      case "Fn::GetAtt":
        if (argument.isArray()) {
          List<String> parts = new ArrayList<>();
          argument.forEach(part -> parts.add(render(part, false)));
          return String.join(".", parts);
        }
        return argument.asText();
      case "Fn::Join":
        if (argument.isArray() && argument.size() == 2 && argument.get(1).isArray()) {
          StringBuilder joined = new StringBuilder();
          String separator = argument.get(0).asText();
          for (int i = 0; i < argument.get(1).size(); i++) {
            joined.append(i == 0 ? "" : separator).append(render(argument.get(1).get(i), true));
          }
          return joined.toString();
        }
        return call("join", argument);
      case "Fn::Sub":
        return sub(argument);
      case "Fn::ImportValue":
        return "import(" + render(argument, false) + ")";
      case "Fn::GetAZs":
        return "azs(" + render(argument, false) + ")";
      case "Fn::FindInMap":
        return call("map", argument);
      default:
        String name = function.substring("Fn::".length());
        return call(name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1), argument);
    }
  }

  private static String call(String name, JsonNode arguments) {
    List<String> rendered = new ArrayList<>();
    if (arguments.isArray()) {
      arguments.forEach(argument -> rendered.add(render(argument, false)));
    } else {
      rendered.add(render(arguments, false));
    }
    return name + "(" + String.join(", ", rendered) + ")";
  }

  /** {@code Fn::Sub} already reads well; only its own variables are filled in. */
  private static String sub(JsonNode argument) {
    if (argument.isTextual()) {
      return argument.asText();
    }
    if (!argument.isArray() || argument.size() != 2) {
      return call("sub", argument);
    }
    JsonNode variables = argument.get(1);
    Matcher matcher = SUB_VARIABLE.matcher(argument.get(0).asText());
    StringBuilder filled = new StringBuilder();
    while (matcher.find()) {
      JsonNode variable = variables.path(matcher.group(1));
      String replacement = variable.isMissingNode() ? matcher.group() : render(variable, true);
      matcher.appendReplacement(filled, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(filled);
    return filled.toString();
  }
}

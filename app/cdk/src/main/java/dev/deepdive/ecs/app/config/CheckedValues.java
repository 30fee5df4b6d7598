package dev.deepdive.ecs.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The values of one file as the rules between fields see them: with the schema's defaults filled in, and only
 * where the schema (or an earlier rule) reported nothing at or inside that place, so that a rule judges values that
 * are valid on their own and never repeats a problem already reported.
 */
final class CheckedValues {
  private final JsonNode given;
  private final JsonNode effective;
  private final Problems problems;

  /**
   * @param given the file as written
   * @param effective the same with defaults filled in
   */
  CheckedValues(JsonNode given, JsonNode effective, Problems problems) {
    this.given = given;
    this.effective = effective;
    this.problems = problems;
  }

  Problems problems() {
    return problems;
  }

  /** True when the file itself sets {@code path} (a default does not count), valid or not. */
  boolean given(JsonPath path) {
    return !path.in(given).isMissingNode();
  }

  /** True when the file sets {@code path} to an object, valid or not; the rules about its fields need one. */
  boolean givenObject(JsonPath path) {
    return path.in(given).isObject();
  }

  /** The value at {@code path}, given or defaulted, when it is there and nothing was reported at or inside it. */
  Optional<JsonNode> valid(JsonPath path) {
    JsonNode node = path.in(effective);
    return node.isMissingNode() || problems.reportedWithin(path) ? Optional.empty() : Optional.of(node);
  }

  Optional<String> text(JsonPath path) {
    return valid(path).filter(JsonNode::isTextual).map(JsonNode::textValue);
  }

  Optional<Integer> integer(JsonPath path) {
    return valid(path).filter(node -> node.isNumber() && node.canConvertToExactIntegral() && node.canConvertToInt())
        .map(JsonNode::asInt);
  }

  /** The field names of the object at {@code path} in the file, in file order; none when it is no object. */
  List<String> fieldNames(JsonPath path) {
    List<String> names = new ArrayList<>();
    JsonNode node = path.in(given);
    if (node.isObject()) {
      node.fieldNames().forEachRemaining(names::add);
    }
    return names;
  }

  /** How many items the list at {@code path} has in the file; 0 when it is no list. */
  int size(JsonPath path) {
    JsonNode node = path.in(given);
    return node.isArray() ? node.size() : 0;
  }
}

package dev.deepdive.ecs.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a value sits in an environment file, printed the way people write it:
 * {@code capacity.instanceTypes[1]}, {@code tags["cost-center"]}.
 */
final class JsonPath {
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
  private static final JsonPath ROOT = new JsonPath(List.of(), "");

  /** Field names (String) and list indexes (Integer), from the top. */
  private final List<Object> steps;
  private final String text;

  private JsonPath(List<Object> steps, String text) {
    this.steps = steps;
    this.text = text;
  }

  static JsonPath root() {
    return ROOT;
  }

  boolean isRoot() {
    return steps.isEmpty();
  }

  JsonPath field(String name) {
    // Keys such as "cost-center" or "a.b" would be ambiguous after a dot.
    String shown = PLAIN_NAME.matcher(name).matches() ? (isRoot() ? name : text + "." + name)
        : text + "[" + Shown.quoted(name) + "]";
    return new JsonPath(append(name), shown);
  }

  JsonPath index(int index) {
    return new JsonPath(append(index), text + "[" + index + "]");
  }

  /** True when this path is {@code other} or lies inside it. */
  boolean within(JsonPath other) {
    return steps.size() >= other.steps.size() && steps.subList(0, other.steps.size()).equals(other.steps);
  }

  /** The value at this path in {@code root}; a missing node when there is none. */
  JsonNode in(JsonNode root) {
    JsonNode node = root;
    for (Object step : steps) {
      node = step instanceof Integer i ? node.path(i) : node.path((String) step);
    }
    return node == null ? MissingNode.getInstance() : node;
  }

  private List<Object> append(Object step) {
    List<Object> longer = new ArrayList<>(steps);
    longer.add(step);
    return List.copyOf(longer);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonPath other && steps.equals(other.steps);
  }

  @Override
  public int hashCode() {
    return Objects.hash(steps);
  }

  @Override
  public String toString() {
    return text;
  }
}

package dev.deepdive.ecs.app.config;

import java.util.regex.Pattern;

/**
 * Where a value sits in an environment file, printed the way people write it:
 * {@code capacity.instanceTypes[1]}, {@code tags["cost-center"]}.
 */
final class JsonPath {
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
  private static final JsonPath ROOT = new JsonPath("");

  private final String text;

  private JsonPath(String text) {
    this.text = text;
  }

  static JsonPath root() {
    return ROOT;
  }

  boolean isRoot() {
    return text.isEmpty();
  }

  JsonPath field(String name) {
    if (PLAIN_NAME.matcher(name).matches()) {
      return new JsonPath(isRoot() ? name : text + "." + name);
    }
    // Keys such as "cost-center" or "a.b" would be ambiguous after a dot.
    return new JsonPath(text + "[" + Shown.quoted(name) + "]");
  }

  JsonPath index(int index) {
    return new JsonPath(text + "[" + index + "]");
  }

  @Override
  public String toString() {
    return text;
  }
}

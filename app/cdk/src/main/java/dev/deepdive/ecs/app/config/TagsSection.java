package dev.deepdive.ecs.app.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and checks {@code tags}, with the limits AWS puts on user tags
 * (https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html): keys of 1 to 128 characters
 * that do not start with the reserved {@code aws:} prefix, in any case; values of at most 256.
 */
final class TagsSection {
  private static final int MAX_KEY_CHARS = 128;
  private static final int MAX_VALUE_CHARS = 256;
  private static final String RESERVED_PREFIX = "aws:";

  private TagsSection() {}

  /** The tags in file order (empty when absent), or empty when any is invalid. */
  static Optional<Map<String, String>> read(ObjectFields fields, String name) {
    Problems problems = fields.problems();
    JsonPath at = fields.path(name);
    int before = problems.count();
    Optional<Map<String, String>> tags = fields.optionalStringMap(name);
    tags.ifPresent(map -> map.forEach((key, value) -> {
      int keyChars = key.codePointCount(0, key.length());
      int valueChars = value.codePointCount(0, value.length());
      if (keyChars < 1 || keyChars > MAX_KEY_CHARS) {
        problems.at(at.field(key), "key must be 1 to " + MAX_KEY_CHARS + " characters, got " + keyChars);
      } else if (key.toLowerCase(Locale.ROOT).startsWith(RESERVED_PREFIX)) {
        problems.at(at.field(key), "key must not start with \"aws:\" (reserved for AWS), got " + Shown.quoted(key));
      }
      if (valueChars > MAX_VALUE_CHARS) {
        problems.at(at.field(key), "value must be at most " + MAX_VALUE_CHARS + " characters, got " + valueChars);
      }
    }));
    if (problems.count() > before) {
      return Optional.empty();
    }
    return Optional.of(tags.orElse(Map.of()));
  }
}

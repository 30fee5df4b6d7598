package dev.deepdive.ecs.app.config;

import java.util.regex.Pattern;

/** Checks on string values shared by the section readers; each reports one line and says whether it passed. */
final class TextChecks {
  private TextChecks() {}

  /** Characters as people count them (code points, not UTF-16 units). */
  static int length(String value) {
    return value.codePointCount(0, value.length());
  }

  /**
   * Reports {@code message} unless {@code value} matches {@code pattern}.
   *
   * @param message the problem, with {@code %s} where the quoted value goes
   */
  static boolean matches(String value, Pattern pattern, Problems problems, JsonPath at, String message) {
    if (pattern.matcher(value).matches()) {
      return true;
    }
    problems.at(at, String.format(message, Shown.quoted(value)));
    return false;
  }

  /** Reports a value longer than {@code max} characters, naming what the limit is for. */
  static boolean atMost(String value, int max, Problems problems, JsonPath at, String what) {
    int length = length(value);
    if (length <= max) {
      return true;
    }
    problems.at(at, "must be at most " + max + " characters, got " + length + " characters; " + what);
    return false;
  }
}

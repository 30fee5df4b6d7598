package dev.deepdive.ecs.app.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems found in one file, each already formatted as one line that starts with the file.
 *
 * <p>Readers report here and carry on, so a user sees every mistake of a file in one run.
 */
final class Problems {
  private final String file;
  private final List<String> lines = new ArrayList<>();

  Problems(String file) {
    this.file = file;
  }

  /** A problem with one value: {@code <file>: <path>: <message>}. */
  void at(JsonPath path, String message) {
    lines.add(path.isRoot() ? file + ": " + message : file + ": " + path + ": " + message);
  }

  /** A problem with the file as a whole: {@code <file>: <message>}. */
  void file(String message) {
    lines.add(file + ": " + message);
  }

  /** A line already formatted with the file at its start. */
  void line(String line) {
    lines.add(line);
  }

  int count() {
    return lines.size();
  }

  boolean isEmpty() {
    return lines.isEmpty();
  }

  List<String> lines() {
    return List.copyOf(lines);
  }
}

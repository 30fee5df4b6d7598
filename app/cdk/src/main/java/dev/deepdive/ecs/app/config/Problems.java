package dev.deepdive.ecs.app.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems found in one file, each already formatted as one line that starts with the file, with where each
 * one sits so that later rules can leave a value alone that is already reported.
 *
 * <p>Checks report here and carry on, so a user sees every mistake of a file in one run.
 */
final class Problems {
  private final String file;
  private final List<String> lines = new ArrayList<>();
  private final List<JsonPath> paths = new ArrayList<>();

  Problems(String file) {
    this.file = file;
  }

  /** A problem with one value: {@code <file>: <path>: <message>}. */
  void at(JsonPath path, String message) {
    lines.add(path.isRoot() ? file + ": " + message : file + ": " + path + ": " + message);
    paths.add(path);
  }

  /** A problem with the file as a whole: {@code <file>: <message>}. */
  void file(String message) {
    lines.add(file + ": " + message);
    paths.add(JsonPath.root());
  }

  /** True when a problem was reported at {@code path} or inside it: the value there is not valid on its own. */
  boolean reportedWithin(JsonPath path) {
    return paths.stream().anyMatch(reported -> reported.within(path));
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

package dev.deepdive.ecs.app.config;

import java.util.List;

/**
 * Bad configuration: every problem found, one line each, ready to print as-is.
 *
 * <p>Each line reads {@code <file>: <json.path>: <what is wrong>, got <value>; <what is allowed>}.
 * Callers print {@link #problems()} and exit 2; the stack trace is of no use to the user.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(String.join(System.lineSeparator(), problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** The problems in a stable order: file by file, then cross-file. */
  public List<String> problems() {
    return problems;
  }
}

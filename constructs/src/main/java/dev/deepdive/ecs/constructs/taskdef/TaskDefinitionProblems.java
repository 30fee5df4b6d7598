package dev.deepdive.ecs.constructs.taskdef;

import java.util.List;

/**
 * Everything wrong with one task definition file, one line per problem, each starting with the file's display
 * path and the JSON path ({@code app/task-definitions/web.json: containerDefinitions[0].memory: ...}).
 *
 * <p>The message is the lines joined by newlines, so a caller that prints {@code getMessage()} shows all of
 * them; there is never a reason to print the stack trace.
 */
public final class TaskDefinitionProblems extends RuntimeException {
  private final List<String> problems;

  public TaskDefinitionProblems(List<String> problems) {
    super(String.join("\n", requireSome(problems)), null, false, false);
    this.problems = List.copyOf(problems);
  }

  private static List<String> requireSome(List<String> problems) {
    if (problems == null || problems.isEmpty()) {
      throw new IllegalArgumentException("problems: at least one problem is needed to throw, got none");
    }
    return problems;
  }

  /** One line per problem, in the order found. */
  public List<String> problems() {
    return problems;
  }
}

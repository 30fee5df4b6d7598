package dev.deepdive.ecs.constructs.taskdef;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of checking a task definition: errors stop the synth, warnings are shown and do not.
 * Each entry is one line naming the file and the JSON path.
 */
public record ValidationReport(List<String> errors, List<String> warnings) {

  public ValidationReport {
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
  }

  public static ValidationReport clean() {
    return new ValidationReport(List.of(), List.of());
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  /** This report's entries followed by the other's. */
  public ValidationReport plus(ValidationReport other) {
    List<String> e = new ArrayList<>(errors);
    e.addAll(other.errors);
    List<String> w = new ArrayList<>(warnings);
    w.addAll(other.warnings);
    return new ValidationReport(e, w);
  }

  /** Throws {@link TaskDefinitionProblems} with every error when there is at least one. */
  public void throwIfErrors() {
    if (hasErrors()) {
      throw new TaskDefinitionProblems(errors);
    }
  }
}

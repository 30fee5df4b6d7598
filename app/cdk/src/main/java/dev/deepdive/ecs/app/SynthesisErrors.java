package dev.deepdive.ecs.app;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failure inside the CDK (a jsii error from aws-cdk-lib, a validation of the construct tree) as lines a person
 * reads: one per problem, {@code error <construct path>: <message>} where the CDK names the construct, never the
 * JavaScript or Java stack behind it.
 *
 * <p>The shapes handled are the ones aws-cdk-lib produces: a message whose first line states the problem, followed
 * by {@code @jsii/kernel.RuntimeError: <the same>} and stack frames; and the construct validation's {@code
 * Validation failed with the following errors:} followed by one {@code [path] message} line per error.
 */
final class SynthesisErrors {
  private static final Pattern PATH_AND_MESSAGE = Pattern.compile("\\s*\\[([^\\]]+)\\]\\s+(.*)");
  private static final Pattern STACK_FRAME = Pattern.compile("\\s+at .*|\\s*\\.\\.\\. \\d+ more");
  private static final String KERNEL_PREFIX = "@jsii/kernel.";
  /** JavaScript's error class names in front of a message: "Error: ", "ValidationError: ", ... */
  private static final Pattern ERROR_CLASS = Pattern.compile("(?:[A-Za-z]*Error|ValidationFailedWithErrors):\\s*");
  private static final String VALIDATION_HEADER = "Validation failed with the following errors:";

  private SynthesisErrors() {}

  /** One line per problem; at least one. */
  static List<String> lines(Throwable failure) {
    Set<String> lines = new LinkedHashSet<>();
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage();
      if (message == null || message.isBlank()) {
        continue;
      }
      for (String line : message.split("\\R")) {
        String problem = line.strip();
        if (problem.isEmpty() || STACK_FRAME.matcher(line).matches()) {
          continue;
        }
        if (problem.startsWith(KERNEL_PREFIX)) {
          // "@jsii/kernel.RuntimeError: <message>" repeats the message above it.
          problem = problem.substring(problem.indexOf(':') + 1).strip();
        }
        problem = ERROR_CLASS.matcher(problem).replaceFirst("");
        if (problem.isEmpty() || problem.equals(VALIDATION_HEADER)) {
          continue;
        }
        Matcher pathAndMessage = PATH_AND_MESSAGE.matcher(problem);
        lines.add(pathAndMessage.matches()
            ? "error " + pathAndMessage.group(1) + ": " + pathAndMessage.group(2)
            : "error: " + problem);
      }
      if (!lines.isEmpty()) {
        break;
      }
    }
    if (lines.isEmpty()) {
      lines.add("error: " + failure.getClass().getSimpleName() + " without a message");
    }
    return new ArrayList<>(lines);
  }
}

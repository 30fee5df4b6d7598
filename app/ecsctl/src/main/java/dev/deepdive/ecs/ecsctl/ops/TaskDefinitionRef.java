package dev.deepdive.ecs.ecsctl.ops;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A task definition revision named {@code family:revision} (or by its full ARN). */
public record TaskDefinitionRef(String family, int revision) {
  // Family names: up to 255 letters, digits, hyphens and underscores (RegisterTaskDefinition's rule).
  private static final Pattern FORM = Pattern.compile("(?:arn:[^:]+:ecs:[^:]*:[^:]*:task-definition/)?"
      + "([A-Za-z0-9_-]{1,255}):([0-9]{1,9})");

  /**
   * Parses {@code web:3} or {@code arn:aws:ecs:eu-west-1:123456789012:task-definition/web:3}.
   *
   * @throws IllegalArgumentException naming the value and the expected form
   */
  public static TaskDefinitionRef parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("expected family:revision (e.g. web:3) or a task definition ARN, got '"
          + text + "'");
    }
    int revision = Integer.parseInt(m.group(2));
    if (revision < 1) {
      throw new IllegalArgumentException("revision must be at least 1, got '" + text + "'");
    }
    return new TaskDefinitionRef(m.group(1), revision);
  }

  @Override public String toString() {
    return family + ":" + revision;
  }
}

package dev.deepdive.ecs.ecsctl.ops;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A task definition revision named {@code family:revision} (or by its full ARN). */
public record TaskDefinitionRef(String family, int revision) {
  // Family names: up to 255 letters, digits, hyphens and underscores (RegisterTaskDefinition's rule:
  // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html#ECS-RegisterTaskDefinition-request-family).
  private static final String FAMILY = "[A-Za-z0-9_-]{1,255}";
  private static final String ARN_PREFIX = "(?:arn:[^:]+:ecs:[^:]*:[^:]*:task-definition/)?";
  private static final Pattern FORM = Pattern.compile(ARN_PREFIX + "(" + FAMILY + "):([0-9]{1,9})");
  private static final Pattern FAMILY_ALONE = Pattern.compile(ARN_PREFIX + FAMILY);

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

  /**
   * Checks a family name (letters, digits, hyphens, underscores; 1 to 255).
   *
   * @return the name, trimmed
   * @throws IllegalArgumentException naming the value and the rule
   */
  public static String requireFamily(String text) {
    String trimmed = text == null ? "" : text.trim();
    if (!trimmed.matches(FAMILY)) {
      throw new IllegalArgumentException("'" + text + "' is not a task definition family: use 1 to 255 letters,"
          + " digits, hyphens and underscores" + (trimmed.contains(":") ? " (a family, without :revision)" : ""));
    }
    return trimmed;
  }

  /**
   * Checks what DescribeTaskDefinition accepts: a family alone (its latest ACTIVE revision), {@code family:revision},
   * or either as an ARN. {@code web:abc} is refused here rather than sent to ECS.
   *
   * @return the text, trimmed
   * @throws IllegalArgumentException naming the value and the forms
   */
  public static String requireFamilyOrRevision(String text) {
    String trimmed = text == null ? "" : text.trim();
    if (FAMILY_ALONE.matcher(trimmed).matches()) {
      return trimmed;
    }
    parse(trimmed);
    return trimmed;
  }

  @Override public String toString() {
    return family + ":" + revision;
  }
}

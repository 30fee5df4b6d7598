package dev.deepdive.ecs.constructs;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image written {@code ecr://<repository>[:tag]} in a task definition: an image in one of the environment's
 * own ECR repositories, resolved to that repository's URI at synth ({@code latest} when no tag is given).
 *
 * @param repository the repository's short name, as in the environment file's {@code ecrRepositories}
 * @param tag        the image tag
 */
public record EcrImageReference(String repository, String tag) {
  public static final String SCHEME = "ecr://";
  private static final Pattern FORM = Pattern.compile(
      "ecr://([a-z0-9][a-z0-9._/-]*)(?::([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?");

  /** True when the image uses the {@code ecr://} scheme, well-formed or not. */
  public static boolean isEcrReference(String image) {
    return image.startsWith(SCHEME);
  }

  /** The reference, or empty when the image is not a well-formed {@code ecr://} reference. */
  public static Optional<EcrImageReference> parse(String image) {
    Matcher matcher = FORM.matcher(image);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Optional.of(new EcrImageReference(matcher.group(1), matcher.group(2) == null ? "latest" : matcher.group(2)));
  }
}

package dev.deepdive.ecs.ecsctl.review;

import java.io.Serial;

/**
 * A cloud assembly that cannot be reviewed: missing, not a cloud assembly, or with a file that is corrupt.
 *
 * <p>The message is one line meant for the user as it is, naming the file (as the user gave its folder),
 * what was wrong and, where there is one, the fix; for example {@code cdk.out: not a cloud assembly (no
 * manifest.json); run 'npx cdk synth' first}.
 */
public final class ReviewException extends Exception {
  @Serial private static final long serialVersionUID = 1L;

  public ReviewException(String message) {
    super(message);
  }
}

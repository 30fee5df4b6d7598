package dev.deepdive.ecs.ecsctl.ops;

/**
 * No credentials could be resolved: the default chain found none, or the named profile gave none. Thrown by the
 * credentials provider {@link EcsClientFactory} installs, so {@link AwsErrors#explain} can say where the chain
 * looked instead of the SDK's one-line list of provider class names.
 */
public final class CredentialsNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String profile;

  /**
   * @param profile the --profile given, or {@code null} for the default chain
   * @param cause the SDK's failure
   */
  public CredentialsNotFoundException(String profile, Throwable cause) {
    super(cause.getMessage(), cause);
    this.profile = profile;
  }

  /** The profile asked for with --profile, or {@code null} for the default chain. */
  public String profile() {
    return profile;
  }
}

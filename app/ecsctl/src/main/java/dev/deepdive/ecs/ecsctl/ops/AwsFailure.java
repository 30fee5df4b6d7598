package dev.deepdive.ecs.ecsctl.ops;

/**
 * A failed AWS call explained for the person who ran the command: what was asked, what went wrong, what to do.
 *
 * @param kind what sort of failure, for callers that act on it (a script-facing exit code, a per-item status)
 * @param code the AWS error code ({@code ClusterNotFoundException}) or a short name for failures before AWS
 *     answered ({@code UnknownHost}, {@code ReadTimeout}, {@code NoCredentials})
 * @param message one line, no {@code ecsctl:} prefix: names the resource asked for and says what to do
 */
public record AwsFailure(Kind kind, String code, String message) {

  /** Exit code of an AWS failure: the call was made (or could not be) and failed; documented in docs/ecsctl.md. */
  public static final int EXIT_AWS_ERROR = 1;
  /** Exit code of a configuration problem found before any call (no region): a usage error. */
  public static final int EXIT_USAGE = 2;

  /** The kinds of failure, each with its own advice. */
  public enum Kind {
    /** The cluster, service, task definition, container instance or task does not exist (in this region). */
    NOT_FOUND,
    /** The service exists but is DRAINING or INACTIVE. */
    NOT_ACTIVE,
    /** The identity may not make this call. */
    ACCESS_DENIED,
    /** No credentials were found. */
    NO_CREDENTIALS,
    /** AWS rejected the credentials (unknown key, expired token, bad signature). */
    BAD_CREDENTIALS,
    /** No region was given or found. */
    NO_REGION,
    /** AWS kept throttling through every retry. */
    THROTTLED,
    /** AWS failed on its side (HTTP 5xx) through every retry. */
    SERVER_ERROR,
    /** AWS refused the request as invalid (a parameter, a state that forbids it). */
    REJECTED,
    /** The endpoint could not be reached: DNS, connection refused, TLS. */
    NETWORK,
    /** The endpoint did not answer in time. */
    TIMEOUT
  }

  /** {@link #EXIT_USAGE} for a missing region (nothing was called), {@link #EXIT_AWS_ERROR} otherwise. */
  public int exitCode() {
    return kind == Kind.NO_REGION ? EXIT_USAGE : EXIT_AWS_ERROR;
  }
}

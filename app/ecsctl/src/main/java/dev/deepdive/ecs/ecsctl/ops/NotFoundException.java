package dev.deepdive.ecs.ecsctl.ops;

/**
 * ECS does not know what was asked for (it answered with a MISSING failure or an error that means "no such
 * thing"). {@link AwsErrors#explain} turns it into a line naming it and saying how to list what exists.
 */
public final class NotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String code;
  private final AskedFor missing;
  private final String detail;

  /**
   * @param code the error code scripts see, e.g. {@code ServiceNotFoundException}
   * @param missing exactly what was not found (one kind of resource)
   * @param detail what ECS said, or {@code null}
   */
  public NotFoundException(String code, AskedFor missing, String detail) {
    super(missing.describe() + " not found" + (detail == null ? "" : " (" + detail + ")"));
    this.code = code;
    this.missing = missing;
    this.detail = detail;
  }

  /** What ECS (or the look-up) said beyond "not found", or {@code null}. */
  public String detail() {
    return detail;
  }

  public String code() {
    return code;
  }

  /** What was not found. */
  public AskedFor missing() {
    return missing;
  }
}

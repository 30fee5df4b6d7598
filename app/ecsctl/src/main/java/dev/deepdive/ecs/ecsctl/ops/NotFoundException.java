package dev.deepdive.ecs.ecsctl.ops;

/** A look-up target ECS does not know; reported like an AWS error (exit 1) with {@link #code()}. */
public final class NotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String code;

  public NotFoundException(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}

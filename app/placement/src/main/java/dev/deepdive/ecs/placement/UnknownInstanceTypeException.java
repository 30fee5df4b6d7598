package dev.deepdive.ecs.placement;

/**
 * An instance type that {@link InstanceTypes} does not list. The message is one line naming the type, the
 * families the table knows and where to add a row; callers prefix the file and JSON path.
 */
public final class UnknownInstanceTypeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String instanceType;

  UnknownInstanceTypeException(String instanceType, String message) {
    super(message);
    this.instanceType = instanceType;
  }

  /** The type as given. */
  public String instanceType() {
    return instanceType;
  }
}

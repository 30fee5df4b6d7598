package dev.deepdive.ecs.ecsctl.ops;

/** Short names from ECS ARNs, for output people read. */
public final class Arns {
  private Arns() {}

  /** {@code arn:aws:ecs:eu-west-1:1:service/prod/web} gives {@code web}; a plain name is returned as is. */
  public static String lastSegment(String arnOrName) {
    if (arnOrName == null) {
      return null;
    }
    int slash = arnOrName.lastIndexOf('/');
    return slash < 0 ? arnOrName : arnOrName.substring(slash + 1);
  }
}

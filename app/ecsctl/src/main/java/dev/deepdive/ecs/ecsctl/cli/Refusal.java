package dev.deepdive.ecs.ecsctl.cli;

/** ecsctl declines to act as asked (no confirmation, a CloudFormation-managed service); exit 2, nothing changed. */
public final class Refusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public Refusal(String message) {
    super(message);
  }
}

package dev.deepdive.ecs.placement;

import java.util.Objects;

/**
 * An amount a task reserves on its container instance, with where the task definition says so, for messages.
 *
 * @param amount CPU units, MiB or GPUs; 0 when the task reserves none
 * @param field  the JSON path in the task definition file, e.g. {@code memory} or {@code containerDefinitions}
 * @param basis  how the amount was found, e.g. {@code task-level memory} or {@code the sum of the containers'
 *               memoryReservation, else memory}
 */
public record Reservation(int amount, String field, String basis) {
  public Reservation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(basis, "basis");
    if (amount < 0) {
      throw new IllegalArgumentException("amount: must be at least 0, got " + amount);
    }
  }

  /** Nothing reserved. */
  public static Reservation none(String field) {
    return new Reservation(0, field, "none");
  }
}

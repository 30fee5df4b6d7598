package dev.deepdive.ecs.app.config;

import java.util.List;
import java.util.Optional;

/**
 * Reads and checks a service's {@code deployment} object into a {@link DeploymentConfig}.
 *
 * <p>ECS rounds {@code maximumPercent} of the desired count down and {@code minimumHealthyPercent} up
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html). When the first comes
 * out at the desired count and the second too, ECS may neither start a new task nor stop an old one, and a
 * deployment hangs until the circuit breaker or a person gives up; that is rejected here.
 */
final class DeploymentSection {
  static final List<String> FIELDS = List.of("maximumPercent", "minimumHealthyPercent", "circuitBreakerRollback");

  private static final IntRange MAXIMUM_PERCENT = IntRange.between(100, 400);
  private static final IntRange MINIMUM_HEALTHY_PERCENT = IntRange.between(0, 100);

  private DeploymentSection() {}

  /**
   * The task counts a deployment may start from: the fixed desired count, or every count auto scaling can set.
   *
   * @param label how a message names the count, e.g. {@code desiredCount 3}
   */
  record Counts(int from, int to, String label) {
    static Counts fixed(int desiredCount) {
      return new Counts(desiredCount, desiredCount, "desiredCount");
    }

    /** Every count from max(1, min) to max: a deployment can start at any of them. */
    static Counts scaled(int minCount, int maxCount) {
      return new Counts(Math.max(1, minCount), maxCount, "a count autoScaling can set,");
    }
  }

  /**
   * The settings, the defaults when absent, or empty when anything is invalid.
   *
   * @param desiredCount the service's counts when valid; the progress check needs them
   */
  static Optional<DeploymentConfig> read(ObjectFields service, String name, Optional<Counts> desiredCount) {
    return service.optionalSection(name, FIELDS, DeploymentConfig::defaults, fields -> {
      Optional<Integer> maximum =
          fields.optionalInt("maximumPercent", ConfigDefaults.MAXIMUM_PERCENT, MAXIMUM_PERCENT);
      Optional<Integer> minimum = fields.optionalInt(
          "minimumHealthyPercent", ConfigDefaults.MINIMUM_HEALTHY_PERCENT, MINIMUM_HEALTHY_PERCENT);
      Optional<Boolean> rollback =
          fields.optionalBoolean("circuitBreakerRollback", ConfigDefaults.CIRCUIT_BREAKER_ROLLBACK);
      if (maximum.isPresent() && minimum.isPresent() && desiredCount.isPresent()) {
        Counts counts = desiredCount.get();
        // The first count that hangs is reported; one message is enough to fix the bounds.
        for (int count = counts.from(); count <= counts.to(); count++) {
          if (progressPossible(maximum.get(), minimum.get(), count, counts.label(), fields)) {
            break;
          }
        }
      }
      return () -> new DeploymentConfig(maximum.orElseThrow(), minimum.orElseThrow(), rollback.orElseThrow());
    });
  }

  /** Reports and returns true when a deployment from {@code desired} tasks can never progress. */
  private static boolean progressPossible(int maximumPercent, int minimumPercent, int desired, String label,
      ObjectFields fields) {
    if (desired == 0) {
      return false;
    }
    long mostRunning = Math.floorDiv((long) desired * maximumPercent, 100);
    long leastHealthy = Math.floorDiv((long) desired * minimumPercent + 99, 100);
    if (mostRunning > desired || leastHealthy < desired) {
      return false;
    }
    long maximumNeeded = Math.floorDiv((long) (desired + 1) * 100 + desired - 1, desired);
    long minimumNeeded = Math.floorDiv((long) (desired - 1) * 100, desired);
    fields.problems().at(fields.path(), "a deployment can never make progress, got maximumPercent " + maximumPercent
        + " and minimumHealthyPercent " + minimumPercent + " with " + label + " " + desired + ": ECS may run at most "
        + tasks(mostRunning) + " (rounded down) and must keep " + leastHealthy + " healthy (rounded up), so it can"
        + " neither start a new task nor stop an old one; raise maximumPercent to at least " + maximumNeeded
        + " or lower minimumHealthyPercent to at most " + minimumNeeded);
    return true;
  }

  private static String tasks(long count) {
    return count == 1 ? "1 task" : count + " tasks";
  }
}

package dev.deepdive.ecs.placement;

/**
 * How the service scheduler picks among the container instances a task fits
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-strategies.html).
 */
public enum PlacementStrategy {
  /**
   * {@code spread} by {@code attribute:ecs.availability-zone}, then {@code spread} by {@code instanceId}: the
   * Availability Zone with the fewest tasks of the service, then the instance with the fewest. The service
   * scheduler's default.
   */
  SPREAD,
  /** {@code binpack} by {@code memory}: the instance with the least memory left that still fits the task. */
  BINPACK
}

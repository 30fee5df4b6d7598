package dev.deepdive.ecs.app.config;

/**
 * How ECS schedules a service's tasks, in ECS's own terms
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_service-options.html).
 */
public enum SchedulingStrategy {
  /** Keep {@code desiredCount} tasks, placed by the placement strategy. */
  REPLICA,
  /** One task on every container instance: log routers, metrics and security agents. */
  DAEMON
}

package dev.deepdive.ecs.app.config;

/**
 * The rolling deployment of a service; the defaults (in app/environment.schema.json) are ECS's, 200/100.
 *
 * @param maximumPercent tasks allowed during a deployment, as a percentage of the desired count (rounded
 *     down), 100 to 400; default 200
 * @param minimumHealthyPercent tasks that must stay healthy, as a percentage of the desired count (rounded
 *     up), 0 to 100; default 100
 * @param circuitBreakerRollback whether a failing deployment stops and rolls back instead of retrying
 *     forever; default true
 */
public record DeploymentConfig(int maximumPercent, int minimumHealthyPercent, boolean circuitBreakerRollback) {}

package dev.deepdive.ecs.app.config;

/**
 * The rolling deployment of a service; the defaults are ECS's (200/100).
 *
 * @param maximumPercent tasks allowed during a deployment, as a percentage of the desired count (rounded
 *     down), 100 to 400; default {@link ConfigDefaults#MAXIMUM_PERCENT}
 * @param minimumHealthyPercent tasks that must stay healthy, as a percentage of the desired count (rounded
 *     up), 0 to 100; default {@link ConfigDefaults#MINIMUM_HEALTHY_PERCENT}
 * @param circuitBreakerRollback whether a failing deployment stops and rolls back instead of retrying
 *     forever; default {@link ConfigDefaults#CIRCUIT_BREAKER_ROLLBACK}
 */
public record DeploymentConfig(int maximumPercent, int minimumHealthyPercent, boolean circuitBreakerRollback) {
  /** What a service without a {@code deployment} object gets. */
  public static DeploymentConfig defaults() {
    return new DeploymentConfig(ConfigDefaults.MAXIMUM_PERCENT, ConfigDefaults.MINIMUM_HEALTHY_PERCENT,
        ConfigDefaults.CIRCUIT_BREAKER_ROLLBACK);
  }
}

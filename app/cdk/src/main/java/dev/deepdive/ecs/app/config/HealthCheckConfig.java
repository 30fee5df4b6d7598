package dev.deepdive.ecs.app.config;

import java.util.Objects;

/**
 * The target group health check of a load-balanced service; each default is in {@link ConfigDefaults}.
 *
 * @param path the HTTP path probed, starting with {@code /}; default {@link ConfigDefaults#HEALTH_CHECK_PATH}
 * @param intervalSeconds seconds between probes, 5 to 300; default
 *     {@link ConfigDefaults#HEALTH_CHECK_INTERVAL_SECONDS}
 * @param timeoutSeconds seconds before a probe fails, 2 to 120 and less than {@code intervalSeconds}; default
 *     {@link ConfigDefaults#HEALTH_CHECK_TIMEOUT_SECONDS}
 * @param healthyThresholdCount passing probes before a target is healthy, 2 to 10; default
 *     {@link ConfigDefaults#HEALTHY_THRESHOLD_COUNT}
 * @param unhealthyThresholdCount failing probes before a target is unhealthy, 2 to 10; default
 *     {@link ConfigDefaults#UNHEALTHY_THRESHOLD_COUNT}
 * @param healthyHttpCodes codes that count as passing, e.g. {@code 200} or {@code 200-399,401}; default
 *     {@link ConfigDefaults#HEALTHY_HTTP_CODES}
 */
public record HealthCheckConfig(
    String path,
    int intervalSeconds,
    int timeoutSeconds,
    int healthyThresholdCount,
    int unhealthyThresholdCount,
    String healthyHttpCodes) {
  public HealthCheckConfig {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(healthyHttpCodes, "healthyHttpCodes");
  }

  /** What a load-balanced service without a {@code healthCheck} object gets. */
  public static HealthCheckConfig defaults() {
    return new HealthCheckConfig(ConfigDefaults.HEALTH_CHECK_PATH, ConfigDefaults.HEALTH_CHECK_INTERVAL_SECONDS,
        ConfigDefaults.HEALTH_CHECK_TIMEOUT_SECONDS, ConfigDefaults.HEALTHY_THRESHOLD_COUNT,
        ConfigDefaults.UNHEALTHY_THRESHOLD_COUNT, ConfigDefaults.HEALTHY_HTTP_CODES);
  }
}

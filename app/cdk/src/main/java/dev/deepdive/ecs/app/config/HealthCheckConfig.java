package dev.deepdive.ecs.app.config;

import java.util.Objects;

/**
 * The target group health check of a load-balanced service; each default is in app/environment.schema.json.
 *
 * @param path the HTTP path probed, starting with {@code /}; default {@code /}
 * @param intervalSeconds seconds between probes, 5 to 300; default 15
 * @param timeoutSeconds seconds before a probe fails, 2 to 120 and less than {@code intervalSeconds}; default 5
 * @param healthyThresholdCount passing probes before a target is healthy, 2 to 10; default 2
 * @param unhealthyThresholdCount failing probes before a target is unhealthy, 2 to 10; default 3
 * @param healthyHttpCodes codes that count as passing, e.g. {@code 200} or {@code 200-399,401}; default
 *     {@code 200-399}
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
}

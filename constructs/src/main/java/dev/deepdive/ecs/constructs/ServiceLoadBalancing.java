package dev.deepdive.ecs.constructs;

import java.util.List;
import java.util.Objects;

/**
 * How a service sits behind the environment's load balancer.
 *
 * @param loadBalancer                 the environment's load balancer
 * @param container                    the container that receives the traffic
 * @param containerPort                its port, as the task definition declares it
 * @param pathPatterns                 listener rule paths, e.g. {@code /*}; with hostHeaders, at least one condition
 * @param hostHeaders                  listener rule host names
 * @param priority                     the listener rule's priority, unique on the listener (1 to 50000)
 * @param healthCheck                  the target group's health check
 * @param deregistrationDelaySeconds   how long a target drains before it is removed; 30 by default in the
 *                                     environment files (AWS's own default, 300, makes deploys and deletes slow)
 * @param healthCheckGracePeriodSeconds how long ECS ignores failing load balancer health checks of a new task
 */
public record ServiceLoadBalancing(
    EnvironmentLoadBalancer loadBalancer,
    String container,
    int containerPort,
    List<String> pathPatterns,
    List<String> hostHeaders,
    int priority,
    HealthCheck healthCheck,
    int deregistrationDelaySeconds,
    int healthCheckGracePeriodSeconds) {

  /** The target group's HTTP health check. */
  public record HealthCheck(String path, int intervalSeconds, int timeoutSeconds, int healthyThresholdCount,
      int unhealthyThresholdCount, String healthyHttpCodes) {
    public HealthCheck {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(healthyHttpCodes, "healthyHttpCodes");
      if (timeoutSeconds >= intervalSeconds) {
        throw new IllegalArgumentException("healthCheck.timeoutSeconds: must be less than intervalSeconds ("
            + intervalSeconds + "), got " + timeoutSeconds);
      }
    }
  }

  public ServiceLoadBalancing {
    Objects.requireNonNull(loadBalancer, "loadBalancer");
    Objects.requireNonNull(container, "container");
    Objects.requireNonNull(healthCheck, "healthCheck");
    pathPatterns = List.copyOf(pathPatterns);
    hostHeaders = List.copyOf(hostHeaders);
    if (pathPatterns.isEmpty() && hostHeaders.isEmpty()) {
      throw new IllegalArgumentException("a listener rule needs pathPatterns or hostHeaders, got neither");
    }
    if (priority < 1 || priority > 50_000) {
      throw new IllegalArgumentException("priority: must be 1 to 50000, got " + priority);
    }
    if (containerPort < 1 || containerPort > 65_535) {
      throw new IllegalArgumentException("containerPort: must be 1 to 65535, got " + containerPort);
    }
    if (deregistrationDelaySeconds < 0 || deregistrationDelaySeconds > 3600) {
      throw new IllegalArgumentException(
          "deregistrationDelaySeconds: must be 0 to 3600, got " + deregistrationDelaySeconds);
    }
  }
}

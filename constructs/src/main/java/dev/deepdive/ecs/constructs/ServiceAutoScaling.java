package dev.deepdive.ecs.constructs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Application Auto Scaling of one service's desired count: bounds, target tracking, cooldowns, schedules.
 *
 * <p>Target tracking (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-autoscaling-targettracking.html)
 * keeps a metric near its target by changing the count between {@code minCount} and {@code maxCount}; with
 * several targets the service gets one policy each, and Application Auto Scaling follows whichever asks for
 * the most tasks (it scales in only when all of them allow it).
 *
 * @param minCount the fewest tasks, 0 to 1000
 * @param maxCount the most tasks, {@code minCount} to 1000, at least 1
 * @param cpuUtilizationPercent target of the service's average CPU utilization (ECSServiceAverageCPUUtilization),
 *     1 to 100 percent; empty: no CPU policy
 * @param memoryUtilizationPercent target of the service's average memory utilization
 *     (ECSServiceAverageMemoryUtilization), 1 to 100 percent; empty: no memory policy
 * @param requestsPerTarget target of the load balancer's requests per target per minute (ALBRequestCountPerTarget,
 *     https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html);
 *     only for a service behind the load balancer; empty: no request policy
 * @param scaleInCooldownSeconds seconds after a scale-in before the next one, 0 to 3600 (default 300, the
 *     documented default for ECS services)
 * @param scaleOutCooldownSeconds seconds after a scale-out before the next one, 0 to 3600 (default 300, likewise)
 * @param scheduledActions changes of the bounds at given times
 */
public record ServiceAutoScaling(
    int minCount,
    int maxCount,
    Optional<Integer> cpuUtilizationPercent,
    Optional<Integer> memoryUtilizationPercent,
    Optional<Integer> requestsPerTarget,
    int scaleInCooldownSeconds,
    int scaleOutCooldownSeconds,
    List<ScheduledAction> scheduledActions) {

  /** The AWS default for both cooldowns of an ECS service's target tracking policy, in seconds. */
  public static final int DEFAULT_COOLDOWN_SECONDS = 300;

  /**
   * New bounds from a point in time on, e.g. more tasks during business hours.
   *
   * @param name unique among the service's scheduled actions; letters, digits, '-', '_', 1 to 256 characters
   * @param schedule {@code cron(...)}, {@code rate(...)} or {@code at(...)}, as Application Auto Scaling takes it
   *     (https://docs.aws.amazon.com/autoscaling/application/userguide/scheduled-scaling-using-cron-expressions.html)
   * @param timeZone an IANA time zone for {@code cron} and {@code at}; empty: UTC
   * @param minCount the new minimum; empty: unchanged (at least one of the two is set)
   * @param maxCount the new maximum; empty: unchanged
   */
  public record ScheduledAction(String name, String schedule, Optional<String> timeZone, Optional<Integer> minCount,
      Optional<Integer> maxCount) {
    public ScheduledAction {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(schedule, "schedule");
      Objects.requireNonNull(timeZone, "timeZone");
      Objects.requireNonNull(minCount, "minCount");
      Objects.requireNonNull(maxCount, "maxCount");
      if (minCount.isEmpty() && maxCount.isEmpty()) {
        throw new IllegalArgumentException("scheduled action " + name + ": set minCount, maxCount or both");
      }
    }
  }

  public ServiceAutoScaling {
    Objects.requireNonNull(cpuUtilizationPercent, "cpuUtilizationPercent");
    Objects.requireNonNull(memoryUtilizationPercent, "memoryUtilizationPercent");
    Objects.requireNonNull(requestsPerTarget, "requestsPerTarget");
    scheduledActions = List.copyOf(scheduledActions);
    if (minCount < 0 || maxCount < 1 || maxCount < minCount) {
      throw new IllegalArgumentException("autoScaling: need 0 <= minCount <= maxCount and maxCount >= 1, got "
          + minCount + " and " + maxCount);
    }
    if (cpuUtilizationPercent.isEmpty() && memoryUtilizationPercent.isEmpty() && requestsPerTarget.isEmpty()) {
      throw new IllegalArgumentException("autoScaling: at least one target (CPU, memory or requests per target)");
    }
  }
}

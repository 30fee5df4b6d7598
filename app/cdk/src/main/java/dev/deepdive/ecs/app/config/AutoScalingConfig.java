package dev.deepdive.ecs.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A service's {@code autoScaling}: Application Auto Scaling owns its desired count.
 *
 * @param minCount the fewest tasks, 0 to 1000
 * @param maxCount the most tasks, 1 to 1000, at least {@code minCount}
 * @param cpuUtilization target average CPU utilization of the service, percent 1 to 100
 * @param memoryUtilization target average memory utilization of the service, percent 1 to 100
 * @param requestsPerTarget target load balancer requests per task per minute, 1 to 1000000; load-balanced
 *     services only
 * @param scaleInCooldownSeconds 0 to 3600, default 300
 * @param scaleOutCooldownSeconds 0 to 3600, default 300
 * @param scheduledActions bound changes at given times, names unique within the service
 */
public record AutoScalingConfig(int minCount, int maxCount, Optional<Integer> cpuUtilization,
    Optional<Integer> memoryUtilization, Optional<Integer> requestsPerTarget, int scaleInCooldownSeconds,
    int scaleOutCooldownSeconds, List<ScheduledActionConfig> scheduledActions) {

  /**
   * One scheduled action.
   *
   * @param schedule {@code cron(...)}, {@code rate(...)} or {@code at(...)}
   * @param timeZone IANA name, e.g. {@code Europe/Berlin}; empty: UTC
   */
  public record ScheduledActionConfig(String name, String schedule, Optional<String> timeZone,
      Optional<Integer> minCount, Optional<Integer> maxCount) {
    public ScheduledActionConfig {
      timeZone = timeZone == null ? Optional.empty() : timeZone;
      minCount = minCount == null ? Optional.empty() : minCount;
      maxCount = maxCount == null ? Optional.empty() : maxCount;
    }
  }

  public AutoScalingConfig {
    Objects.requireNonNull(cpuUtilization, "cpuUtilization");
    Objects.requireNonNull(memoryUtilization, "memoryUtilization");
    Objects.requireNonNull(requestsPerTarget, "requestsPerTarget");
    scheduledActions = scheduledActions == null ? List.of() : List.copyOf(scheduledActions);
  }

  /** The file's {@code targets} object; flattened into the record because every consumer reads one target. */
  record Targets(Optional<Integer> cpuUtilization, Optional<Integer> memoryUtilization,
      Optional<Integer> requestsPerTarget) {
    Targets {
      cpuUtilization = cpuUtilization == null ? Optional.empty() : cpuUtilization;
      memoryUtilization = memoryUtilization == null ? Optional.empty() : memoryUtilization;
      requestsPerTarget = requestsPerTarget == null ? Optional.empty() : requestsPerTarget;
    }
  }

  /** Binds the file's shape (targets nested), after the schema and the rules accepted it. */
  @JsonCreator
  static AutoScalingConfig bind(@JsonProperty("minCount") int minCount, @JsonProperty("maxCount") int maxCount,
      @JsonProperty("targets") Targets targets,
      @JsonProperty("scaleInCooldownSeconds") int scaleInCooldownSeconds,
      @JsonProperty("scaleOutCooldownSeconds") int scaleOutCooldownSeconds,
      @JsonProperty("scheduledActions") List<ScheduledActionConfig> scheduledActions) {
    return new AutoScalingConfig(minCount, maxCount, targets.cpuUtilization(), targets.memoryUtilization(),
        targets.requestsPerTarget(), scaleInCooldownSeconds, scaleOutCooldownSeconds, scheduledActions);
  }
}

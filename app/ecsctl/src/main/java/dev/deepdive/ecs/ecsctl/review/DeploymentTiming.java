package dev.deepdive.ecs.ecsctl.review;

/**
 * The worst-case time for a rolling deployment of an ECS service, and to drain it.
 *
 * <p>A rolling deployment replaces tasks in waves. ECS may start {@code floor(desired × (max − 100) / 100)} tasks
 * above the desired count and stop {@code desired − ceil(desired × min / 100)} tasks below it, so one wave replaces
 * {@code perWave = max(1, floor(desired × (max − 100) / 100) + (desired − ceil(desired × min / 100)))} tasks
 * (at least one, as ECS always makes progress) and there are {@code waves = ceil(desired / perWave)} waves.
 *
 * <p>In each wave, the worst case is that new tasks become healthy only after the health check grace period plus
 * {@code interval × healthy threshold} of the target group's health check, and the old tasks are then deregistered
 * (the target group's deregistration delay, AWS default 300 s) and stopped (the task's largest container
 * StopTimeout, ECS default 30 s, before SIGKILL). Hence:
 * <pre>
 *   healthy = grace + interval × healthyThreshold          (grace alone without a load balancer)
 *   stop    = deregistrationDelay + stopTimeout            (stopTimeout alone without a load balancer)
 *   deploy  = waves × (healthy + stop)
 *   drain   = stop                                         (desired count 0 stops every task at once)
 * </pre>
 * Image pulls, placement and the application's own start beyond the grace period are not included.
 * docs/review.md ("Worst-case times") carries the same formulas for readers of the report.
 *
 * @param tasksPerWave tasks replaced per wave
 * @param waves number of waves
 * @param healthySeconds worst-case time until a new task counts as healthy
 * @param stopSeconds worst-case time to take an old task out of service and stop it
 * @param deploySeconds worst-case time for a full deployment
 * @param drainSeconds worst-case time to drain the service (desired count 0)
 */
record DeploymentTiming(int tasksPerWave, int waves, int healthySeconds, int stopSeconds, int deploySeconds,
    int drainSeconds) {

  /** Tasks replaced in one wave; see the class comment. */
  static int tasksPerWave(int desired, int maximumPercent, int minimumHealthyPercent) {
    int above = Math.floorDiv(desired * (maximumPercent - 100), 100);
    int minimumHealthy = -Math.floorDiv(-desired * minimumHealthyPercent, 100); // ceil for non-negative values
    return Math.max(1, above + (desired - minimumHealthy));
  }

  static int waves(int desired, int maximumPercent, int minimumHealthyPercent) {
    if (desired <= 0) {
      return 0;
    }
    int perWave = tasksPerWave(desired, maximumPercent, minimumHealthyPercent);
    return (desired + perWave - 1) / perWave;
  }

  /**
   * @param healthySeconds grace period plus interval × healthy threshold (grace alone without a load balancer)
   * @param stopSeconds deregistration delay plus stop timeout (stop timeout alone without a load balancer)
   */
  static DeploymentTiming of(int desired, int maximumPercent, int minimumHealthyPercent, int healthySeconds,
      int stopSeconds) {
    int waves = waves(desired, maximumPercent, minimumHealthyPercent);
    return new DeploymentTiming(tasksPerWave(desired, maximumPercent, minimumHealthyPercent), waves,
        healthySeconds, stopSeconds, waves * (healthySeconds + stopSeconds), stopSeconds);
  }
}

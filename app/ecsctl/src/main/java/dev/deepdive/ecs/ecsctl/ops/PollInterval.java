package dev.deepdive.ecs.ecsctl.ops;

import java.time.Duration;

/**
 * Adaptive polling: fast while things change, slower while nothing does, never slower than a cap.
 * The SDK's ServicesStable waiter polls every 15 s; capping a drain at 1 s ({@link #MAX}) is what lets DeleteService
 * follow the last task's stop within about a second, at the cost of at most one DescribeServices per 10 services per
 * second (ECS's DescribeServices rate limit is far above that).
 */
public final class PollInterval {
  public static final Duration MIN = Duration.ofMillis(200);
  public static final Duration MAX = Duration.ofSeconds(1);
  /**
   * The cap while following tasks to STOPPED ({@link #forTasks()}): a task's exit code is reported within this much
   * (plus one DescribeTasks round trip) of ECS reporting the task STOPPED, for at most 2.5 DescribeTasks calls a second
   * (up to 100 tasks each) against the account's per-Region token bucket
   * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/request-throttling.html).
   */
  public static final Duration TASK_MAX = Duration.ofMillis(400);
  private static final double GROWTH = 1.5;

  private final Duration min;
  private final Duration max;
  private Duration current;

  /** From {@link #MIN} to {@link #MAX}: drain-delete's bounds. */
  public PollInterval() {
    this(MIN, MAX);
  }

  /** From {@code min} after a change up to {@code max} while nothing changes. */
  public PollInterval(Duration min, Duration max) {
    if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
      throw new IllegalArgumentException("need 0 < min <= max, got " + min + " and " + max);
    }
    this.min = min;
    this.max = max;
    this.current = min;
  }

  /** From {@link #MIN} up to {@link #TASK_MAX}: for following tasks until they stop. */
  public static PollInterval forTasks() {
    return new PollInterval(MIN, TASK_MAX);
  }

  /** The wait before the next poll: back to the minimum after a change, else 1.5 times longer up to the maximum. */
  public Duration next(boolean somethingChanged) {
    if (somethingChanged) {
      current = min;
    } else {
      long grown = (long) (current.toMillis() * GROWTH);
      current = Duration.ofMillis(Math.min(grown, max.toMillis()));
    }
    return current;
  }
}

package dev.deepdive.ecs.ecsctl.ops;

import java.time.Duration;

/**
 * Adaptive polling: fast while things change, slower while nothing does, never slower than {@link #MAX}.
 * The SDK's ServicesStable waiter polls every 15 s; capping at 1 s is what lets DeleteService follow the
 * last task's stop within about a second, at the cost of at most one DescribeServices per 10 services per
 * second (ECS's DescribeServices rate limit is far above that).
 */
public final class PollInterval {
  public static final Duration MIN = Duration.ofMillis(200);
  public static final Duration MAX = Duration.ofSeconds(1);
  private static final double GROWTH = 1.5;

  private Duration current = MIN;

  /** The wait before the next poll: back to {@link #MIN} after a change, else 1.5 times longer up to {@link #MAX}. */
  public Duration next(boolean somethingChanged) {
    if (somethingChanged) {
      current = MIN;
    } else {
      long grown = (long) (current.toMillis() * GROWTH);
      current = Duration.ofMillis(Math.min(grown, MAX.toMillis()));
    }
    return current;
  }
}

package dev.deepdive.ecs.ecsctl.ops;

import java.time.Duration;

/**
 * Retry budget for throttling and server errors.
 *
 * @param maxAttempts attempts per call, the first included
 * @param baseDelay first backoff for a 5xx or a dropped connection; doubles per attempt, with jitter
 * @param throttlingBaseDelay first backoff after throttling; longer, because the account's token bucket must refill
 * @param maxDelay cap on any single backoff
 */
public record RetrySettings(int maxAttempts, Duration baseDelay, Duration throttlingBaseDelay, Duration maxDelay) {

  /** 8 attempts, 100 ms doubling (throttling: 500 ms doubling), each wait capped at 10 s. */
  public static final RetrySettings DEFAULT =
      new RetrySettings(8, Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(10));

  public RetrySettings {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
  }
}

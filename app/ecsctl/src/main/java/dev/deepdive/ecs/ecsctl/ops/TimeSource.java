package dev.deepdive.ecs.ecsctl.ops;

import java.time.Duration;
import java.time.Instant;

/** Time for waiting loops; injectable so tests simulate minutes of draining in milliseconds. */
public interface TimeSource {

  /** Monotonic nanoseconds, for budgets and elapsed times. */
  long nanoTime();

  /** Wall-clock time, for reports. */
  Instant now();

  /** Waits {@code duration}, returning early once {@code cancellation} is cancelled. */
  void sleep(Duration duration, Cancellation cancellation) throws InterruptedException;

  /** The real clock. */
  static TimeSource system() {
    return SystemTime.INSTANCE;
  }

  /** The JVM's clocks; sleeping waits on the cancellation so Ctrl-C is answered at once. */
  enum SystemTime implements TimeSource {
    INSTANCE;

    @Override public long nanoTime() {
      return System.nanoTime();
    }

    @Override public Instant now() {
      return Instant.now();
    }

    @Override public void sleep(Duration duration, Cancellation cancellation) throws InterruptedException {
      cancellation.await(duration);
    }
  }
}

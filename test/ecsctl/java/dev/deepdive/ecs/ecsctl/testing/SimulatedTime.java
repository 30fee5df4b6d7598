package dev.deepdive.ecs.ecsctl.testing;

import dev.deepdive.ecs.ecsctl.ops.Cancellation;
import dev.deepdive.ecs.ecsctl.ops.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time that moves only when someone sleeps: the drainer's waits advance it instantly, and {@link FakeEcs}
 * reads the same clock, so minutes of draining take milliseconds of test time.
 */
public final class SimulatedTime implements TimeSource {
  /** A fixed, readable epoch for event timestamps. */
  public static final Instant EPOCH = Instant.parse("2026-01-15T09:00:00Z");

  private final AtomicLong nanos = new AtomicLong();
  private volatile long cancelAtNanos = Long.MAX_VALUE;
  private volatile Cancellation toCancel;

  @Override public long nanoTime() {
    return nanos.get();
  }

  @Override public Instant now() {
    return EPOCH.plusNanos(nanos.get());
  }

  @Override public void sleep(Duration duration, Cancellation cancellation) {
    if (!cancellation.isCancelled()) {
      long now = nanos.addAndGet(duration.toNanos());
      Cancellation c = toCancel;
      if (c != null && now >= cancelAtNanos) {
        c.cancel();
      }
    }
  }

  /** Presses "Ctrl-C" on {@code cancellation} once a sleep has taken the clock to {@code at} or past it. */
  public void cancelAt(Duration at, Cancellation cancellation) {
    cancelAtNanos = at.toNanos();
    toCancel = cancellation;
  }

  /** Moves the clock forward, as if time passed outside any sleep. */
  public void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }
}

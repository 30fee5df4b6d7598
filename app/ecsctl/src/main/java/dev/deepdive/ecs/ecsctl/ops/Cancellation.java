package dev.deepdive.ecs.ecsctl.ops;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A one-way "stop waiting" signal (Ctrl-C), checked by waiting loops between API calls. */
public final class Cancellation {
  private final CountDownLatch cancelled = new CountDownLatch(1);

  public void cancel() {
    cancelled.countDown();
  }

  public boolean isCancelled() {
    return cancelled.getCount() == 0;
  }

  /** Waits up to {@code duration}; returns true if cancelled meanwhile. */
  public boolean await(Duration duration) throws InterruptedException {
    return cancelled.await(duration.toNanos(), TimeUnit.NANOSECONDS);
  }
}

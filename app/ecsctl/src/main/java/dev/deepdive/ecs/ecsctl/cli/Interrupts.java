package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.Cancellation;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** Turns Ctrl-C into a {@link Cancellation} for the duration of a wait; injectable so tests press "Ctrl-C". */
public interface Interrupts {

  /**
   * Runs {@code body} with a cancellation that Ctrl-C triggers. The body should finish its reporting
   * before returning: on Ctrl-C the JVM exits (code 130) once the body has returned, or after
   * {@link #SHUTDOWN_GRACE} at the latest.
   */
  int whileWaiting(Function<Cancellation, Integer> body);

  /**
   * As {@link #whileWaiting(Function)}, but after Ctrl-C the body may take up to {@code grace} to finish: long enough
   * to ask a person a question and act on the answer.
   */
  default int whileWaiting(Duration grace, Function<Cancellation, Integer> body) {
    return whileWaiting(body);
  }

  /** Ctrl-C (SIGINT) and SIGTERM through a shutdown hook that waits for the body's final report. */
  static Interrupts system() {
    return new Interrupts() {
      @Override public int whileWaiting(Function<Cancellation, Integer> body) {
        return whileWaiting(SHUTDOWN_GRACE, body);
      }

      @Override public int whileWaiting(Duration grace, Function<Cancellation, Integer> body) {
        Cancellation cancellation = new Cancellation();
        CountDownLatch reported = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
          cancellation.cancel();
          try {
            reported.await(grace.toMillis(), TimeUnit.MILLISECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }, "ecsctl-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
          return body.apply(cancellation);
        } finally {
          reported.countDown();
          try {
            Runtime.getRuntime().removeShutdownHook(hook);
          } catch (IllegalStateException shuttingDown) {
            // Ctrl-C arrived: the hook is running and the JVM is exiting with 130.
          }
        }
      }
    };
  }

  /** How long the shutdown hook lets a drain report its state after Ctrl-C: an in-flight API call times out first. */
  Duration SHUTDOWN_GRACE = Duration.ofSeconds(15);

  /** A given cancellation, for tests. */
  static Interrupts using(Cancellation cancellation) {
    return body -> body.apply(cancellation);
  }
}

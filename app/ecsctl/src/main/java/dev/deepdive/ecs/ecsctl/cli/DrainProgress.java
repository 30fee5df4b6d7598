package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.DrainListener;
import dev.deepdive.ecs.ecsctl.ops.ServiceOutcome;
import dev.deepdive.ecs.ecsctl.ops.TimeSource;
import java.io.PrintWriter;

/** Drain progress on stderr, one line per change, prefixed with the seconds since the start. */
final class DrainProgress implements DrainListener {
  private final PrintWriter err;
  private final TimeSource time;
  private final long start;

  DrainProgress(PrintWriter err, TimeSource time) {
    this.err = err;
    this.time = time;
    this.start = time.nanoTime();
  }

  @Override public synchronized void scalingSuspended(String service, int minCount, int maxCount) {
    line(service + ": auto scaling suspended (min " + minCount + ", max " + maxCount + "), so it cannot scale"
        + " the service back up; it stays suspended");
  }

  @Override public synchronized void scaledToZero(String service, int previousDesiredCount) {
    line(service + ": desired count " + previousDesiredCount + " -> 0");
  }

  @Override public synchronized void progress(String service, String status, int desired, int running, int pending,
      String latestEvent) {
    line(service + ": " + status + ", desired " + desired + ", running " + running + ", pending " + pending
        + (latestEvent == null ? "" : " | " + latestEvent));
  }

  @Override public synchronized void deleting(String service) {
    line(service + ": no task left; deleting");
  }

  @Override public synchronized void warning(String message) {
    line("warning: " + message);
  }

  @Override public synchronized void finished(ServiceOutcome outcome) {
    line(outcome.service() + ": " + outcome.outcome().json());
  }

  private void line(String text) {
    double seconds = (time.nanoTime() - start) / 1e9;
    err.println(String.format("[%6.1fs] %s", seconds, text));
    err.flush();
  }
}

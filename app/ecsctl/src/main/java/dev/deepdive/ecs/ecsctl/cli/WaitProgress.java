package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.ServiceWaiter;
import dev.deepdive.ecs.ecsctl.ops.TimeSource;
import java.io.PrintWriter;

/**
 * Progress of a wait on stderr. On a terminal, one line rewritten in place (carriage return); otherwise, for
 * logs and CI, one line per change, prefixed with the seconds since the start, like drain-delete's.
 */
final class WaitProgress implements ServiceWaiter.Listener {
  private final PrintWriter err;
  private final TimeSource time;
  private final boolean terminal;
  private final String service;
  private final long start;
  private int lastWidth;

  WaitProgress(PrintWriter err, TimeSource time, boolean terminal, String service) {
    this.err = err;
    this.time = time;
    this.terminal = terminal;
    this.service = service;
    this.start = time.nanoTime();
  }

  @Override public synchronized void changed(ServiceWaiter.State s) {
    String text = String.format("[%6.1fs] %s: %s, desired %d, running %d, pending %d, %d deployment%s%s%s",
        (time.nanoTime() - start) / 1e9, service, s.status(), s.desiredCount(), s.runningCount(), s.pendingCount(),
        s.deployments(), s.deployments() == 1 ? "" : "s",
        s.rolloutState() == null ? "" : ", rollout " + s.rolloutState(),
        s.latestEvent() == null ? "" : " | " + s.latestEvent());
    if (terminal) {
      err.print("\r" + text + " ".repeat(Math.max(0, lastWidth - text.length())));
      lastWidth = text.length();
    } else {
      err.println(text);
    }
    err.flush();
  }

  @Override public synchronized void warning(String message) {
    end();
    err.println("warning: " + message);
    err.flush();
  }

  /** Ends the rewritten line, so what follows starts on its own. */
  synchronized void end() {
    if (terminal && lastWidth > 0) {
      err.println();
      err.flush();
      lastWidth = 0;
    }
  }
}

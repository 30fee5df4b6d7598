package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.TaskState;
import dev.deepdive.ecs.ecsctl.ops.TaskWatchListener;
import dev.deepdive.ecs.ecsctl.ops.TimeSource;
import java.io.PrintWriter;

/** Task progress on stderr, one line per change, prefixed with the seconds since the start (as drain-delete's). */
final class TaskProgress implements TaskWatchListener {
  private final PrintWriter err;
  private final TimeSource time;
  private final long start;

  TaskProgress(PrintWriter err, TimeSource time) {
    this.err = err;
    this.time = time;
    this.start = time.nanoTime();
  }

  @Override public synchronized void changed(TaskState before, TaskState t) {
    if (t.stopped()) {
      line(t.taskId() + ": STOPPED" + (t.stopCode() == null ? "" : " (" + t.stopCode() + ")")
          + (t.stoppedReason() == null ? "" : ": " + t.stoppedReason()) + " | " + TaskPrinter.exits(t));
      return;
    }
    String where = t.containerInstanceId() == null ? ""
        : " on container instance " + t.containerInstanceId() + " in " + t.availabilityZone();
    line(t.taskId() + ": " + t.lastStatus() + (t.desiredStatus() == null || "RUNNING".equals(t.desiredStatus())
        ? "" : ", desired " + t.desiredStatus()) + where);
  }

  @Override public synchronized void warning(String message) {
    line("warning: " + message);
  }

  /** A line about the run as a whole, e.g. what was launched. */
  synchronized void note(String text) {
    line(text);
  }

  private void line(String text) {
    double seconds = (time.nanoTime() - start) / 1e9;
    err.println(String.format("[%6.1fs] %s", seconds, text));
    err.flush();
  }
}

package dev.deepdive.ecs.ecsctl.ops;

/** What {@link TaskWatcher} reports while it waits; called from the waiting thread. */
public interface TaskWatchListener {

  /** {@code task} changed status, desired status, health or a container's state; {@code before} is null at first. */
  void changed(TaskState before, TaskState task);

  /** A poll failed after the SDK's retries with an error that may pass; the wait goes on. */
  void warning(String message);

  /** Reports nothing. */
  TaskWatchListener NONE = new TaskWatchListener() {
    @Override public void changed(TaskState before, TaskState task) {}

    @Override public void warning(String message) {}
  };
}

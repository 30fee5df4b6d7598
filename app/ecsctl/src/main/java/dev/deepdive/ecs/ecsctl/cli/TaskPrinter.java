package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.TaskState;
import dev.deepdive.ecs.ecsctl.ops.TaskState.ContainerState;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** Tasks as text: one table row per task ({@code tasks list}), or a block per task with its containers. */
final class TaskPrinter {
  private TaskPrinter() {}

  /** One row per task: status, health, where it runs, when it started and stopped, and why it stopped. */
  static void table(PrintWriter out, List<TaskState> tasks) {
    TextTable table = new TextTable("TASK", "TASK DEFINITION", "LAST STATUS", "DESIRED", "HEALTH", "INSTANCE", "AZ",
        "STARTED", "STOPPED", "STOP CODE", "STOPPED REASON");
    for (TaskState t : tasks) {
      table.row(t.taskId(), t.taskDefinition(), t.lastStatus(), t.desiredStatus(), t.healthStatus(),
          t.containerInstanceId(), t.availabilityZone(), t.startedAt(), t.stoppedAt(), t.stopCode(),
          t.stoppedReason());
    }
    table.print(out);
  }

  /** A block per task: status line, where, when, why it stopped, and a table of its containers. */
  static void detail(PrintWriter out, TaskState t) {
    out.println(t.taskId() + " (" + t.taskDefinition() + "): " + t.lastStatus() + ", desired " + t.desiredStatus()
        + ", health " + dash(t.healthStatus()));
    out.println("  group: " + dash(t.group()) + ", started by: " + dash(t.startedBy()));
    out.println("  container instance: " + dash(t.containerInstanceId()) + " in " + dash(t.availabilityZone())
        + (t.capacityProvider() == null ? "" : " (capacity provider " + t.capacityProvider() + ")"));
    out.println("  created " + dash(t.createdAt()) + ", started " + dash(t.startedAt()) + ", stopped "
        + dash(t.stoppedAt()));
    if (t.stopCode() != null || t.stoppedReason() != null) {
      out.println("  stopped because: " + (t.stopCode() == null ? "" : t.stopCode() + ": ") + dash(t.stoppedReason()));
    }
    TextTable containers = new TextTable("CONTAINER", "ESSENTIAL", "STATUS", "EXIT", "HEALTH", "REASON");
    for (ContainerState c : t.containers()) {
      containers.row(c.name(), c.essential() == null ? null : (c.essential() ? "yes" : "no"), c.lastStatus(),
          c.exitCode(), c.healthStatus(), c.reason());
    }
    containers.print(out, "  ");
  }

  /** {@code migrate exit 0, xray exit 137}: the containers' exit codes in one line, "-" where none yet. */
  static String exits(TaskState t) {
    return t.containers().stream().map(c -> c.name() + " exit " + (c.exitCode() == null ? "-" : c.exitCode()))
        .collect(Collectors.joining(", "));
  }

  private static String dash(String value) {
    return value == null ? "-" : value;
  }
}

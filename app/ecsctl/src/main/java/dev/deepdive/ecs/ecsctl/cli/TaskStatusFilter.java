package dev.deepdive.ecs.ecsctl.cli;

import java.util.List;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;

/**
 * {@code tasks list --desired-status}: ECS's desired statuses a task can have, or both. Lower case: it is typed.
 * PENDING is not offered: ECS never sets it as a desired status, so that filter lists nothing
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListTasks.html).
 */
public enum TaskStatusFilter {
  running(List.of(DesiredStatus.RUNNING)),
  stopped(List.of(DesiredStatus.STOPPED)),
  any(List.of(DesiredStatus.RUNNING, DesiredStatus.STOPPED));

  private final List<DesiredStatus> statuses;

  TaskStatusFilter(List<DesiredStatus> statuses) {
    this.statuses = statuses;
  }

  List<DesiredStatus> statuses() {
    return statuses;
  }
}

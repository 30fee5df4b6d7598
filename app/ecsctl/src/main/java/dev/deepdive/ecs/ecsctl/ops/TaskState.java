package dev.deepdive.ecs.ecsctl.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * One ECS task as ecsctl shows it: where it runs, its status, times and, once stopped, why and with which exit codes.
 * Times are ISO-8601 instants; fields ECS has not set (yet) are null and left out of JSON.
 *
 * @param taskId the last segment of the task ARN, what people type into {@code tasks describe|stop}
 * @param taskDefinition {@code family:revision}
 * @param group {@code service:NAME} for a service's tasks, {@code family:NAME} for tasks run by hand (ECS's default)
 * @param startedBy who started it: a service deployment ID, {@code ecsctl}, an EventBridge Scheduler schedule, ...
 * @param lastStatus PROVISIONING, PENDING, ACTIVATING, RUNNING, DEACTIVATING, STOPPING, DEPROVISIONING or STOPPED
 * @param desiredStatus RUNNING or STOPPED
 * @param healthStatus HEALTHY, UNHEALTHY or UNKNOWN (no container health check)
 * @param containerInstanceId the container instance's ID (last segment of its ARN)
 * @param availabilityZone e.g. {@code eu-west-1a}
 * @param stopCode ECS's stop code, e.g. {@code EssentialContainerExited}, {@code TaskFailedToStart},
 *                 {@code UserInitiated}
 * @param containers in the order ECS lists them
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskState(
    String taskId,
    String taskArn,
    String taskDefinition,
    String group,
    String startedBy,
    String lastStatus,
    String desiredStatus,
    String healthStatus,
    String containerInstanceId,
    String availabilityZone,
    String capacityProvider,
    String createdAt,
    String startedAt,
    String stoppingAt,
    String stoppedAt,
    String stopCode,
    String stoppedReason,
    List<ContainerState> containers) {

  /** ECS's final task status. */
  public static final String STOPPED = "STOPPED";

  /**
   * One container of the task.
   *
   * @param essential from the task definition; null where ecsctl did not look it up
   * @param exitCode set once the container has exited; null if it never ran (image pull failed, task never placed)
   * @param reason why it stopped, from the ECS agent (e.g.
   *               {@code OutOfMemoryError: Container killed due to memory usage})
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ContainerState(String name, Boolean essential, String lastStatus, Integer exitCode, String reason,
      String healthStatus) {}

  /**
   * The task as ECS describes it; {@code essential} gives each container's flag from the task definition (containers
   * missing from it get null).
   */
  public static TaskState of(Task t, Map<String, Boolean> essential) {
    List<ContainerState> containers = t.containers().stream().map(c -> container(c, essential)).toList();
    return new TaskState(Arns.lastSegment(t.taskArn()), t.taskArn(), Arns.lastSegment(t.taskDefinitionArn()),
        t.group(), t.startedBy(), t.lastStatus(), t.desiredStatus(), t.healthStatusAsString(),
        Arns.lastSegment(t.containerInstanceArn()), t.availabilityZone(), t.capacityProviderName(),
        iso(t.createdAt()), iso(t.startedAt()), iso(t.stoppingAt()), iso(t.stoppedAt()), t.stopCodeAsString(),
        t.stoppedReason(), containers);
  }

  private static ContainerState container(Container c, Map<String, Boolean> essential) {
    return new ContainerState(c.name(), essential.get(c.name()), c.lastStatus(), c.exitCode(), c.reason(),
        c.healthStatusAsString());
  }

  public boolean stopped() {
    return STOPPED.equals(lastStatus);
  }

  /** Same status, desired status, health and container exits: nothing worth a progress line changed. */
  public boolean sameProgress(TaskState other) {
    return other != null && Objects.equals(lastStatus, other.lastStatus)
        && Objects.equals(desiredStatus, other.desiredStatus)
        && Objects.equals(healthStatus, other.healthStatus)
        && Objects.equals(containers, other.containers);
  }

  static String iso(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}

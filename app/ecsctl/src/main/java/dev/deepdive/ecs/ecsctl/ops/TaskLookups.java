package dev.deepdive.ecs.ecsctl.ops;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.Task;

/** Task look-ups: the tasks of a cluster by service, family, starter or container instance, and tasks by ID. */
public final class TaskLookups {
  /** ListTasks returns at most 100 task ARNs per page. */
  static final int PAGE_SIZE = 100;

  private final EcsClient ecs;

  public TaskLookups(EcsClient ecs) {
    this.ecs = Objects.requireNonNull(ecs, "ecs");
  }

  /**
   * Which tasks {@link #list} returns; null fields do not filter. ECS combines the filters, except that
   * {@code startedBy} must be the only one
   * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListTasks.html).
   *
   * @param statuses desired statuses to list, each one ListTasks call: RUNNING (the API's default) and/or STOPPED;
   *                 ECS never sets a desired status of PENDING, so that filter would list nothing
   */
  public record TaskFilter(String service, String family, String startedBy, String containerInstance,
      List<DesiredStatus> statuses) {
    public TaskFilter {
      statuses = List.copyOf(statuses);
      if (statuses.isEmpty()) {
        throw new IllegalArgumentException("statuses: at least one desired status");
      }
      if (statuses.contains(DesiredStatus.PENDING)) {
        throw new IllegalArgumentException("statuses: ECS never sets a desired status of PENDING");
      }
      if (startedBy != null && (service != null || family != null || containerInstance != null)) {
        throw new IllegalArgumentException("startedBy must be the only filter (ListTasks' rule)");
      }
    }
  }

  /** Tasks of {@code cluster} matching {@code filter}, newest first; ECS lists stopped tasks for about an hour. */
  public List<TaskState> list(String cluster, TaskFilter filter) {
    List<String> arns = new ArrayList<>();
    for (DesiredStatus status : filter.statuses()) {
      ecs.listTasksPaginator(r -> request(r, cluster, filter, status)).taskArns().forEach(arns::add);
    }
    TaskDescriptions.Found found = TaskDescriptions.describe(ecs, cluster, arns);
    List<TaskState> out = new ArrayList<>();
    // A task stopped and forgotten between ListTasks and DescribeTasks is simply not listed.
    found.tasks().values().forEach(t -> out.add(TaskState.of(t, Map.of())));
    out.sort(Comparator.comparing(TaskState::createdAt, Comparator.nullsLast(Comparator.reverseOrder())));
    return out;
  }

  private static void request(ListTasksRequest.Builder r, String cluster, TaskFilter filter, DesiredStatus status) {
    r.cluster(cluster).desiredStatus(status).maxResults(PAGE_SIZE);
    if (filter.service() != null) {
      r.serviceName(filter.service());
    }
    if (filter.family() != null) {
      r.family(filter.family());
    }
    if (filter.startedBy() != null) {
      r.startedBy(filter.startedBy());
    }
    if (filter.containerInstance() != null) {
      r.containerInstance(filter.containerInstance());
    }
  }

  /**
   * Tasks described, in the order asked, with each container's essential flag from its task definition.
   *
   * @param missing IDs or ARNs ECS does not know (never existed, or stopped more than about an hour ago)
   */
  public record Described(List<TaskState> tasks, List<String> missing) {}

  /** Describes {@code tasks} (IDs or ARNs) in {@code cluster}. */
  public Described describe(String cluster, List<String> tasks) {
    TaskDescriptions.Found found = TaskDescriptions.describe(ecs, cluster, tasks);
    Map<String, Map<String, Boolean>> essentialByDefinition = new HashMap<>();
    List<TaskState> out = new ArrayList<>();
    for (Task t : found.tasks().values()) {
      Map<String, Boolean> essential = essentialByDefinition.computeIfAbsent(t.taskDefinitionArn(), this::essential);
      out.add(TaskState.of(t, essential));
    }
    return new Described(out, found.missing());
  }

  private Map<String, Boolean> essential(String taskDefinitionArn) {
    try {
      return new TaskLauncher(ecs).definition(taskDefinitionArn).essentialByContainer();
    } catch (NotFoundException e) {
      // Deleted revisions cannot be described; the task is shown without the flags.
      return Map.of();
    }
  }
}

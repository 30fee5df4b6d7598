package dev.deepdive.ecs.ecsctl.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.StartTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

/**
 * Starts and stops tasks that no service owns: {@code RunTask} (ECS places them), {@code StartTask} (on the container
 * instances you name) and {@code StopTask}.
 *
 * <p>RunTask is sent without a launch type and without a capacity provider strategy, so ECS uses the cluster's default
 * capacity provider strategy, the one the environment's services use
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html). It carries a client token, which makes
 * the SDK's retries of a lost answer safe; StartTask has none and is retried on throttling only
 * ({@link ThrottlingOnlyRetries}). Both mark their tasks {@code startedBy: ecsctl}.
 */
public final class TaskLauncher {
  /** The {@code startedBy} of every task ecsctl launches: {@code ecsctl tasks list --started-by ecsctl} finds them. */
  public static final String STARTED_BY = "ecsctl";
  /** RunTask starts at most 10 tasks per call. */
  public static final int MAX_RUN_COUNT = 10;
  /** StartTask takes at most 10 container instances per call (API_StartTask.html). */
  public static final int MAX_CONTAINER_INSTANCES = 10;

  private final EcsClient ecs;

  public TaskLauncher(EcsClient ecs) {
    this.ecs = Objects.requireNonNull(ecs, "ecs");
  }

  /**
   * A task definition revision resolved before launching.
   *
   * @param taskDefinition {@code family:revision}
   * @param status ACTIVE or INACTIVE
   * @param containers every container's name, in the task definition's order
   * @param essentialContainers those marked essential (ECS's default when the flag is absent)
   */
  public record Definition(String taskDefinition, String arn, String status, List<String> containers,
      List<String> essentialContainers) {

    /** Each container's essential flag, for {@link TaskState#of}. */
    public Map<String, Boolean> essentialByContainer() {
      Map<String, Boolean> out = new LinkedHashMap<>();
      containers.forEach(c -> out.put(c, essentialContainers.contains(c)));
      return out;
    }
  }

  /**
   * Describes {@code taskDefinition} ({@code family}, {@code family:revision} or an ARN; a family alone resolves to
   * its latest ACTIVE revision).
   *
   * @throws NotFoundException (code TaskDefinitionNotFound) if ECS does not know it
   */
  public Definition definition(String taskDefinition) {
    TaskDefinitionLookups.TaskDefinitionDetail td = new TaskDefinitionLookups(ecs).describe(taskDefinition);
    List<String> containers = td.containers().stream().map(TaskDefinitionLookups.ContainerSummary::name).toList();
    // A container without the essential flag is essential (the "essential" parameter in
    // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html).
    List<String> essential = td.containers().stream().filter(c -> !Boolean.FALSE.equals(c.essential()))
        .map(TaskDefinitionLookups.ContainerSummary::name).toList();
    return new Definition(td.family() + ":" + td.revision(), td.arn(), td.status(), containers, essential);
  }

  /** RunTask: {@code count} (1 to {@link #MAX_RUN_COUNT}) tasks of {@code definition}, placed by ECS. */
  public LaunchedTasks run(String cluster, Definition definition, int count, List<ContainerOverrideSpec> overrides) {
    if (count < 1 || count > MAX_RUN_COUNT) {
      throw new IllegalArgumentException("count must be 1 to " + MAX_RUN_COUNT + ", got " + count);
    }
    RunTaskResponse response = ecs.runTask(r -> {
      r.cluster(cluster).taskDefinition(definition.arn()).count(count).startedBy(STARTED_BY)
          .clientToken(UUID.randomUUID().toString());
      overrides(overrides).ifPresent(r::overrides);
    });
    return launched(cluster, definition, count, response.tasks(), response.failures());
  }

  /** StartTask: one task of {@code definition} on each of {@code containerInstances} (IDs or ARNs, 1 to 10). */
  public LaunchedTasks start(String cluster, Definition definition, List<String> containerInstances,
      List<ContainerOverrideSpec> overrides) {
    if (containerInstances.isEmpty() || containerInstances.size() > MAX_CONTAINER_INSTANCES) {
      throw new IllegalArgumentException("container instances must be 1 to " + MAX_CONTAINER_INSTANCES + ", got "
          + containerInstances.size());
    }
    StartTaskResponse response = ecs.startTask(r -> {
      r.cluster(cluster).taskDefinition(definition.arn()).containerInstances(containerInstances)
          .startedBy(STARTED_BY)
          .overrideConfiguration(o -> o.addPlugin(ThrottlingOnlyRetries.PLUGIN));
      overrides(overrides).ifPresent(r::overrides);
    });
    return launched(cluster, definition, containerInstances.size(), response.tasks(), response.failures());
  }

  private static Optional<TaskOverride> overrides(List<ContainerOverrideSpec> overrides) {
    if (overrides.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(TaskOverride.builder()
        .containerOverrides(overrides.stream().map(ContainerOverrideSpec::toSdk).toList()).build());
  }

  private static LaunchedTasks launched(String cluster, Definition definition, int requested, List<Task> tasks,
      List<Failure> failures) {
    Map<String, Boolean> essential = definition.essentialByContainer();
    return new LaunchedTasks(cluster, definition.taskDefinition(), definition.essentialContainers(), requested,
        tasks.stream().map(t -> TaskState.of(t, essential)).toList(),
        failures.stream().map(f -> LaunchedTasks.PlacementFailure.of(f.arn(), f.reason(), f.detail())).toList());
  }

  /** What StopTask did to one task. {@code outcome}: stop-requested, already-stopped, not-found or failed. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record StopOutcome(String task, String outcome, String lastStatus, String errorCode, String message) {
    public static final String STOP_REQUESTED = "stop-requested";
    public static final String ALREADY_STOPPED = "already-stopped";
    public static final String NOT_FOUND = "not-found";
    public static final String FAILED = "failed";
  }

  /**
   * StopTask for each of {@code tasks} (IDs or ARNs) with {@code reason} (shown as the task's stopped reason). ECS
   * sends the containers SIGTERM, then SIGKILL after their stop timeout. Each task gets its own outcome: one failure
   * does not keep the others running.
   */
  public List<StopOutcome> stop(String cluster, List<String> tasks, String reason) {
    List<StopOutcome> out = new ArrayList<>();
    for (String task : ServiceDescriptions.distinct(tasks)) {
      try {
        Task stopped = ecs.stopTask(r -> r.cluster(cluster).task(task).reason(reason)).task();
        boolean already = TaskState.STOPPED.equals(stopped.lastStatus());
        out.add(new StopOutcome(task, already ? StopOutcome.ALREADY_STOPPED : StopOutcome.STOP_REQUESTED,
            stopped.lastStatus(), null, already ? "already stopped; nothing to do" : "stop requested"));
      } catch (InvalidParameterException e) {
        // ECS answers an unknown task with InvalidParameterException "The referenced task was not found."
        boolean notFound = AwsErrors.message(e).toLowerCase(Locale.ROOT).contains("not found");
        out.add(new StopOutcome(task, notFound ? StopOutcome.NOT_FOUND : StopOutcome.FAILED, null,
            AwsErrors.code(e), AwsErrors.message(e)));
      } catch (ClusterNotFoundException e) {
        // Every task would fail alike: one error for the command.
        throw e;
      } catch (SdkException e) {
        out.add(new StopOutcome(task, StopOutcome.FAILED, null, AwsErrors.code(e), AwsErrors.message(e)));
      }
    }
    return out;
  }
}

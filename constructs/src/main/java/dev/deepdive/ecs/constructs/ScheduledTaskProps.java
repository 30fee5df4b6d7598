package dev.deepdive.ecs.constructs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionDocument;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A task that EventBridge Scheduler runs on the cluster (a nightly report, a weekly clean-up).
 *
 * @param task               what runs, with which permissions and logs, on which cluster
 * @param schedule           when: {@code cron(...)}, {@code rate(...)} or {@code at(...)}, with an optional time zone
 * @param taskCount          tasks per run, 1 to 10 (RunTask's count)
 * @param containerOverrides changes to containers' command and environment for these runs; each container once
 * @param retryPolicy        how long and how often Scheduler retries a RunTask call that fails before the failed
 *                           invocation goes to the dead-letter queue
 * @param enabled            false keeps the schedule but runs nothing (state DISABLED)
 */
public record ScheduledTaskProps(
    StandaloneTaskProps task,
    TaskSchedule schedule,
    int taskCount,
    List<ContainerOverride> containerOverrides,
    RetryPolicy retryPolicy,
    boolean enabled) {

  /** RunTask starts at most 10 tasks per call (API_RunTask.html in the ECS API reference). */
  public static final int MAX_TASK_COUNT = 10;
  /** ECS accepts at most 8192 characters of overrides JSON per RunTask (API_RunTask.html, overrides). */
  public static final int MAX_OVERRIDES_CHARACTERS = 8192;

  /**
   * A container's command and environment for the scheduled runs.
   *
   * @param container   a container of the task definition
   * @param command     replaces the container's command (Docker's CMD); empty keeps it
   * @param environment variables added or replaced, in order
   */
  public record ContainerOverride(String container, List<String> command, Map<String, String> environment) {
    public ContainerOverride {
      Objects.requireNonNull(container, "container");
      command = List.copyOf(command);
      environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
      if (command.isEmpty() && environment.isEmpty()) {
        throw new IllegalArgumentException("containerOverrides: the override of container '" + container
            + "' changes nothing; give a command or environment");
      }
    }

    /** RunTask's {@code containerOverrides[]} item, in ECS's JSON field names. */
    Map<String, Object> toRunTaskJson() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("name", container);
      if (!command.isEmpty()) {
        out.put("command", command);
      }
      if (!environment.isEmpty()) {
        List<Map<String, String>> env = new ArrayList<>();
        environment.forEach((name, value) -> {
          Map<String, String> pair = new LinkedHashMap<>();
          pair.put("name", name);
          pair.put("value", value);
          env.add(pair);
        });
        out.put("environment", env);
      }
      return out;
    }
  }

  /**
   * EventBridge Scheduler's retry policy for a failed RunTask call
   * (https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule-retry-policy.html).
   *
   * @param maximumRetryAttempts   0 to 185
   * @param maximumEventAgeSeconds how long an invocation may keep being retried, 60 to 86400 seconds
   */
  public record RetryPolicy(int maximumRetryAttempts, int maximumEventAgeSeconds) {
    /**
     * 3 attempts within 1 hour: a RunTask that fails for lack of capacity gets a few chances while the capacity
     * provider scales out, and a job does not start many hours late (Scheduler's own default is 185 attempts within
     * 24 hours).
     */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, 3600);

    public RetryPolicy {
      if (maximumRetryAttempts < 0 || maximumRetryAttempts > 185) {
        throw new IllegalArgumentException("maximumRetryAttempts: must be 0 to 185, got " + maximumRetryAttempts);
      }
      if (maximumEventAgeSeconds < 60 || maximumEventAgeSeconds > 86400) {
        throw new IllegalArgumentException("maximumEventAgeSeconds: must be 60 to 86400, got "
            + maximumEventAgeSeconds);
      }
    }
  }

  public ScheduledTaskProps {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(schedule, "schedule");
    containerOverrides = List.copyOf(containerOverrides);
    Objects.requireNonNull(retryPolicy, "retryPolicy");
    TaskDefinitionDocument taskDefinition = task.taskDefinition();
    if (taskCount < 1 || taskCount > MAX_TASK_COUNT) {
      throw new IllegalArgumentException("taskCount: must be 1 to " + MAX_TASK_COUNT + " (RunTask's limit), got "
          + taskCount);
    }
    List<String> seen = new ArrayList<>();
    for (ContainerOverride o : containerOverrides) {
      if (!taskDefinition.containerNames().contains(o.container())) {
        throw new IllegalArgumentException("containerOverrides: container '" + o.container() + "' is not in "
            + taskDefinition.displayPath() + "; its containers: " + String.join(", ", taskDefinition.containerNames()));
      }
      if (seen.contains(o.container())) {
        throw new IllegalArgumentException("containerOverrides: container '" + o.container()
            + "' appears twice; put its command and environment in one override");
      }
      seen.add(o.container());
    }
    String tooLong = overridesProblem(containerOverrides);
    if (tooLong != null) {
      throw new IllegalArgumentException("containerOverrides: " + tooLong);
    }
  }

  /**
   * What is wrong with {@code overrides} as a whole, or null: more RunTask overrides JSON than ECS accepts
   * ({@value #MAX_OVERRIDES_CHARACTERS} characters). The rule's one owner, also for environment files.
   */
  public static String overridesProblem(List<ContainerOverride> overrides) {
    int length = overridesJson(overrides).map(String::length).orElse(0);
    if (length <= MAX_OVERRIDES_CHARACTERS) {
      return null;
    }
    return length + " characters of RunTask overrides JSON, more than the " + MAX_OVERRIDES_CHARACTERS
        + " ECS accepts; move long values into the task definition";
  }

  /**
   * The overrides as RunTask's {@code overrides} JSON ({@code {"containerOverrides": [...]}}), which the schedule
   * passes as its target input; empty without overrides.
   */
  public Optional<String> runTaskOverrides() {
    return overridesJson(containerOverrides);
  }

  private static Optional<String> overridesJson(List<ContainerOverride> containerOverrides) {
    if (containerOverrides.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> overrides = new LinkedHashMap<>();
    overrides.put("containerOverrides", containerOverrides.stream().map(ContainerOverride::toRunTaskJson).toList());
    try {
      return Optional.of(JSON.writeValueAsString(overrides));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render container overrides", e);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
}

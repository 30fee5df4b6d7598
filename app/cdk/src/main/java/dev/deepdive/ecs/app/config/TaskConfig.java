package dev.deepdive.ecs.app.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One task no service owns, an item of {@code tasks}, bound from the file with defaults applied (ranges and defaults
 * in app/environment.schema.json): run on a schedule by EventBridge Scheduler, or, without a schedule, by hand
 * ({@code ecsctl run-task --task-definition <family>}), for example a database migration. Either way it gets its
 * task definition, roles and log group, as a service does.
 *
 * @param name a name unique among the environment's tasks, like a service name; the log stream prefix
 * @param taskDefinition a file name in {@link EnvironmentConfig#taskDefinitionsDir()}, e.g. {@code migrate.json}
 * @param schedule an EventBridge Scheduler expression ({@code cron(...)}, {@code rate(...)}, {@code at(...)});
 *     empty for a task run by hand
 * @param scheduleTimezone an IANA time zone for {@code cron} and {@code at}; empty for UTC
 * @param count tasks per scheduled run, 1 to 10; default 1 (also the count the placement check places)
 * @param containerOverrides command and environment changes for the scheduled runs, each container once
 * @param retryPolicy how Scheduler retries a failed RunTask before dead-lettering it
 * @param enabled false keeps the schedule but runs nothing; default true
 * @param taskRole what the task's containers may do; empty gives a role without permissions
 * @param logRetentionDays days the task's log group keeps events; default 30
 * @param path where the task sits in its file, e.g. {@code tasks[0]}, for messages the app adds; set by
 *     {@link EnvironmentConfig}, not read from the file
 */
public record TaskConfig(
    String name,
    String taskDefinition,
    Optional<String> schedule,
    Optional<String> scheduleTimezone,
    int count,
    List<ContainerOverrideConfig> containerOverrides,
    RetryPolicyConfig retryPolicy,
    boolean enabled,
    Optional<TaskRoleConfig> taskRole,
    int logRetentionDays,
    String path) {
  public TaskConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(taskDefinition, "taskDefinition");
    schedule = schedule == null ? Optional.empty() : schedule;
    scheduleTimezone = scheduleTimezone == null ? Optional.empty() : scheduleTimezone;
    containerOverrides = containerOverrides == null ? List.of() : List.copyOf(containerOverrides);
    Objects.requireNonNull(retryPolicy, "retryPolicy");
    taskRole = taskRole == null ? Optional.empty() : taskRole;
    path = path == null ? "tasks[?]" : path;
  }

  /** This task at {@code path} in its file. */
  TaskConfig at(String path) {
    return new TaskConfig(name, taskDefinition, schedule, scheduleTimezone, count, containerOverrides, retryPolicy,
        enabled, taskRole, logRetentionDays, path);
  }

  /** The task role's Allow statements in file order; empty without a {@code taskRole}. */
  public List<PolicyStatementConfig> taskRoleStatements() {
    return taskRole.map(TaskRoleConfig::statements).orElse(List.of());
  }

  /**
   * One container's command and environment for the scheduled runs.
   *
   * @param command replaces the container's command; empty keeps the task definition's
   * @param environment variables added or replaced, in file order
   */
  public record ContainerOverrideConfig(String container, List<String> command, Map<String, String> environment) {
    public ContainerOverrideConfig {
      Objects.requireNonNull(container, "container");
      command = command == null ? List.of() : List.copyOf(command);
      environment = environment == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }
  }

  /**
   * EventBridge Scheduler's retry policy for a failed RunTask call.
   *
   * @param maximumRetryAttempts 0 to 185; default 3
   * @param maximumEventAgeSeconds 60 to 86400; default 3600
   */
  public record RetryPolicyConfig(int maximumRetryAttempts, int maximumEventAgeSeconds) {}
}

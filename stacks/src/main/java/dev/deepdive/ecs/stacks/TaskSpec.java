package dev.deepdive.ecs.stacks;

import dev.deepdive.ecs.constructs.ScheduledTaskProps;
import dev.deepdive.ecs.constructs.TaskRoleGrant;
import dev.deepdive.ecs.constructs.TaskSchedule;
import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionDocument;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One task of an environment that no service owns, as the stacks need it.
 *
 * @param name               unique among the environment's tasks; its construct ID is the PascalCase form
 * @param taskDefinition     the parsed register-task-definition file
 * @param schedule           when EventBridge Scheduler runs it; empty for a task run by hand ({@code ecsctl run-task})
 * @param count              tasks per scheduled run
 * @param containerOverrides command and environment changes for the scheduled runs
 * @param retryPolicy        Scheduler's retries of a failed RunTask
 * @param enabled            false keeps the schedule but runs nothing
 * @param taskRoleGrants     what the containers may do
 * @param logRetentionDays   retention of the task's log group
 */
public record TaskSpec(
    String name,
    TaskDefinitionDocument taskDefinition,
    Optional<TaskSchedule> schedule,
    int count,
    List<ScheduledTaskProps.ContainerOverride> containerOverrides,
    ScheduledTaskProps.RetryPolicy retryPolicy,
    boolean enabled,
    List<TaskRoleGrant> taskRoleGrants,
    int logRetentionDays) {

  public TaskSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(taskDefinition, "taskDefinition");
    Objects.requireNonNull(schedule, "schedule");
    containerOverrides = List.copyOf(containerOverrides);
    Objects.requireNonNull(retryPolicy, "retryPolicy");
    taskRoleGrants = List.copyOf(taskRoleGrants);
  }
}

package dev.deepdive.ecs.constructs;

import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionDocument;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * A task no service owns: what it runs and with which permissions. A {@link StandaloneTask} is run by hand
 * ({@code ecsctl run-task}); a {@link ScheduledTask} by EventBridge Scheduler.
 *
 * @param taskName        names the task in role descriptions and its log stream prefix; like a service name
 * @param clusterCapacity where the tasks run: cluster, capacity provider, instance types, VPC and subnets, and what
 *                        the daemon services take on every instance (for the fit check)
 * @param taskDefinition  the parsed register-task-definition file
 * @param taskRoleGrants  what the containers may do; none means an empty task role
 * @param logRetention    retention of the task's log group
 * @param repositories    the environment's ECR repositories by short name, for {@code ecr://name:tag} images
 */
public record StandaloneTaskProps(
    String taskName,
    EcsServiceProps.ClusterCapacity clusterCapacity,
    TaskDefinitionDocument taskDefinition,
    List<TaskRoleGrant> taskRoleGrants,
    RetentionDays logRetention,
    Map<String, IRepository> repositories) {

  public StandaloneTaskProps {
    Objects.requireNonNull(taskName, "taskName");
    Objects.requireNonNull(clusterCapacity, "clusterCapacity");
    Objects.requireNonNull(taskDefinition, "taskDefinition");
    taskRoleGrants = List.copyOf(taskRoleGrants);
    Objects.requireNonNull(logRetention, "logRetention");
    repositories = Map.copyOf(repositories);
  }
}

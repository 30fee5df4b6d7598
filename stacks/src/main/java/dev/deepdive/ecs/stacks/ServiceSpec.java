package dev.deepdive.ecs.stacks;

import dev.deepdive.ecs.constructs.EcsServiceProps;
import dev.deepdive.ecs.constructs.ServiceAutoScaling;
import dev.deepdive.ecs.constructs.ServiceLoadBalancing;
import dev.deepdive.ecs.constructs.TaskRoleGrant;
import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionDocument;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One service of an environment, as the stacks need it: the parsed task definition and the service's settings.
 *
 * @param name                 the ECS service name
 * @param taskDefinition       the parsed register-task-definition file
 * @param desiredCount         tasks to run
 * @param deployment           rolling update bounds and circuit breaker
 * @param placementStrategy    spread (default) or binpack
 * @param placementConstraints {@code type} and optional {@code expression} each
 * @param taskRoleGrants       actions and resources the containers may use
 * @param logRetentionDays     retention of the service's log group
 * @param loadBalancer         the listener rule and target group settings; empty for a worker
 * @param autoScaling          Application Auto Scaling of the count; empty: {@code desiredCount} is the count
 * @param enableExecuteCommand ECS Exec on the service's tasks (the cluster then gets its execute-command setup)
 * @param schedulingStrategy   REPLICA, or DAEMON for one task on every container instance
 */
public record ServiceSpec(
    String name,
    TaskDefinitionDocument taskDefinition,
    int desiredCount,
    EcsServiceProps.Deployment deployment,
    EcsServiceProps.PlacementStrategy placementStrategy,
    List<Map<String, String>> placementConstraints,
    List<TaskRoleGrant> taskRoleGrants,
    int logRetentionDays,
    Optional<LoadBalancerRoute> loadBalancer,
    Optional<ServiceAutoScaling> autoScaling,
    boolean enableExecuteCommand,
    EcsServiceProps.SchedulingStrategy schedulingStrategy) {

  /** A REPLICA service. */
  public ServiceSpec(String name, TaskDefinitionDocument taskDefinition, int desiredCount,
      EcsServiceProps.Deployment deployment, EcsServiceProps.PlacementStrategy placementStrategy,
      List<Map<String, String>> placementConstraints, List<TaskRoleGrant> taskRoleGrants, int logRetentionDays,
      Optional<LoadBalancerRoute> loadBalancer, Optional<ServiceAutoScaling> autoScaling,
      boolean enableExecuteCommand) {
    this(name, taskDefinition, desiredCount, deployment, placementStrategy, placementConstraints, taskRoleGrants,
        logRetentionDays, loadBalancer, autoScaling, enableExecuteCommand, EcsServiceProps.SchedulingStrategy.REPLICA);
  }

  public ServiceSpec {
    Objects.requireNonNull(schedulingStrategy, "schedulingStrategy");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(taskDefinition, "taskDefinition");
    placementConstraints = List.copyOf(placementConstraints);
    taskRoleGrants = List.copyOf(taskRoleGrants);
    Objects.requireNonNull(loadBalancer, "loadBalancer");
    Objects.requireNonNull(autoScaling, "autoScaling");
  }

  public boolean daemon() {
    return schedulingStrategy == EcsServiceProps.SchedulingStrategy.DAEMON;
  }

  /** Where the load balancer sends the service's traffic, and how it checks and drains targets. */
  public record LoadBalancerRoute(String container, int containerPort, List<String> pathPatterns,
      List<String> hostHeaders, int priority, ServiceLoadBalancing.HealthCheck healthCheck,
      int deregistrationDelaySeconds, int healthCheckGracePeriodSeconds) {
    public LoadBalancerRoute {
      pathPatterns = List.copyOf(pathPatterns);
      hostHeaders = List.copyOf(hostHeaders);
    }
  }
}

package dev.deepdive.ecs.app.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One ECS service of an environment, an item of {@code services}, bound from the file with defaults applied
 * (ranges and defaults in app/environment.schema.json).
 *
 * @param name the ECS service name operators type, unique within the environment
 * @param taskDefinition a file name in {@link EnvironmentConfig#taskDefinitionsDir()}, e.g. {@code web.json};
 *     whether it exists is checked by the app
 * @param desiredCount tasks to run, 0 to 1000; with {@code autoScaling} (where the file may not give it) its
 *     minCount, which only the deployment check reads: the template leaves the count to the scaler
 * @param loadBalancer the listener rule and target group; empty for a worker service without one
 * @param deployment the rolling deployment settings
 * @param healthCheckGracePeriodSeconds seconds ECS ignores failing load balancer health checks after a task
 *     starts; the schema's default (60) when load balanced and not given, always empty without a load balancer
 * @param placement the placement strategy and constraints
 * @param taskRole what the service's task role may do; empty gives a role without permissions
 * @param logRetentionDays days the service's CloudWatch Logs group keeps events; default 30
 * @param autoScaling Application Auto Scaling of the count; empty: the count is {@code desiredCount}, which with
 *     autoScaling is its {@code minCount}
 * @param enableExecuteCommand ECS Exec on the service; default false
 * @param schedulingStrategy REPLICA (the default) or DAEMON: one task on every container instance, without desired
 *     count (0 here), autoScaling, load balancer or placement strategy
 * @param path where the service sits in its file, e.g. {@code services[0]}, for messages the app adds
 *     (prefix them with the file and this path); set by {@link EnvironmentConfig}, not read from the file
 */
public record ServiceConfig(
    String name,
    String taskDefinition,
    int desiredCount,
    Optional<ServiceLoadBalancerConfig> loadBalancer,
    DeploymentConfig deployment,
    Optional<Integer> healthCheckGracePeriodSeconds,
    PlacementConfig placement,
    Optional<TaskRoleConfig> taskRole,
    int logRetentionDays,
    Optional<AutoScalingConfig> autoScaling,
    boolean enableExecuteCommand,
    SchedulingStrategy schedulingStrategy,
    String path) {
  public ServiceConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(taskDefinition, "taskDefinition");
    loadBalancer = loadBalancer == null ? Optional.empty() : loadBalancer;
    Objects.requireNonNull(deployment, "deployment");
    // The schema's default applies to every service; a grace period means nothing without a load balancer (the
    // rules reject one given there), so only a load-balanced service keeps it.
    healthCheckGracePeriodSeconds = loadBalancer.isPresent() && healthCheckGracePeriodSeconds != null
        ? healthCheckGracePeriodSeconds : Optional.empty();
    Objects.requireNonNull(placement, "placement");
    taskRole = taskRole == null ? Optional.empty() : taskRole;
    autoScaling = autoScaling == null ? Optional.empty() : autoScaling;
    schedulingStrategy = schedulingStrategy == null ? SchedulingStrategy.REPLICA : schedulingStrategy;
    path = path == null ? "services[?]" : path;
  }

  /** This service at {@code path} in its file. */
  ServiceConfig at(String path) {
    return new ServiceConfig(name, taskDefinition, desiredCount, loadBalancer, deployment,
        healthCheckGracePeriodSeconds, placement, taskRole, logRetentionDays, autoScaling, enableExecuteCommand,
        schedulingStrategy, path);
  }

  /** The task role's Allow statements in file order; empty without a {@code taskRole}. */
  public List<PolicyStatementConfig> taskRoleStatements() {
    return taskRole.map(TaskRoleConfig::statements).orElse(List.of());
  }
}

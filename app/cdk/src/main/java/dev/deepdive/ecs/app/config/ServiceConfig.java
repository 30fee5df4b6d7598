package dev.deepdive.ecs.app.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One ECS service of an environment, an item of {@code services} with defaults applied.
 *
 * @param name the ECS service name operators type, unique within the environment
 * @param taskDefinition a file name in {@link EnvironmentConfig#taskDefinitionsDir()}, e.g. {@code web.json};
 *     whether it exists is checked by the app
 * @param desiredCount tasks to run, 0 to 1000; with {@code autoScaling} (where the file may not give it) its
 *     minCount, which only the deployment check reads: the template leaves the count to the scaler
 * @param loadBalancer the listener rule and target group; empty for a worker service without one
 * @param deployment the rolling deployment settings
 * @param healthCheckGracePeriodSeconds seconds ECS ignores failing load balancer health checks after a task
 *     starts; {@link ConfigDefaults#HEALTH_CHECK_GRACE_PERIOD_SECONDS} when load balanced and not given,
 *     always empty without a load balancer
 * @param placement the placement strategy and constraints
 * @param taskRoleStatements what the service's task role may do; empty gives a role without permissions
 * @param logRetentionDays days the service's CloudWatch Logs group keeps events; default
 *     {@link ConfigDefaults#LOG_RETENTION_DAYS}
 * @param autoScaling Application Auto Scaling of the count; empty: the count is {@code desiredCount}
 * @param enableExecuteCommand ECS Exec on the service; default {@link ConfigDefaults#ENABLE_EXECUTE_COMMAND}
 * @param path where the service sits in its file, e.g. {@code services[0]}, for messages the app adds
 *     (prefix them with the file and this path)
 */
public record ServiceConfig(
    String name,
    String taskDefinition,
    int desiredCount,
    Optional<ServiceLoadBalancerConfig> loadBalancer,
    DeploymentConfig deployment,
    Optional<Integer> healthCheckGracePeriodSeconds,
    PlacementConfig placement,
    List<PolicyStatementConfig> taskRoleStatements,
    int logRetentionDays,
    Optional<AutoScalingConfig> autoScaling,
    boolean enableExecuteCommand,
    String path) {
  public ServiceConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(taskDefinition, "taskDefinition");
    Objects.requireNonNull(loadBalancer, "loadBalancer");
    Objects.requireNonNull(deployment, "deployment");
    Objects.requireNonNull(healthCheckGracePeriodSeconds, "healthCheckGracePeriodSeconds");
    Objects.requireNonNull(placement, "placement");
    taskRoleStatements = List.copyOf(taskRoleStatements);
    Objects.requireNonNull(autoScaling, "autoScaling");
    Objects.requireNonNull(path, "path");
  }
}

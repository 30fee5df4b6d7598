package dev.deepdive.ecs.constructs;

import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionDocument;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * One ECS service on the cluster's container instances.
 *
 * @param serviceName            the ECS service name, the one operators type ({@code ecsctl drain-delete})
 * @param clusterCapacity        where tasks run: cluster, capacity provider, VPC and instance security group
 * @param taskDefinition         the parsed register-task-definition file
 * @param desiredCount           0 or more tasks; not written to the template with {@code autoScaling} (see
 *                               {@link EcsService}: CloudFormation then leaves the count to the scaler); 0 for a
 *                               {@link SchedulingStrategy#DAEMON} service, which takes none
 * @param deployment             rolling update bounds and the circuit breaker
 * @param placementStrategy      {@link PlacementStrategy#SPREAD} (ECS's default spread: zones, then instances) or {@link PlacementStrategy#BINPACK}
 * @param placementConstraints   ECS placement constraints, as {@code type} and optional {@code expression}
 * @param taskRoleGrants         what the containers may do; none means an empty task role
 * @param logRetention           retention of the service's log group
 * @param repositories           the environment's ECR repositories by short name, for {@code ecr://name:tag} images
 * @param loadBalancing          the load balancer attachment; empty for a service that takes no traffic
 * @param legacyServiceRole      true gives the service a legacy ECS service role of its own (from before
 *                               service-linked roles), allowed to register targets in its target group only; false
 *                               (the default of the environment files) means ECS registers targets with its
 *                               service-linked role, and no role is created
 * @param autoScaling            Application Auto Scaling of the desired count; empty: the count is {@code desiredCount}
 * @param executeCommand         ECS Exec on, with the cluster's key and audit records; empty: off
 * @param schedulingStrategy     {@link SchedulingStrategy#REPLICA} (the default: {@code desiredCount} tasks placed by
 *                               the strategy) or {@link SchedulingStrategy#DAEMON} (one task on every container
 *                               instance; {@code placementStrategy} is then not used)
 */
public record EcsServiceProps(
    String serviceName,
    ClusterCapacity clusterCapacity,
    TaskDefinitionDocument taskDefinition,
    int desiredCount,
    Deployment deployment,
    PlacementStrategy placementStrategy,
    List<Map<String, String>> placementConstraints,
    List<TaskRoleGrant> taskRoleGrants,
    RetentionDays logRetention,
    Map<String, IRepository> repositories,
    Optional<ServiceLoadBalancing> loadBalancing,
    boolean legacyServiceRole,
    Optional<ServiceAutoScaling> autoScaling,
    Optional<ExecuteCommandAccess> executeCommand,
    SchedulingStrategy schedulingStrategy) {

  /** ECS's scheduling strategies for a service (its own term). */
  public enum SchedulingStrategy {
    /** Keep {@code desiredCount} tasks, placed by the placement strategy. */
    REPLICA,
    /**
     * One task on every ACTIVE container instance that meets the placement constraints
     * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_service-options.html).
     */
    DAEMON
  }

  /** How tasks are spread over the container instances. */
  public enum PlacementStrategy {
    /** Spread over zones, then over instances: what the ECS service scheduler does by default. */
    SPREAD,
    /** Fill instances by memory first: fewer instances, less resilience. */
    BINPACK
  }

  /**
   * Where the service's tasks run: the cluster, its capacity provider and instance types, the VPC, the task
   * subnets and the container instances' security group.
   *
   * @param clusterName the cluster's name (a token); services of one stack share the token, so it is read from
   *                    the cluster once, not once per service
   * @param ecsReservedMemoryMiB the agent's {@code ECS_RESERVED_MEMORY} on the instances, in MiB (0 when not set):
   *                    memory no task gets, which the fit check subtracts
   */
  public record ClusterCapacity(String clusterName, String capacityProviderName, List<String> instanceTypes, IVpc vpc,
      SubnetSelection taskSubnets, ISecurityGroup instanceSecurityGroup, int ecsReservedMemoryMiB) {
    public ClusterCapacity {
      if (ecsReservedMemoryMiB < 0) {
        throw new IllegalArgumentException("ecsReservedMemoryMiB: must be at least 0, got " + ecsReservedMemoryMiB);
      }
      Objects.requireNonNull(clusterName, "clusterName");
      Objects.requireNonNull(capacityProviderName, "capacityProviderName");
      instanceTypes = List.copyOf(instanceTypes);
      Objects.requireNonNull(vpc, "vpc");
      Objects.requireNonNull(taskSubnets, "taskSubnets");
      Objects.requireNonNull(instanceSecurityGroup, "instanceSecurityGroup");
    }
  }

  /** Rolling deployment: ECS's default 200/100, and a circuit breaker that rolls a failing deployment back. */
  public record Deployment(int maximumPercent, int minimumHealthyPercent, boolean circuitBreakerRollback) {
    public Deployment {
      if (minimumHealthyPercent < 0 || minimumHealthyPercent > 100) {
        throw new IllegalArgumentException("minimumHealthyPercent: must be 0 to 100, got " + minimumHealthyPercent);
      }
      if (maximumPercent < 100 || maximumPercent > 400) {
        throw new IllegalArgumentException("maximumPercent: must be 100 to 400, got " + maximumPercent);
      }
    }
  }

  /** A {@link SchedulingStrategy#REPLICA} service. */
  public EcsServiceProps(String serviceName, ClusterCapacity clusterCapacity, TaskDefinitionDocument taskDefinition,
      int desiredCount, Deployment deployment, PlacementStrategy placementStrategy,
      List<Map<String, String>> placementConstraints, List<TaskRoleGrant> taskRoleGrants, RetentionDays logRetention,
      Map<String, IRepository> repositories, Optional<ServiceLoadBalancing> loadBalancing,
      boolean legacyServiceRole, Optional<ServiceAutoScaling> autoScaling,
      Optional<ExecuteCommandAccess> executeCommand) {
    this(serviceName, clusterCapacity, taskDefinition, desiredCount, deployment, placementStrategy,
        placementConstraints, taskRoleGrants, logRetention, repositories, loadBalancing, legacyServiceRole,
        autoScaling, executeCommand, SchedulingStrategy.REPLICA);
  }

  public EcsServiceProps {
    Objects.requireNonNull(serviceName, "serviceName");
    Objects.requireNonNull(clusterCapacity, "clusterCapacity");
    Objects.requireNonNull(taskDefinition, "taskDefinition");
    Objects.requireNonNull(deployment, "deployment");
    Objects.requireNonNull(placementStrategy, "placementStrategy");
    Objects.requireNonNull(logRetention, "logRetention");
    Objects.requireNonNull(loadBalancing, "loadBalancing");
    placementConstraints = List.copyOf(placementConstraints);
    taskRoleGrants = List.copyOf(taskRoleGrants);
    repositories = Map.copyOf(repositories);
    if (desiredCount < 0) {
      throw new IllegalArgumentException("desiredCount: must be at least 0, got " + desiredCount);
    }
    Objects.requireNonNull(autoScaling, "autoScaling");
    Objects.requireNonNull(executeCommand, "executeCommand");
    if (autoScaling.flatMap(ServiceAutoScaling::requestsPerTarget).isPresent() && loadBalancing.isEmpty()) {
      throw new IllegalArgumentException("autoScaling.requestsPerTarget: only a service behind the load balancer"
          + " has requests per target");
    }
    if (legacyServiceRole && loadBalancing.isEmpty()) {
      throw new IllegalArgumentException("legacyServiceRole: only a load-balanced service takes a service role");
    }
    Objects.requireNonNull(schedulingStrategy, "schedulingStrategy");
    if (schedulingStrategy == SchedulingStrategy.DAEMON) {
      checkDaemon(serviceName, desiredCount, deployment, loadBalancing, autoScaling);
    }
  }

  /**
   * A daemon service runs one task on every container instance, so the settings that size or route a replica service
   * do not apply (the rules CDK's {@code Ec2Service} enforces for daemon mode, and ECS's own).
   */
  private static void checkDaemon(String serviceName, int desiredCount, Deployment deployment,
      Optional<ServiceLoadBalancing> loadBalancing, Optional<ServiceAutoScaling> autoScaling) {
    String prefix = "service " + serviceName + " is a DAEMON service (one task on every container instance): ";
    if (desiredCount != 0) {
      throw new IllegalArgumentException(prefix + "desiredCount: it takes none, got " + desiredCount);
    }
    if (loadBalancing.isPresent()) {
      throw new IllegalArgumentException(prefix + "loadBalancing: it takes no load balancer; daemons are agents"
          + " (log routers, metrics, security), a service that takes traffic is a REPLICA service");
    }
    if (autoScaling.isPresent()) {
      throw new IllegalArgumentException(prefix + "autoScaling: it takes none; the number of container instances sets"
          + " its task count");
    }
    if (deployment.maximumPercent() != 100) {
      throw new IllegalArgumentException(prefix + "deployment.maximumPercent: must be 100, got "
          + deployment.maximumPercent() + "; an instance runs one copy, so ECS stops the old task before it starts"
          + " the new one");
    }
    if (deployment.minimumHealthyPercent() >= 100) {
      throw new IllegalArgumentException(prefix + "deployment.minimumHealthyPercent: must be below 100, got "
          + deployment.minimumHealthyPercent() + "; with maximumPercent 100 a deployment could never stop an old"
          + " task to start a new one");
    }
  }
}

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
 *                               {@link EcsService}: CloudFormation then leaves the count to the scaler)
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
    Optional<ExecuteCommandAccess> executeCommand) {

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
  }
}

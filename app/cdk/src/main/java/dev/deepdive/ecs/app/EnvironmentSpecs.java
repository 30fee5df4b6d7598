package dev.deepdive.ecs.app;

import dev.deepdive.ecs.app.config.AutoScalingConfig;
import dev.deepdive.ecs.app.config.CapacityConfig;
import dev.deepdive.ecs.app.config.EnvironmentConfig;
import dev.deepdive.ecs.app.config.NetworkConfig;
import dev.deepdive.ecs.app.config.PlacementConstraintConfig;
import dev.deepdive.ecs.app.config.PolicyStatementConfig;
import dev.deepdive.ecs.app.config.ServiceConfig;
import dev.deepdive.ecs.app.config.ServiceLoadBalancerConfig;
import dev.deepdive.ecs.app.config.SpotConfig;
import dev.deepdive.ecs.app.config.TaskConfig;
import dev.deepdive.ecs.constructs.EcsAmi;
import dev.deepdive.ecs.constructs.EcsAmiFamily;
import dev.deepdive.ecs.constructs.EcsServiceProps;
import dev.deepdive.ecs.constructs.ScheduledTaskProps;
import dev.deepdive.ecs.constructs.ServiceAutoScaling;
import dev.deepdive.ecs.constructs.ServiceLoadBalancing;
import dev.deepdive.ecs.constructs.SpotCapacity;
import dev.deepdive.ecs.constructs.TaskRoleGrant;
import dev.deepdive.ecs.constructs.TaskSchedule;
import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionDocument;
import dev.deepdive.ecs.stacks.EnvironmentSpec;
import dev.deepdive.ecs.stacks.ServiceSpec;
import dev.deepdive.ecs.stacks.TaskSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.autoscaling.SpotAllocationStrategy;

/** Turns a validated environment file and its task definitions into what the stacks take. */
final class EnvironmentSpecs {
  private EnvironmentSpecs() {}

  static EnvironmentSpec from(EnvironmentConfig environment, Map<String, TaskDefinitionDocument> taskDefinitions) {
    NetworkConfig network = environment.network();
    CapacityConfig capacity = environment.capacity();
    Map<String, Integer> repositories = new LinkedHashMap<>();
    environment.ecrRepositories().forEach((name, repository) -> repositories.put(name, repository.keepImages()));
    return new EnvironmentSpec(
        environment.name(),
        environment.account(),
        environment.region(),
        environment.clusterName(),
        new EnvironmentSpec.Network(
            network.cidr(), network.availabilityZones(), network.maxAzs(), network.natGateways()),
        new EnvironmentSpec.Capacity(
            capacity.instanceTypes(),
            capacity.minSize(),
            capacity.desiredSize(),
            capacity.maxSize(),
            new EcsAmi(EcsAmiFamily.valueOf(capacity.amiFamily().name()), capacity.amiId(),
                capacity.amiParameterVersion()),
            capacity.rootVolumeGiB(),
            capacity.keyPair(),
            capacity.spot().map(EnvironmentSpecs::spot),
            capacity.signalTimeoutMinutes()),
        environment.agent(),
        environment.tags(),
        new EnvironmentSpec.Services(
            environment.loadBalancer().certificateArn(),
            environment.loadBalancer().idleTimeoutSeconds(),
            environment.legacyEcsServiceRole(),
            repositories,
            environment.services().stream()
                .map(service -> service(service, taskDefinitions.get(service.taskDefinition())))
                .toList(),
            environment.tasks().stream()
                .map(task -> task(task, taskDefinitions.get(task.taskDefinition())))
                .toList()));
  }

  private static SpotCapacity spot(SpotConfig spot) {
    return new SpotCapacity(spot.onDemandBaseCapacity(), spot.onDemandPercentageAboveBaseCapacity(),
        switch (spot.allocationStrategy()) {
          case PRICE_CAPACITY_OPTIMIZED -> SpotAllocationStrategy.PRICE_CAPACITY_OPTIMIZED;
          case CAPACITY_OPTIMIZED -> SpotAllocationStrategy.CAPACITY_OPTIMIZED;
          case CAPACITY_OPTIMIZED_PRIORITIZED -> SpotAllocationStrategy.CAPACITY_OPTIMIZED_PRIORITIZED;
          case LOWEST_PRICE -> SpotAllocationStrategy.LOWEST_PRICE;
        });
  }

  private static TaskSpec task(TaskConfig task, TaskDefinitionDocument taskDefinition) {
    return new TaskSpec(
        task.name(),
        taskDefinition,
        task.schedule().map(expression -> new TaskSchedule(expression, task.scheduleTimezone())),
        task.count(),
        task.containerOverrides().stream()
            .map(o -> new ScheduledTaskProps.ContainerOverride(o.container(), o.command(), o.environment())).toList(),
        new ScheduledTaskProps.RetryPolicy(task.retryPolicy().maximumRetryAttempts(),
            task.retryPolicy().maximumEventAgeSeconds()),
        task.enabled(),
        grants(task.taskRoleStatements()),
        task.logRetentionDays());
  }

  private static List<TaskRoleGrant> grants(List<PolicyStatementConfig> statements) {
    return statements.stream()
        .map(statement -> new TaskRoleGrant(statement.actions(), statement.resources(), statement.wildcardReason()))
        .toList();
  }

  private static ServiceSpec service(ServiceConfig service, TaskDefinitionDocument taskDefinition) {
    return new ServiceSpec(
        service.name(),
        taskDefinition,
        service.desiredCount(),
        new EcsServiceProps.Deployment(service.deployment().maximumPercent(),
            service.deployment().minimumHealthyPercent(), service.deployment().circuitBreakerRollback()),
        EcsServiceProps.PlacementStrategy.valueOf(service.placement().strategy().name()),
        service.placement().constraints().stream().map(EnvironmentSpecs::constraint).toList(),
        grants(service.taskRoleStatements()),
        service.logRetentionDays(),
        service.loadBalancer().map(lb -> route(lb, service.healthCheckGracePeriodSeconds().orElse(0))),
        service.autoScaling().map(EnvironmentSpecs::autoScaling),
        service.enableExecuteCommand(),
        EcsServiceProps.SchedulingStrategy.valueOf(service.schedulingStrategy().name()));
  }

  private static ServiceAutoScaling autoScaling(AutoScalingConfig a) {
    return new ServiceAutoScaling(a.minCount(), a.maxCount(), a.cpuUtilization(), a.memoryUtilization(),
        a.requestsPerTarget(), a.scaleInCooldownSeconds(), a.scaleOutCooldownSeconds(),
        a.scheduledActions().stream().map(s -> new ServiceAutoScaling.ScheduledAction(s.name(), s.schedule(),
            s.timeZone(), s.minCount(), s.maxCount())).toList());
  }

  private static Map<String, String> constraint(PlacementConstraintConfig constraint) {
    Map<String, String> rendered = new LinkedHashMap<>();
    rendered.put("type", constraint.type());
    constraint.expression().ifPresent(expression -> rendered.put("expression", expression));
    return rendered;
  }

  private static ServiceSpec.LoadBalancerRoute route(ServiceLoadBalancerConfig lb, int gracePeriodSeconds) {
    return new ServiceSpec.LoadBalancerRoute(lb.container(), lb.containerPort(), lb.pathPatterns(), lb.hostHeaders(),
        lb.priority(),
        new ServiceLoadBalancing.HealthCheck(lb.healthCheck().path(), lb.healthCheck().intervalSeconds(),
            lb.healthCheck().timeoutSeconds(), lb.healthCheck().healthyThresholdCount(),
            lb.healthCheck().unhealthyThresholdCount(), lb.healthCheck().healthyHttpCodes()),
        lb.deregistrationDelaySeconds(), gracePeriodSeconds);
  }
}

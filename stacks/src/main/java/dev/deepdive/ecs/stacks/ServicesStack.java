package dev.deepdive.ecs.stacks;

import dev.deepdive.ecs.constructs.EcsService;
import dev.deepdive.ecs.constructs.EcsServiceProps;
import dev.deepdive.ecs.constructs.ServiceLoadBalancing;
import dev.deepdive.ecs.placement.AgentRegistration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * One group of the environment's services (see {@link Ids#serviceGroup}), each an {@link EcsService}.
 */
public final class ServicesStack extends EnvironmentStack {
  private final Map<String, EcsService> services = new LinkedHashMap<>();

  public ServicesStack(Construct scope, String id, EnvironmentSpec spec, List<ServiceSpec> group,
      NetworkStack network, ClusterStack cluster, LoadBalancerStack loadBalancerStack) {
    super(scope, id, spec, spec.clusterName() + ": services " + String.join(", ",
        group.stream().map(ServiceSpec::name).toList()));
    EcsServiceProps.ClusterCapacity placement = new EcsServiceProps.ClusterCapacity(
        cluster.cluster().getClusterName(), cluster.instances().capacityProvider().getCapacityProviderName(),
        spec.capacity().instanceTypes(), network.network().vpc(), network.network().privateSubnets(),
        cluster.instances().securityGroup(), AgentRegistration.reservedMemoryMiB(spec.agentSettings()));
    for (ServiceSpec service : group) {
      services.put(service.name(), new EcsService(this, Ids.pascalCase(service.name()), new EcsServiceProps(
          service.name(),
          placement,
          service.taskDefinition(),
          service.desiredCount(),
          service.deployment(),
          service.placementStrategy(),
          service.placementConstraints(),
          service.taskRoleGrants(),
          retention(service.logRetentionDays()),
          loadBalancerStack.repositories(),
          service.loadBalancer().map(route -> new ServiceLoadBalancing(loadBalancerStack.loadBalancer().orElseThrow(),
              route.container(), route.containerPort(), route.pathPatterns(), route.hostHeaders(),
              route.priority(), route.healthCheck(), route.deregistrationDelaySeconds(),
              route.healthCheckGracePeriodSeconds())),
          spec.services().legacyEcsServiceRole() && service.loadBalancer().isPresent(),
          service.autoScaling(),
          service.enableExecuteCommand()
              ? Optional.of(cluster.executeCommandAudit().orElseThrow().access()) : Optional.empty(),
          service.schedulingStrategy())));
    }
  }

  /** CloudWatch Logs retention in days -> the CDK enum (the environment file allows only valid values). */
  static RetentionDays retention(int days) {
    return switch (days) {
      case 1 -> RetentionDays.ONE_DAY;
      case 3 -> RetentionDays.THREE_DAYS;
      case 5 -> RetentionDays.FIVE_DAYS;
      case 7 -> RetentionDays.ONE_WEEK;
      case 14 -> RetentionDays.TWO_WEEKS;
      case 30 -> RetentionDays.ONE_MONTH;
      case 60 -> RetentionDays.TWO_MONTHS;
      case 90 -> RetentionDays.THREE_MONTHS;
      case 120 -> RetentionDays.FOUR_MONTHS;
      case 150 -> RetentionDays.FIVE_MONTHS;
      case 180 -> RetentionDays.SIX_MONTHS;
      case 365 -> RetentionDays.ONE_YEAR;
      case 400 -> RetentionDays.THIRTEEN_MONTHS;
      case 545 -> RetentionDays.EIGHTEEN_MONTHS;
      case 731 -> RetentionDays.TWO_YEARS;
      case 1096 -> RetentionDays.THREE_YEARS;
      case 1827 -> RetentionDays.FIVE_YEARS;
      case 2192 -> RetentionDays.SIX_YEARS;
      case 2557 -> RetentionDays.SEVEN_YEARS;
      case 2922 -> RetentionDays.EIGHT_YEARS;
      case 3288 -> RetentionDays.NINE_YEARS;
      case 3653 -> RetentionDays.TEN_YEARS;
      default -> throw new IllegalArgumentException("logRetentionDays: not a CloudWatch Logs retention, got " + days);
    };
  }

  public Map<String, EcsService> services() {
    return services;
  }
}

package dev.deepdive.ecs.stacks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.StageProps;
import software.amazon.awscdk.Tags;
import software.constructs.Construct;

/**
 * One environment: its own VPC, its own cluster and its services, in the stacks {@code Network},
 * {@code Cluster}, {@code LoadBalancer} (load balancer and repositories; CloudFormation stack {@code <environment>-Edge}),
 * one {@code Services<X>} per group of services, and {@code Tasks} when it has tasks no service owns. Every
 * environment is this same stage with other values; {@code cdk deploy 'dev/*'} deploys one.
 */
public final class EnvironmentStage extends Stage {
  private final NetworkStack network;
  private final ClusterStack cluster;
  private final Optional<LoadBalancerStack> loadBalancerStack;
  private final Map<String, ServicesStack> serviceStacks = new TreeMap<>();
  private final Optional<TasksStack> tasksStack;

  public EnvironmentStage(Construct scope, EnvironmentSpec spec) {
    super(scope, spec.name(), StageProps.builder().env(spec.cdkEnvironment()).build());
    this.network = new NetworkStack(this, "Network", spec);
    this.cluster = new ClusterStack(this, "Cluster", spec, network);
    this.loadBalancerStack = spec.services().isEmpty()
        ? Optional.empty()
        : Optional.of(new LoadBalancerStack(this, spec, network));
    Map<String, List<ServiceSpec>> groups = new TreeMap<>();
    spec.services().services().forEach(service ->
        groups.computeIfAbsent(Ids.serviceGroup(service.name()), g -> new ArrayList<>()).add(service));
    groups.forEach((group, services) -> serviceStacks.put(group,
        new ServicesStack(this, group, spec, services, network, cluster, loadBalancerStack.orElseThrow())));
    this.tasksStack = spec.services().tasks().isEmpty() ? Optional.empty()
        : Optional.of(new TasksStack(this, spec, network, cluster, loadBalancerStack));
    spec.tags().forEach((key, value) -> Tags.of(this).add(key, value));
  }

  public NetworkStack networkStack() {
    return network;
  }

  public ClusterStack clusterStack() {
    return cluster;
  }

  /** The load balancer and repositories; empty for an environment without services or repositories. */
  public Optional<LoadBalancerStack> loadBalancerStack() {
    return loadBalancerStack;
  }

  /** The stack of the tasks no service owns; empty for an environment without tasks. */
  public Optional<TasksStack> tasksStack() {
    return tasksStack;
  }

  /** The service stacks by group ({@code ServicesA} ...), see {@link Ids#serviceGroup}. */
  public Map<String, ServicesStack> serviceStacks() {
    return serviceStacks;
  }
}

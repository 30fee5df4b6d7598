package dev.deepdive.ecs.stacks;

import dev.deepdive.ecs.constructs.EcsServiceProps;
import dev.deepdive.ecs.constructs.ScheduledTask;
import dev.deepdive.ecs.constructs.ScheduledTaskProps;
import dev.deepdive.ecs.constructs.StandaloneTask;
import dev.deepdive.ecs.constructs.StandaloneTaskProps;
import dev.deepdive.ecs.placement.AgentRegistration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.services.ecr.IRepository;
import software.constructs.Construct;

/**
 * The environment's tasks that no service owns, in one stack ({@code <environment>/Tasks}): each a
 * {@link ScheduledTask} when it has a schedule, else a {@link StandaloneTask} run by hand. Apart from the services'
 * stacks, so that adding or changing a scheduled job never touches a service's stack.
 */
public final class TasksStack extends EnvironmentStack {
  /** The construct ID: {@code cdk deploy dev/Tasks}. */
  public static final String ID = "Tasks";

  private final Map<String, Construct> tasks = new LinkedHashMap<>();

  public TasksStack(Construct scope, EnvironmentSpec spec, NetworkStack network, ClusterStack cluster,
      Optional<LoadBalancerStack> loadBalancerStack) {
    super(scope, ID, spec, spec.clusterName() + ": tasks " + String.join(", ",
        spec.services().tasks().stream().map(TaskSpec::name).toList()));
    EcsServiceProps.ClusterCapacity capacity = new EcsServiceProps.ClusterCapacity(
        cluster.cluster().getClusterName(), cluster.instances().capacityProvider().getCapacityProviderName(),
        spec.capacity().instanceTypes(), network.network().vpc(), network.network().privateSubnets(),
        cluster.instances().securityGroup(), AgentRegistration.reservedMemoryMiB(spec.agentSettings()));
    Map<String, IRepository> repositories = loadBalancerStack.map(LoadBalancerStack::repositories).orElse(Map.of());
    for (TaskSpec task : spec.services().tasks()) {
      StandaloneTaskProps props = new StandaloneTaskProps(task.name(), capacity, task.taskDefinition(),
          task.taskRoleGrants(), ServicesStack.retention(task.logRetentionDays()), repositories);
      String id = Ids.pascalCase(task.name());
      tasks.put(task.name(), task.schedule().isPresent()
          ? new ScheduledTask(this, id, new ScheduledTaskProps(props, task.schedule().get(), task.count(),
              task.containerOverrides(), task.retryPolicy(), task.enabled()))
          : new StandaloneTask(this, id, props));
    }
  }

  /** Each task's construct, a {@link ScheduledTask} or a {@link StandaloneTask}, by task name. */
  public Map<String, Construct> tasks() {
    return tasks;
  }
}

package dev.deepdive.ecs.constructs;

import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionFromJson;
import java.util.Optional;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * A task no service owns and no schedule starts, such as a database migration: its task definition, its two roles
 * and its log group (see {@link TaskResources}), registered by the deploy so that
 * {@code ecsctl run-task --cluster <cluster> --task-definition <family>} runs its latest revision on the cluster's
 * capacity provider. Nothing runs until someone asks.
 *
 * <p>Its children have the same IDs as a {@link ScheduledTask}'s, so giving the task a schedule later (or taking it
 * away) keeps its roles, log group and task definition.
 */
public final class StandaloneTask extends Construct {
  private final TaskResources task;

  public StandaloneTask(Construct scope, String id, StandaloneTaskProps props) {
    super(scope, id);
    this.task = resources(this, props);
    task.acceptDesignFindings();
  }

  /** The resources every task of this kind has, in {@code scope}: shared with {@link ScheduledTask}. */
  static TaskResources resources(Construct scope, StandaloneTaskProps props) {
    return new TaskResources(scope, "task " + props.taskName(), props.taskName(), props.taskDefinition(),
        props.clusterCapacity().instanceTypes(), props.clusterCapacity().ecsReservedMemoryMiB(),
        props.taskRoleGrants(), Optional.empty(), props.logRetention(), props.repositories());
  }

  public TaskDefinitionFromJson taskDefinition() {
    return task.taskDefinition;
  }

  public IRole executionRole() {
    return task.executionRole;
  }

  public IRole taskRole() {
    return task.taskRole;
  }

  public LogGroup logGroup() {
    return task.logGroup;
  }
}

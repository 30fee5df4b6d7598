package dev.deepdive.ecs.placement;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One ECS service of an environment, or one of its tasks no service owns, as the scheduler model needs it.
 *
 * @param name                  the service name
 * @param path                  where it is written in the environment file, for messages, e.g. {@code services[0]}
 * @param desiredCount          tasks to run, 0 or more
 * @param maximumPercent        the rolling deployment's upper bound, percent of desiredCount (ECS rounds down)
 * @param minimumHealthyPercent the rolling deployment's lower bound, percent of desiredCount (ECS rounds up)
 * @param strategy              the placement strategy
 * @param constraints           the service's placement constraints (the task definition's are in {@code task})
 * @param task                  what each task needs
 * @param countField            the environment-file field {@code desiredCount} comes from, for messages:
 *                              {@code desiredCount}, or {@code autoScaling.maxCount} for a scaled service (the
 *                              model then checks the most tasks the scaler may ask for); null means
 *                              {@code desiredCount}
 * @param kind                  {@link Kind#REPLICA} (null means it), {@link Kind#DAEMON} or {@link Kind#TASK}
 */
public record ServiceInput(String name, String path, int desiredCount, int maximumPercent,
    int minimumHealthyPercent, PlacementStrategy strategy, List<PlacementConstraint> constraints,
    TaskRequirements task, String countField, Kind kind) {

  /** What ECS keeps running, and so what the model places. */
  public enum Kind {
    /** A service of {@code desiredCount} tasks, placed by its strategy and deployed rolling. */
    REPLICA,
    /**
     * A DAEMON service: one task on every container instance its constraints admit, placed before any other task
     * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_services.html#service_scheduler_daemon);
     * {@code desiredCount} is not read.
     */
    DAEMON,
    /**
     * A task no service owns (RunTask, by hand or on a schedule): {@code desiredCount} tasks placed beside the
     * services, never deployed; {@code path} is {@code tasks[i]}.
     */
    TASK
  }

  /**
   * Placement constraints per task, the task definition's and the service's together
   * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html,
   * placementConstraints).
   */
  public static final int MAX_CONSTRAINTS = 10;

  /** A service whose count is its {@code desiredCount}. */
  public ServiceInput(String name, String path, int desiredCount, int maximumPercent, int minimumHealthyPercent,
      PlacementStrategy strategy, List<PlacementConstraint> constraints, TaskRequirements task) {
    this(name, path, desiredCount, maximumPercent, minimumHealthyPercent, strategy, constraints, task, null, null);
  }

  /** A {@link Kind#REPLICA} service. */
  public ServiceInput(String name, String path, int desiredCount, int maximumPercent, int minimumHealthyPercent,
      PlacementStrategy strategy, List<PlacementConstraint> constraints, TaskRequirements task, String countField) {
    this(name, path, desiredCount, maximumPercent, minimumHealthyPercent, strategy, constraints, task, countField,
        null);
  }

  /** A {@link Kind#DAEMON} service: one task on every instance its {@code constraints} admit. */
  public static ServiceInput daemon(String name, String path, int minimumHealthyPercent,
      List<PlacementConstraint> constraints, TaskRequirements task) {
    return new ServiceInput(name, path, 0, 100, minimumHealthyPercent, PlacementStrategy.SPREAD, constraints, task,
        null, Kind.DAEMON);
  }

  /**
   * {@code count} tasks no service owns, placed as RunTask places them through a capacity provider (spread over the
   * zones, then the instances), never deployed.
   */
  public static ServiceInput task(String name, String path, int count, TaskRequirements task) {
    return new ServiceInput(name, path, count, 100, 0, PlacementStrategy.SPREAD, List.of(), task, "count",
        Kind.TASK);
  }

  public ServiceInput {
    countField = countField == null ? "desiredCount" : countField;
    kind = kind == null ? Kind.REPLICA : kind;
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(task, "task");
    constraints = List.copyOf(constraints);
    if (desiredCount < 0 || maximumPercent < 100 || minimumHealthyPercent < 0 || minimumHealthyPercent > 100) {
      throw new IllegalArgumentException(name + ": " + countField + " must be at least 0, maximumPercent at least 100 and"
          + " minimumHealthyPercent 0 to 100, got " + desiredCount + ", " + maximumPercent + ", "
          + minimumHealthyPercent);
    }
  }

  /** What the model calls it in messages: {@code service web}, {@code task nightly-report}. */
  public String label() {
    return (kind == Kind.TASK ? "task " : "service ") + name;
  }

  /** The most tasks ECS runs during a deployment: maximumPercent of desiredCount, rounded down. */
  public int maximumTasks() {
    return (int) Math.floorDiv((long) desiredCount * maximumPercent, 100);
  }

  /** The fewest healthy tasks ECS keeps during a deployment: minimumHealthyPercent of desiredCount, rounded up. */
  public int minimumHealthyTasks() {
    return (int) Math.floorDiv((long) desiredCount * minimumHealthyPercent + 99, 100);
  }

  /** The service's and the task definition's constraints; ECS allows {@link #MAX_CONSTRAINTS} together. */
  public List<PlacementConstraint> allConstraints() {
    List<PlacementConstraint> all = new ArrayList<>(task.placementConstraints());
    all.addAll(constraints);
    return List.copyOf(all);
  }

}

package dev.deepdive.ecs.placement;

import java.util.Objects;

/**
 * A task placement constraint of a service or a task definition
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-constraints.html).
 *
 * @param type       {@link #DISTINCT_INSTANCE} or {@link #MEMBER_OF}, spelled as ECS spells it
 * @param expression the cluster query language expression of a {@code memberOf} constraint; null for
 *                   {@code distinctInstance}
 * @param field      the JSON path in its file (the environment file for a service's, the task definition file for
 *                   the task definition's), e.g. {@code services[0].placement.constraints[0]}
 */
public record PlacementConstraint(String type, String expression, String field) {
  /** Every task of the service on a different container instance. */
  public static final String DISTINCT_INSTANCE = "distinctInstance";
  /** Only container instances that match {@code expression}. */
  public static final String MEMBER_OF = "memberOf";

  public PlacementConstraint {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(field, "field");
    if (!type.equals(DISTINCT_INSTANCE) && !type.equals(MEMBER_OF)) {
      throw new IllegalArgumentException("type: must be distinctInstance or memberOf, got " + type);
    }
    if (type.equals(MEMBER_OF) == (expression == null)) {
      throw new IllegalArgumentException("expression: required for memberOf and absent for distinctInstance, got "
          + type + " with " + expression);
    }
  }

  public static PlacementConstraint distinctInstance(String field) {
    return new PlacementConstraint(DISTINCT_INSTANCE, null, field);
  }

  public static PlacementConstraint memberOf(String expression, String field) {
    return new PlacementConstraint(MEMBER_OF, expression, field);
  }
}

package dev.deepdive.ecs.app.config;

import java.util.Objects;
import java.util.Optional;

/**
 * A task placement constraint of a service.
 *
 * @param type {@link #DISTINCT_INSTANCE} or {@link #MEMBER_OF}, spelled as ECS spells it
 * @param expression the cluster query language expression of a {@code memberOf} constraint, e.g.
 *     {@code attribute:ecs.instance-type =~ t3.*}; always empty for {@code distinctInstance}
 */
public record PlacementConstraintConfig(String type, Optional<String> expression) {
  /** Every task of the service on a different container instance. */
  public static final String DISTINCT_INSTANCE = "distinctInstance";
  /** Only instances matching {@code expression}. */
  public static final String MEMBER_OF = "memberOf";

  public PlacementConstraintConfig {
    Objects.requireNonNull(type, "type");
    expression = expression == null ? Optional.empty() : expression;
  }
}

package dev.deepdive.ecs.constructs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One Allow statement for a service's task role: what its containers may do.
 *
 * @param actions        IAM actions, e.g. {@code s3:GetObject}
 * @param resources      ARNs, or {@code *}
 * @param wildcardReason why a {@code *} in an action or resource is needed; required when there is one, and
 *                       then the reason of the narrow cdk-nag suppression for exactly those wildcards
 */
public record TaskRoleGrant(List<String> actions, List<String> resources, Optional<String> wildcardReason) {
  public TaskRoleGrant {
    actions = List.copyOf(actions);
    resources = List.copyOf(resources);
    Objects.requireNonNull(wildcardReason, "wildcardReason");
    if (actions.isEmpty() || resources.isEmpty()) {
      throw new IllegalArgumentException("a grant needs actions and resources, got " + actions + " on " + resources);
    }
    boolean wildcards = Stream.concat(actions.stream(), resources.stream()).anyMatch(v -> v.contains("*"));
    if (wildcards && wildcardReason.isEmpty()) {
      throw new IllegalArgumentException("wildcardReason: required for the wildcards in " + actions + " on "
          + resources);
    }
  }

  public List<String> wildcardActions() {
    return actions.stream().filter(a -> a.contains("*")).toList();
  }

  public List<String> wildcardResources() {
    return resources.stream().filter(r -> r.contains("*")).toList();
  }

  /** The cdk-nag findings (AwsSolutions-IAM5 {@code appliesTo}) this grant's wildcards raise. */
  List<String> wildcardFindings() {
    return Stream.concat(wildcardActions().stream().map(a -> "Action::" + a),
        wildcardResources().stream().map(r -> "Resource::" + r)).toList();
  }

  /** {@code s3:*}: every action of a service, which NIST's full-access rule flags. */
  boolean grantsAFullService() {
    return actions.stream().anyMatch(a -> a.endsWith(":*"));
  }
}

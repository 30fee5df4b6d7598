package dev.deepdive.ecs.app.config;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One Allow statement of a service's task role.
 *
 * @param actions 1 to 50 IAM actions such as {@code s3:GetObject}, in file order
 * @param resources 1 to 50 ARNs, or {@code *}, in file order
 * @param wildcardReason why a wildcard action or resource is needed; required exactly when the statement has one,
 *                       and shown to reviewers as the reason of the security gate's suppression
 */
public record PolicyStatementConfig(List<String> actions, List<String> resources, Optional<String> wildcardReason) {
  public PolicyStatementConfig {
    actions = List.copyOf(actions);
    resources = List.copyOf(resources);
    wildcardReason = wildcardReason == null ? Optional.empty() : wildcardReason;
  }

  /** The actions and resources with a {@code *}: what the security gate flags. */
  public List<String> wildcards() {
    return Stream.concat(actions.stream(), resources.stream()).filter(v -> v.contains("*")).toList();
  }
}

package dev.deepdive.ecs.app.config;

import java.util.List;

/**
 * One Allow statement of a service's task role.
 *
 * @param actions 1 to 50 IAM actions such as {@code s3:GetObject}, in file order
 * @param resources 1 to 50 ARNs, or {@code *}, in file order
 */
public record PolicyStatementConfig(List<String> actions, List<String> resources) {
  public PolicyStatementConfig {
    actions = List.copyOf(actions);
    resources = List.copyOf(resources);
  }
}

package dev.deepdive.ecs.app.config;

import java.util.List;

/**
 * A service's {@code taskRole}: what its containers may do.
 *
 * @param statements 1 to 20 Allow statements, in file order
 */
public record TaskRoleConfig(List<PolicyStatementConfig> statements) {
  public TaskRoleConfig {
    statements = List.copyOf(statements);
  }
}

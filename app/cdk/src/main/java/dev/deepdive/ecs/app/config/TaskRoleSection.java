package dev.deepdive.ecs.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads and checks a service's {@code taskRole} object: the Allow statements of the role its containers run
 * with. Without it the role has no permissions at all, which is the safe default.
 */
final class TaskRoleSection {
  static final List<String> FIELDS = List.of("statements");
  static final List<String> STATEMENT_FIELDS = List.of("actions", "resources", "wildcardReason");
  private static final int MIN_REASON_CHARS = 10;

  private static final int MAX_STATEMENTS = 20;
  private static final int MAX_ITEMS = 50;
  /** service:Action, wildcards allowed in the action part only; a bare "*" (every action) is not. */
  private static final Pattern ACTION = Pattern.compile("[a-z0-9-]+:[A-Za-z0-9*]+");
  private static final String ANY_RESOURCE = "*";
  private static final String ARN_PREFIX = "arn:";

  private TaskRoleSection() {}

  /** The statements in file order (empty when absent), or empty when any is invalid. */
  static Optional<List<PolicyStatementConfig>> read(ObjectFields service, String name) {
    if (!service.has(name)) {
      return Optional.of(List.of());
    }
    Problems problems = service.problems();
    int before = problems.count();
    Optional<List<JsonNode>> items = service.optionalObject(name, FIELDS)
        .flatMap(fields -> fields.requiredList("statements", "statement objects")
            .filter(list -> countValid(list.size(), fields)));
    List<PolicyStatementConfig> statements = new ArrayList<>();
    items.ifPresent(list -> {
      JsonPath at = service.path(name).field("statements");
      for (int i = 0; i < list.size(); i++) {
        ObjectFields.open(list.get(i), at.index(i), problems, STATEMENT_FIELDS)
            .flatMap(TaskRoleSection::statement)
            .ifPresent(statements::add);
      }
    });
    if (problems.count() > before || items.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(statements);
  }

  private static boolean countValid(int count, ObjectFields fields) {
    if (count < 1 || count > MAX_STATEMENTS) {
      fields.problems().at(fields.path("statements"), "must list 1 to " + MAX_STATEMENTS + " statements, got "
          + (count == 0 ? "an empty list; leave taskRole out for a role without permissions" : count));
      return false;
    }
    return true;
  }

  private static Optional<PolicyStatementConfig> statement(ObjectFields fields) {
    Problems problems = fields.problems();
    int before = problems.count();
    Optional<List<String>> actions = fields.requiredStringList("actions")
        .filter(list -> sizeValid(list, fields, "actions", "IAM actions such as \"s3:GetObject\""));
    actions.ifPresent(list -> {
      for (int i = 0; i < list.size(); i++) {
        TextChecks.matches(list.get(i), ACTION, problems, fields.path("actions").index(i), "not an IAM action, got"
            + " %s; expected <service>:<action> such as \"s3:GetObject\" or \"sqs:Send*\"");
      }
    });
    Optional<List<String>> resources = fields.requiredStringList("resources")
        .filter(list -> sizeValid(list, fields, "resources", "ARNs or \"*\""));
    resources.ifPresent(list -> {
      for (int i = 0; i < list.size(); i++) {
        String resource = list.get(i);
        if (!resource.equals(ANY_RESOURCE) && !resource.startsWith(ARN_PREFIX)) {
          problems.at(fields.path("resources").index(i), "not an ARN, got " + Shown.quoted(resource)
              + "; expected a string starting with \"arn:\", e.g. \"arn:aws:s3:::my-bucket/*\", or exactly \"*\"");
        }
      }
    });
    Optional<String> reason = fields.optionalString("wildcardReason");
    if (problems.count() > before) {
      return Optional.empty();
    }
    PolicyStatementConfig statement = new PolicyStatementConfig(actions.orElseThrow(), resources.orElseThrow(), reason);
    return wildcardsJustified(statement, fields) ? Optional.of(statement) : Optional.empty();
  }

  /**
   * A wildcard grant fails the security gate unless a reviewer can read why it is needed: the statement must say
   * so itself, and only then, so the reason always describes an actual wildcard.
   */
  private static boolean wildcardsJustified(PolicyStatementConfig statement, ObjectFields fields) {
    List<String> wildcards = statement.wildcards();
    Optional<String> reason = statement.wildcardReason();
    if (!wildcards.isEmpty() && reason.map(String::strip).map(String::length).orElse(0) < MIN_REASON_CHARS) {
      fields.problems().at(fields.path("wildcardReason"), "required because the statement grants wildcards "
          + wildcards + ", got " + reason.map(Shown::quoted).orElse("none") + "; say in at least " + MIN_REASON_CHARS
          + " characters why a finer grant will not do (reviewers see it as the security gate's suppression"
          + " reason), or list exact actions and ARNs");
      return false;
    }
    if (wildcards.isEmpty() && reason.isPresent()) {
      fields.problems().at(fields.path("wildcardReason"), "the statement grants no wildcard, got a reason; remove"
          + " wildcardReason");
      return false;
    }
    return true;
  }

  private static boolean sizeValid(List<String> list, ObjectFields fields, String name, String what) {
    if (list.isEmpty() || list.size() > MAX_ITEMS) {
      fields.problems().at(fields.path(name), "must list 1 to " + MAX_ITEMS + " " + what + ", got "
          + (list.isEmpty() ? "an empty list" : list.size()));
      return false;
    }
    return true;
  }
}

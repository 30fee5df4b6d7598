package dev.deepdive.ecs.ecsctl.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What each IAM role may do: its inline policies, every AWS::IAM::Policy and AWS::IAM::ManagedPolicy attached
 * to it, and the managed policies it names by ARN (which the review cannot open offline, so it lists them).
 *
 * <p>A policy attached to a role that is not in the same template (imported, or named by ARN) is grouped under
 * the rendered reference, so grants to roles owned elsewhere still show.
 */
final class IamPermissions {
  private static final String ROLE = "AWS::IAM::Role";
  private static final List<String> ATTACHED_POLICY_TYPES = List.of("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy");

  /**
   * One role's permissions.
   *
   * @param stack the stack's display name
   * @param role the role's logical ID, or the rendered reference to a role defined elsewhere
   * @param assumedBy the principals of its trust policy
   * @param managedPolicyArns managed policies attached by ARN, rendered
   * @param statements every statement that applies to it, in policy then statement order
   */
  record RoleGrants(String stack, String role, List<String> assumedBy, List<String> managedPolicyArns,
      List<Statement> statements) {}

  /**
   * One policy statement: actions × resources.
   *
   * @param policy the policy's logical ID, or {@code Role.PolicyName} for an inline policy
   * @param effect Allow or Deny
   * @param actions the actions; a NotAction list reads as {@code not(...)}
   * @param resources the resources; a NotResource list reads as {@code not(...)}
   * @param condition the condition in brief ({@code StringEquals aws:RequestedRegion=eu-west-1}), or empty
   * @param wildcardReasons why a wildcard is accepted, by the wildcard action or resource it answers for: the
   *     reason of the policy's cdk-nag suppression of AwsSolutions-IAM5 for that finding (an environment file's
   *     {@code wildcardReason} lands there, "From the environment file: ..."); empty when none
   */
  record Statement(String policy, String effect, List<String> actions, List<String> resources, String condition,
      Map<String, String> wildcardReasons) {

    /** The reason for one action or resource of this statement, or {@code null}. */
    String reasonFor(String actionOrResource) {
      return wildcardReasons.get(actionOrResource);
    }
  }

  /** cdk-nag's rule for wildcard permissions; its suppressions carry the reason per finding. */
  static final String WILDCARD_RULE = "AwsSolutions-IAM5";

  private IamPermissions() {}

  static List<RoleGrants> of(String stack, StackResources resources) {
    SortedMap<String, List<Statement>> statements = new TreeMap<>();
    SortedMap<String, List<String>> managed = new TreeMap<>();
    SortedMap<String, List<String>> principals = new TreeMap<>();
    resources.ofType(ROLE).forEach((id, role) -> {
      JsonNode properties = StackResources.properties(role);
      statements.put(id, new ArrayList<>());
      managed.put(id, Intrinsics.renderAll(properties.path("ManagedPolicyArns")));
      principals.put(id, trustedPrincipals(properties.path("AssumeRolePolicyDocument")));
      Map<String, String> reasons = wildcardReasons(role);
      for (JsonNode inline : properties.path("Policies")) {
        String policy = id + "." + Intrinsics.render(inline.path("PolicyName"));
        statements.get(id).addAll(statements(policy, inline.path("PolicyDocument"), reasons));
      }
    });
    for (String type : ATTACHED_POLICY_TYPES) {
      resources.ofType(type).forEach((id, policy) -> {
        JsonNode properties = StackResources.properties(policy);
        for (JsonNode role : properties.path("Roles")) {
          String key = resources.referenced(role, ROLE) != null ? Intrinsics.referencedId(role) : Intrinsics.render(role);
          statements.computeIfAbsent(key, k -> new ArrayList<>())
              .addAll(statements(id, properties.path("PolicyDocument"), wildcardReasons(policy)));
        }
      });
    }
    List<RoleGrants> roles = new ArrayList<>();
    statements.forEach((role, list) -> roles.add(new RoleGrants(stack, role,
        principals.getOrDefault(role, List.of()), managed.getOrDefault(role, List.of()), List.copyOf(list))));
    return roles;
  }

  /** An action with a wildcard grants more than its name says: {@code *}, {@code s3:*}, {@code ecs:Submit*}. */
  static boolean isWildcardAction(String action) {
    return action.contains("*") || action.contains("?") || action.startsWith("not(");
  }

  /** A resource of {@code *} (or a NotResource list) covers every resource of the actions' services. */
  static boolean isWildcardResource(String resource) {
    return resource.equals("*") || resource.startsWith("not(");
  }

  /**
   * The reasons of a resource's cdk-nag suppressions of {@link #WILDCARD_RULE}, by finding: {@code Action::s3:*}
   * gives {@code s3:*}, {@code Resource::<Bucket.Arn>/*} gives {@code ${Bucket.Arn}/*} (the review's rendering of
   * the same reference). A suppression without applies_to covers every wildcard: key {@code *all*}.
   */
  private static Map<String, String> wildcardReasons(JsonNode resource) {
    Map<String, String> reasons = new java.util.LinkedHashMap<>();
    for (JsonNode suppression : resource.path("Metadata").path("cdk_nag").path("rules_to_suppress")) {
      if (!WILDCARD_RULE.equals(suppression.path("id").asText())) {
        continue;
      }
      String reason = suppression.path("reason").asText();
      JsonNode appliesTo = suppression.path("applies_to");
      if (appliesTo.isMissingNode() || appliesTo.isEmpty()) {
        reasons.put(ALL_WILDCARDS, reason);
      }
      for (JsonNode finding : appliesTo) {
        String text = finding.isTextual() ? finding.asText() : finding.path("regex").asText();
        int separator = text.indexOf("::");
        if (separator > 0) {
          reasons.put(text.substring(separator + 2).replace("<", "${").replace(">", "}"), reason);
        }
      }
    }
    return reasons;
  }

  static final String ALL_WILDCARDS = "*all*";

  private static List<Statement> statements(String policy, JsonNode document, Map<String, String> reasons) {
    List<Statement> statements = new ArrayList<>();
    JsonNode list = document.path("Statement");
    for (JsonNode statement : list.isArray() ? list : List.of(list)) {
      if (!statement.isObject()) {
        continue;
      }
      List<String> actions = either(statement, "Action", "NotAction");
      List<String> resources = either(statement, "Resource", "NotResource");
      Map<String, String> mine = new java.util.LinkedHashMap<>();
      for (String item : concat(actions, resources)) {
        String reason = reasons.containsKey(item) ? reasons.get(item) : reasons.get(ALL_WILDCARDS);
        if (reason != null && (isWildcardAction(item) || item.contains("*"))) {
          mine.put(item, reason);
        }
      }
      statements.add(new Statement(policy, statement.path("Effect").asText("Allow"), actions, resources,
          condition(statement.path("Condition")), Map.copyOf(mine)));
    }
    return statements;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static List<String> either(JsonNode statement, String field, String negated) {
    if (statement.has(negated)) {
      return List.of("not(" + String.join(", ", Intrinsics.renderAll(statement.get(negated))) + ")");
    }
    return Intrinsics.renderAll(statement.path(field));
  }

  /** {@code {"StringEquals":{"k":"v"}}} reads {@code StringEquals k=v}; several are joined with "; ". */
  private static String condition(JsonNode condition) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, JsonNode> operator : condition.properties()) {
      List<String> tests = new ArrayList<>();
      for (Map.Entry<String, JsonNode> test : operator.getValue().properties()) {
        List<String> values = Intrinsics.renderAll(test.getValue());
        tests.add(test.getKey() + "=" + (values.size() == 1 ? values.get(0) : "[" + String.join(", ", values) + "]"));
      }
      parts.add(operator.getKey() + " " + String.join(", ", tests));
    }
    return String.join("; ", parts);
  }

  private static List<String> trustedPrincipals(JsonNode trustPolicy) {
    List<String> principals = new ArrayList<>();
    JsonNode list = trustPolicy.path("Statement");
    for (JsonNode statement : list.isArray() ? list : List.of(list)) {
      JsonNode principal = statement.path("Principal");
      if (principal.isTextual()) {
        principals.add(principal.asText());
      }
      for (Map.Entry<String, JsonNode> kind : principal.properties()) {
        principals.addAll(Intrinsics.renderAll(kind.getValue()));
      }
    }
    return principals.stream().distinct().sorted().toList();
  }
}

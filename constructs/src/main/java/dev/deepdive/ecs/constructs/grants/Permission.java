package dev.deepdive.ecs.constructs.grants;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One IAM statement (always {@code Allow}) that a role needs for something a task definition or an agent setting
 * asks of the ECS agent, with where it comes from.
 *
 * @param sid            the statement ID, unique within one role's policy (letters and digits, as IAM requires)
 * @param actions        the IAM actions, in the order they are written
 * @param resources      ARNs, or {@code *} for an action without a resource type; may hold CDK tokens
 *                       (partition, region, account, a repository's ARN)
 * @param conditions     condition operator (e.g. {@code StringEquals}) to condition key to values; empty for none
 * @param sources        the fields that asked for it, as {@code <file>: <JSON path>} or {@code agent.ECS_X}
 * @param wildcardReason why a {@code *} in a resource is as narrow as IAM allows here; present exactly when a
 *                       resource holds {@code *} (cdk-nag's AwsSolutions-IAM5 reports each such resource, and the
 *                       role's owner suppresses those findings with this reason)
 */
public record Permission(
    String sid,
    List<String> actions,
    List<String> resources,
    Map<String, Map<String, List<String>>> conditions,
    List<String> sources,
    Optional<String> wildcardReason) {
  private static final Pattern SID = Pattern.compile("[A-Za-z0-9]+");

  public Permission {
    if (sid == null || !SID.matcher(sid).matches()) {
      throw new IllegalArgumentException("sid: letters and digits only, got '" + sid + "'");
    }
    actions = List.copyOf(actions);
    resources = List.copyOf(resources);
    if (actions.isEmpty() || resources.isEmpty()) {
      throw new IllegalArgumentException(sid + ": needs at least one action and one resource");
    }
    Map<String, Map<String, List<String>>> copy = new LinkedHashMap<>();
    conditions.forEach((operator, keys) -> {
      Map<String, List<String>> values = new LinkedHashMap<>();
      keys.forEach((key, v) -> values.put(key, List.copyOf(v)));
      copy.put(operator, Collections.unmodifiableMap(values));
    });
    conditions = Collections.unmodifiableMap(copy);
    sources = List.copyOf(sources);
    Objects.requireNonNull(wildcardReason, "wildcardReason");
    boolean wildcard = resources.stream().anyMatch(r -> r.contains("*"));
    if (wildcard != wildcardReason.isPresent()) {
      throw new IllegalArgumentException(sid + ": a wildcard resource needs a reason, and only it: " + resources);
    }
  }

  /** A statement without conditions or wildcards. */
  static Permission of(String sid, List<String> actions, List<String> resources, List<String> sources) {
    return new Permission(sid, actions, resources, Map.of(), sources, Optional.empty());
  }

  /**
   * The conditions as the CDK's {@code PolicyStatement} takes them: a single value as a string, several as a
   * list (how IAM and the CDK write them, so the template reads as the IAM documentation does).
   */
  public Map<String, Object> conditionsForCdk() {
    Map<String, Object> rendered = new LinkedHashMap<>();
    conditions.forEach((operator, keys) -> {
      Map<String, Object> values = new LinkedHashMap<>();
      keys.forEach((key, v) -> values.put(key, v.size() == 1 ? v.get(0) : v));
      rendered.put(operator, values);
    });
    return rendered;
  }
}

package dev.deepdive.ecs.constructs;

import dev.deepdive.ecs.constructs.grants.Permission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.IConstruct;

/**
 * Derived {@link Permission}s onto a role: each becomes one statement of the role's inline policy, and each
 * wildcard resource a suppression of exactly that AwsSolutions-IAM5 finding, with the permission's reason and the
 * fields it comes from.
 */
final class RoleGrants {
  private RoleGrants() {}

  /** Adds one statement per permission to the role's inline policy. */
  static void grant(IRole role, List<Permission> permissions) {
    for (Permission p : permissions) {
      PolicyStatement.Builder statement = PolicyStatement.Builder.create()
          .sid(p.sid())
          .actions(p.actions())
          .resources(p.resources());
      if (!p.conditions().isEmpty()) {
        statement.conditions(p.conditionsForCdk());
      }
      role.addToPrincipalPolicy(statement.build());
    }
  }

  /**
   * Suppresses, on {@code policy}, the AwsSolutions-IAM5 finding of each wildcard resource of {@code permissions}:
   * one suppression per finding, its reason the permission's with the fields that asked for it.
   */
  static void acceptWildcards(IConstruct policy, List<Permission> permissions) {
    Map<String, String> reasons = new LinkedHashMap<>();
    for (Permission p : permissions) {
      p.wildcardReason().ifPresent(why -> p.resources().stream().filter(r -> r.contains("*")).forEach(r ->
          reasons.merge("Resource::" + asNagFinding(r), why + " (" + p.sid() + ", from " + String.join("; ",
              p.sources()) + ")", (a, b) -> a + "; " + b)));
    }
    reasons.forEach((finding, reason) -> DesignSuppressions.suppressFindings(policy, "AwsSolutions-IAM5", reason,
        finding));
  }

  /**
   * A resource as cdk-nag writes it in a finding: the pseudo parameters as {@code <AWS::Partition>} and so on
   * (cdk-nag flattens the template's references that way), so a suppression matches whether or not the environment
   * pins its account and region.
   */
  static String asNagFinding(String resource) {
    return resource.replace(Aws.PARTITION, "<AWS::Partition>").replace(Aws.REGION, "<AWS::Region>")
        .replace(Aws.ACCOUNT_ID, "<AWS::AccountId>").replace(Aws.URL_SUFFIX, "<AWS::URLSuffix>");
  }
}

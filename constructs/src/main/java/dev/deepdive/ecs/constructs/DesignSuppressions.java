package dev.deepdive.ecs.constructs;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IRole;
import software.constructs.IConstruct;

/**
 * cdk-nag suppressions that belong to a construct's design, so every user of the construct gets them.
 *
 * <p>The split: the app applies the rule packs (AwsSolutions, NIST 800-53 R5) to every stage ({@code NagGate});
 * a construct suppresses, on its own resources, exactly the findings its design answers otherwise, each with the
 * reason; findings on resources the CDK adds behind the scenes (singleton Lambda functions of custom resources)
 * are suppressed by path in the stacks ({@code NagSuppressionsForCdkInternals}). Every suppression names one
 * resource ({@code applyToChildren} false) and, for IAM wildcard findings, the single finding it covers.
 */
final class DesignSuppressions {
  private DesignSuppressions() {}

  /** {@code ruleId} does not apply to {@code resource} (an L1, or an L2 whose default child is the L1). */
  static void suppress(IConstruct resource, String ruleId, String reason) {
    NagSuppressions.addResourceSuppressions(resource,
        List.of(NagPackSuppression.builder().id(ruleId).reason(reason).build()), false);
  }

  /** Only these findings of {@code ruleId} (e.g. {@code Resource::*} of AwsSolutions-IAM5) are accepted. */
  static void suppressFindings(IConstruct resource, String ruleId, String reason, String... findings) {
    NagSuppressions.addResourceSuppressions(resource, List.of(NagPackSuppression.builder()
        .id(ruleId).reason(reason).appliesTo(Arrays.<Object>asList(findings)).build()), false);
  }

  /**
   * The logical ID of {@code resource} (an L1, or an L2 whose default child is the L1), as cdk-nag names it in a
   * finding such as {@code Resource::<LogicalId.Arn>/*}.
   */
  static String logicalId(IConstruct resource) {
    IConstruct l1 = resource instanceof CfnResource ? resource : resource.getNode().getDefaultChild();
    if (!(l1 instanceof CfnResource cfn)) {
      throw new IllegalArgumentException(resource.getNode().getPath() + " is not a CloudFormation resource");
    }
    return (String) Stack.of(cfn).resolve(cfn.getLogicalId());
  }

  /**
   * Only the findings of {@code ruleId} that match {@code pattern} (cdk-nag's {@code /regex/} form), for a
   * resource named by a token whose logical ID is not known here (another stack's resource).
   */
  static void suppressFindingsMatching(IConstruct resource, String ruleId, String reason, String pattern) {
    NagSuppressions.addResourceSuppressions(resource, List.of(NagPackSuppression.builder()
        .id(ruleId).reason(reason)
        .appliesTo(List.<Object>of(RegexAppliesTo.builder().regex("/" + pattern + "/").build())).build()), false);
  }

  /**
   * The role's inline policy ({@code DefaultPolicy}), which the CDK creates on the first grant; the caller has
   * made one already.
   */
  static IConstruct inlinePolicy(IRole role) {
    return inlinePolicyIfAny(role).orElseThrow(() -> new IllegalStateException(role.getNode().getPath()
        + " has no inline policy yet; grant something first"));
  }

  /** The role's inline policy; empty when nothing has been granted to the role. */
  static Optional<IConstruct> inlinePolicyIfAny(IRole role) {
    return Optional.ofNullable(role.getNode().tryFindChild("DefaultPolicy"));
  }

  /**
   * NIST 800-53 R5 asks for managed instead of inline policies (reuse, versions). These policies belong to one
   * role each, are written by this code and the CDK's grants, and live and die with the role; a managed policy
   * would add a separately versioned object with the same statements and nothing to reuse.
   */
  static void acceptInlinePolicy(IRole role) {
    acceptInlinePolicyResource(inlinePolicy(role));
  }

  /** {@link #acceptInlinePolicy(IRole)} for a role's inline policy the caller has found already. */
  static void acceptInlinePolicyResource(IConstruct policy) {
    suppress(policy, "NIST.800.53.R5-IAMNoInlinePolicy",
        "One role's own policy, generated from grants in code and reviewed in the template; it has no other user"
            + " to share a managed policy with, and it is versioned with the template");
  }
}

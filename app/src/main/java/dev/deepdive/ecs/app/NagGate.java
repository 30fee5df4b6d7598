package dev.deepdive.ecs.app;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NIST80053R5Checks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stage;

/**
 * The security gate: the cdk-nag rule packs AwsSolutions and NIST 800-53 R5, on every synth. A finding becomes an
 * error or warning annotation on the resource, and the CDK CLI refuses to synthesize on an error.
 *
 * <p>Where things live: the packs are applied here, by the app; a construct suppresses the findings its design
 * answers otherwise on its own resources (so every user of the construct gets them), and the stacks suppress
 * findings on what the CDK adds behind the scenes ({@code NagSuppressionsForCdkInternals}).
 */
public final class NagGate {
  private NagGate() {}

  /**
   * Adds both packs to the stage. Aspects do not cross stage boundaries, so each stage gets its own; the packs run
   * when the stage is synthesized, after every construct (and suppression) is in place.
   */
  public static void apply(Stage stage) {
    // Reports (CSV per stack in cdk.out) off: the annotations carry every finding, and cdk.out stays reviewable.
    NagPackProps props = NagPackProps.builder().verbose(true).reports(false).build();
    Aspects.of(stage).add(new AwsSolutionsChecks(props));
    Aspects.of(stage).add(new NIST80053R5Checks(props));
  }
}

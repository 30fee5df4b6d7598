package dev.deepdive.ecs.app;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NIST80053R5Checks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;

/**
 * The security gate: the cdk-nag rule packs AwsSolutions and NIST 800-53 R5 on every synth. A finding becomes an
 * error or warning annotation on its resource; {@link #check} turns errors into exit code 2.
 *
 * <p>Why the app checks itself: the CDK CLI validates the annotations of the stacks it selects, and the stacks of
 * this app live in stages, which {@code cdk synth} without a stack pattern does not select; it writes the
 * assembly and exits 0 over an error annotation. So {@code EcsApp.main} reads its own assembly and fails.
 *
 * <p>Where things live: the packs are applied here, by the app; a construct suppresses, on its own resources, the
 * findings its design answers otherwise (so every user of the construct gets them); the stacks suppress findings
 * on what the CDK adds behind the scenes ({@code NagSuppressionsForCdkInternals}).
 */
public final class NagGate {
  /** The exit code of a synth with unsuppressed errors, as for a bad environment file. */
  public static final int EXIT_FINDINGS = 2;

  private NagGate() {}

  /**
   * Adds both packs to the stage. Aspects do not cross stage boundaries, so each stage gets its own; the packs run
   * when the stage is synthesized, after every construct (and suppression) is in place.
   */
  public static void apply(Stage stage) {
    // No CSV reports in cdk.out: the annotations carry every finding, and cdk.out stays what reviewers read.
    NagPackProps props = NagPackProps.builder().verbose(true).reports(false).build();
    Aspects.of(stage).add(new AwsSolutionsChecks(props));
    Aspects.of(stage).add(new NIST80053R5Checks(props));
  }

  /**
   * Prints every error and warning annotation of the assembly (nag findings and the CDK's own), one per line
   * ({@code error <path>: <message>}), and returns {@link #EXIT_FINDINGS} if there is an error, else 0.
   */
  public static int check(CloudAssembly assembly, PrintStream err) {
    List<String> errors = new ArrayList<>();
    for (CloudFormationStackArtifact stack : stacks(assembly).toList()) {
      for (SynthesisMessage message : stack.getMessages()) {
        boolean error = message.getLevel() == SynthesisMessageLevel.ERROR;
        if (error || message.getLevel() == SynthesisMessageLevel.WARNING) {
          String line = (error ? "error " : "warning ") + message.getId() + ": "
              + String.valueOf(message.getEntry().getData()).strip();
          err.println(line);
          if (error) {
            errors.add(line);
          }
        }
      }
    }
    if (errors.isEmpty()) {
      return 0;
    }
    err.println("security gate: " + errors.size() + " unsuppressed error(s); fix the resource, or suppress the"
        + " finding on that resource with a reason (see docs/security-gate.md)");
    return EXIT_FINDINGS;
  }

  /** Every stack of the assembly, nested (stage) assemblies included. */
  static Stream<CloudFormationStackArtifact> stacks(CloudAssembly assembly) {
    return Stream.concat(assembly.getStacks().stream(), assembly.getNestedAssemblies().stream()
        .flatMap(nested -> stacks(nested.getNestedAssembly())));
  }
}

package dev.deepdive.ecs.testing;

import dev.deepdive.ecs.app.NagGate;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.constructs.IConstruct;

/**
 * A fresh stage with the security gate (both cdk-nag packs), holding one stack whose zones are known without a
 * lookup: one per test case, so no case reads another's findings.
 */
public final class GatedStack {
  private GatedStack() {}

  /** Stage {@code Gate}, stack {@code Test} in us-east-1a and us-east-1b, environment-agnostic. */
  public static Stack create() {
    Stage stage = new Stage(new App(), "Gate");
    NagGate.apply(stage);
    return new Stack(stage, "Test") {
      @Override
      public List<String> getAvailabilityZones() {
        return List.of("us-east-1a", "us-east-1b");
      }
    };
  }

  /**
   * Every error and warning annotation of the stack from the gate (AwsSolutions, NIST 800-53 R5, and cdk-nag's own
   * validation failures), as {@code path: message}; empty when the stack passes.
   */
  public static List<String> findings(Stack stack) {
    Annotations annotations = Annotations.fromStack(stack);
    return Stream.concat(annotations.findError("*", Match.anyValue()).stream(),
            annotations.findWarning("*", Match.stringLikeRegexp(".*(AwsSolutions|NIST|CdkNag).*")).stream())
        .map(GatedStack::line).toList();
  }

  /** {@link #findings(Stack)} on the resources under {@code construct} only (fixtures around it aside). */
  public static List<String> findings(Stack stack, IConstruct construct) {
    String prefix = "/" + construct.getNode().getPath() + "/";
    return findings(stack).stream().filter(f -> f.startsWith(prefix)).toList();
  }

  private static String line(SynthesisMessage message) {
    return message.getId() + ": " + String.valueOf(message.getEntry().getData()).strip();
  }
}

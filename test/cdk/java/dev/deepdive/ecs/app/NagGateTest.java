package dev.deepdive.ecs.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepdive.ecs.constructs.EnvironmentLoadBalancer;
import dev.deepdive.ecs.constructs.EnvironmentLoadBalancerProps;
import dev.deepdive.ecs.constructs.Network;
import dev.deepdive.ecs.constructs.NetworkProps;
import dev.deepdive.ecs.testing.ShippedExample;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;

/**
 * The security gate on the shipped example (which {@code EcsApp.build} synthesizes with both packs), and proof that
 * the gate fires on resources that break a rule.
 */
class NagGateTest {
  /** The rule packs, by the prefix of their rule IDs. */
  private static final Map<String, String> PACKS = Map.of(
      "AwsSolutions", "AwsSolutions-.*",
      "NIST 800-53 R5", "NIST\\.800\\.53\\.R5-.*");

  private final ShippedExample example = ShippedExample.get();

  @TestFactory
  Stream<DynamicTest> shippedExampleHasNoUnsuppressedErrorInEitherPack() {
    return perStackAndPack((stack, pattern) ->
        assertThat(Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp(pattern))).isEmpty());
  }

  @TestFactory
  Stream<DynamicTest> shippedExampleHasNoUnsuppressedWarningInEitherPack() {
    return perStackAndPack((stack, pattern) ->
        assertThat(Annotations.fromStack(stack).findWarning("*", Match.stringLikeRegexp(pattern))).isEmpty());
  }

  @Test
  void everyRuleCouldReadTheShippedExample() {
    // A rule that throws (e.g. on an intrinsic it cannot resolve) reports CdkNagValidationFailure, not its finding.
    stacks().forEach(stack -> assertThat(Annotations.fromStack(stack)
        .findWarning("*", Match.stringLikeRegexp("CdkNagValidationFailure.*"))).as(stack.getStackName()).isEmpty());
  }

  @Test
  void shippedExamplePassesTheCheckTheAppExitsOn() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int worst = example.stages().stream()
        .mapToInt(stage -> NagGate.check(stage.synth(), new PrintStream(err, true, StandardCharsets.UTF_8)))
        .max().orElseThrow();
    assertThat(worst).as(err.toString(StandardCharsets.UTF_8)).isZero();
  }

  @Test
  void aBucketWithoutTlsOnlyPolicyIsAnAwsSolutionsError() {
    Stack stack = gatedStack();
    Bucket.Builder.create(stack, "Plain").encryption(BucketEncryption.S3_MANAGED).build();
    assertThat(Annotations.fromStack(stack).findError("/Gate/Test/Plain/Resource",
        Match.stringLikeRegexp("AwsSolutions-S10:.*"))).hasSize(1);
  }

  @Test
  void sshOpenToTheInternetIsAnAwsSolutionsError() {
    Stack stack = gatedStack();
    SecurityGroup group = SecurityGroup.Builder.create(stack, "Ssh")
        .vpc(Vpc.Builder.create(stack, "Vpc").build()).build();
    group.addIngressRule(Peer.anyIpv4(), Port.tcp(22), "ssh from anywhere");
    assertThat(Annotations.fromStack(stack).findError("/Gate/Test/Ssh/Resource",
        Match.stringLikeRegexp("AwsSolutions-EC23:.*"))).hasSize(1);
  }

  @Test
  void anUnsuppressedErrorMakesTheAppExitWith2AndNamesTheResource() {
    Stack stack = gatedStack();
    Bucket.Builder.create(stack, "Plain").encryption(BucketEncryption.S3_MANAGED).build();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit = NagGate.check(((Stage) stack.getNode().getScope()).synth(),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("error /Gate/Test/Plain/Resource: AwsSolutions-S10: ")
        .contains("security gate: ");
  }

  @Test
  void anHttpsLoadBalancerPassesTheGate() {
    // The shipped example has no certificate: this covers the HTTPS listener and the redirect on port 80.
    Stack stack = gatedStack();
    Network network = new Network(stack, "Network",
        new NetworkProps("10.0.0.0/20", List.of("us-east-1a", "us-east-1b"), 1));
    new EnvironmentLoadBalancer(stack, "LoadBalancer", new EnvironmentLoadBalancerProps(network.vpc(),
        network.publicSubnets(), Optional.of("arn:aws:acm:us-east-1:111111111111:certificate/abc"), 60));
    Annotations annotations = Annotations.fromStack(stack);
    assertThat(annotations.findError("*", Match.anyValue())).isEmpty();
    assertThat(annotations.findWarning("*", Match.stringLikeRegexp(".*(AwsSolutions|NIST|CdkNag).*"))).isEmpty();
  }

  /** A fresh stage with the gate, holding one empty stack: one per test, so no test reads another's findings. */
  private static Stack gatedStack() {
    Stage stage = new Stage(new App(), "Gate");
    NagGate.apply(stage);
    return new Stack(stage, "Test");
  }

  private Stream<Stack> stacks() {
    return example.stages().stream().flatMap(stage -> stage.getNode().getChildren().stream())
        .filter(Stack.class::isInstance).map(Stack.class::cast);
  }

  private Stream<DynamicTest> perStackAndPack(java.util.function.BiConsumer<Stack, String> check) {
    List<Stack> stacks = stacks().toList();
    return stacks.stream().flatMap(stack -> PACKS.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(pack -> DynamicTest.dynamicTest(stack.getNode().getPath() + ", " + pack.getKey(),
            () -> check.accept(stack, pack.getValue()))));
  }
}

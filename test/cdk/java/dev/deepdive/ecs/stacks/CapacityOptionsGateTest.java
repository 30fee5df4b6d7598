package dev.deepdive.ecs.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepdive.ecs.app.NagGate;
import dev.deepdive.ecs.constructs.EcsAmi;
import dev.deepdive.ecs.constructs.EcsAmiFamily;
import dev.deepdive.ecs.constructs.SpotCapacity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.autoscaling.SpotAllocationStrategy;

/**
 * Every capacity option of this deployment (AMI pinned by ID or by parameter version, Spot, the signal timeout)
 * through the security gate (cdk-nag AwsSolutions and NIST 800-53 R5, as the app applies it): each alone, and
 * together with the options it interacts with (Spot with a pin and an AL2 family, whose boot signals with the AWS
 * CLI; Spot with a group that starts empty, which has no creation policy). One stage, one cluster stack per case,
 * synthesized once.
 */
class CapacityOptionsGateTest {
  private static final Map<String, EnvironmentSpec.Capacity> CASES = new LinkedHashMap<>();
  private static final Map<String, ClusterStack> STACKS = new LinkedHashMap<>();
  private static final SpotCapacity SPOT = new SpotCapacity(1, 20, SpotAllocationStrategy.CAPACITY_OPTIMIZED);

  static {
    CASES.put("AmiId", capacity(new EcsAmi(EcsAmiFamily.AL2023, Optional.of("ami-0123456789abcdef0"),
        Optional.empty()), Optional.empty(), 15, 2));
    CASES.put("AmiParameterVersion", capacity(new EcsAmi(EcsAmiFamily.AL2023, Optional.empty(), Optional.of(42)),
        Optional.empty(), 15, 2));
    CASES.put("Spot", capacity(EcsAmi.latest(EcsAmiFamily.AL2023), Optional.of(SPOT), 15, 2));
    CASES.put("SignalTimeout", capacity(EcsAmi.latest(EcsAmiFamily.AL2023), Optional.empty(), 60, 2));
    CASES.put("SpotPinnedAl2", capacity(new EcsAmi(EcsAmiFamily.AL2, Optional.empty(), Optional.of(7)),
        Optional.of(new SpotCapacity(0, 0, SpotAllocationStrategy.PRICE_CAPACITY_OPTIMIZED)), 10, 2));
    CASES.put("SpotAmiIdEmptyStart", capacity(new EcsAmi(EcsAmiFamily.AL2023, Optional.of("ami-0fedcba9"),
        Optional.empty()), Optional.of(SPOT), 30, 0));
  }

  @BeforeAll
  static void synthesizeEveryCaseInOneStage() {
    Stage stage = new Stage(new App(), "gate");
    EnvironmentSpec base = spec(CASES.values().iterator().next());
    NetworkStack network = new NetworkStack(stage, "Network", base);
    CASES.forEach((name, capacity) -> STACKS.put(name, new ClusterStack(stage, "Cluster" + name, spec(capacity),
        network)));
    NagGate.apply(stage);
    stage.synth();
  }

  @TestFactory
  Stream<DynamicTest> everyOptionPassesTheGate() {
    return STACKS.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
      Annotations annotations = Annotations.fromStack(entry.getValue());
      assertThat(annotations.findError("*", Match.anyValue())).as("errors").isEmpty();
      assertThat(annotations.findWarning("*", Match.stringLikeRegexp(".*(AwsSolutions|NIST|CdkNag).*")))
          .as("security gate warnings").isEmpty();
    }));
  }

  @Test
  void theAmazonLinux2CaseCarriesItsEndOfSupportWarning() {
    assertThat(Annotations.fromStack(STACKS.get("SpotPinnedAl2"))
        .findWarning("*", Match.stringLikeRegexp(".*Amazon Linux 2 reached its end of support on 2026-06-30.*")))
        .hasSize(1);
  }

  @Test
  void spotWritesDrainingIntoEcsConfigAndGrantsIt() {
    ClusterStack stack = STACKS.get("Spot");
    assertThat(stack.agentConfig().ecsConfig()).contains("ECS_ENABLE_SPOT_INSTANCE_DRAINING=true\n");
    assertThat(Template.fromStack(stack).toJSON().toString()).contains("ecs:UpdateContainerInstancesState");
  }

  @Test
  void aGroupThatStartsEmptyStillRollsWithSignals() {
    Template template = Template.fromStack(STACKS.get("SpotAmiIdEmptyStart"));
    template.hasResource("AWS::AutoScaling::AutoScalingGroup", Map.of(
        "CreationPolicy", Match.absent(),
        "UpdatePolicy", Match.objectLike(Map.of("AutoScalingRollingUpdate", Match.objectLike(Map.of(
            "WaitOnResourceSignals", true, "PauseTime", "PT30M"))))));
  }

  private static EnvironmentSpec.Capacity capacity(EcsAmi ami, Optional<SpotCapacity> spot, int timeout,
      int desired) {
    return new EnvironmentSpec.Capacity(List.of("t3.medium", "t3a.medium"), 0, desired, 3, ami, 30, Optional.empty(),
        spot, timeout);
  }

  private static EnvironmentSpec spec(EnvironmentSpec.Capacity capacity) {
    return new EnvironmentSpec("gate", Optional.empty(), Optional.empty(), "gate-cluster",
        new EnvironmentSpec.Network("10.40.0.0/16", List.of("eu-west-1a", "eu-west-1b"), 2, 1), capacity,
        Map.of("ECS_LOGLEVEL", "info"), Map.of(),
        new EnvironmentSpec.Services(Optional.empty(), 60, false, Map.of(), List.of()));
  }
}

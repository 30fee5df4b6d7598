package dev.deepdive.ecs.constructs;

import static dev.deepdive.ecs.constructs.ContainerInstancesTest.SPOT;
import static dev.deepdive.ecs.constructs.ContainerInstancesTest.options;
import static dev.deepdive.ecs.constructs.ContainerInstancesTest.stack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.autoscaling.SpotAllocationStrategy;

/** Spot Instances in the mix: the distribution, proactive rebalancing, and the agent draining on interruption. */
class SpotCapacityTest {
  private final Template spot = Template.fromStack(stack(options().spot(SPOT)));

  @Test
  void theBaseAndThePercentageAboveItStayOnDemandTheRestIsSpot() {
    spot.hasResourceProperties("AWS::AutoScaling::AutoScalingGroup", Map.of(
        "MixedInstancesPolicy", Match.objectLike(Map.of("InstancesDistribution", Map.of(
            "OnDemandAllocationStrategy", "prioritized",
            "OnDemandBaseCapacity", 1,
            "OnDemandPercentageAboveBaseCapacity", 25,
            "SpotAllocationStrategy", "price-capacity-optimized")))));
  }

  @Test
  void theAllocationStrategyIsTheOneGiven() {
    Template template = Template.fromStack(stack(options().spot(
        new SpotCapacity(0, 0, SpotAllocationStrategy.CAPACITY_OPTIMIZED_PRIORITIZED))));
    template.hasResourceProperties("AWS::AutoScaling::AutoScalingGroup", Map.of(
        "MixedInstancesPolicy", Match.objectLike(Map.of("InstancesDistribution", Match.objectLike(Map.of(
            "SpotAllocationStrategy", "capacity-optimized-prioritized"))))));
  }

  @Test
  void autoScalingReplacesAnInstanceAtRiskBeforeItIsInterrupted() {
    spot.hasResourceProperties("AWS::AutoScaling::AutoScalingGroup", Map.of("CapacityRebalance", true));
  }

  @Test
  void withoutSpotEverythingIsOnDemandAndNothingRebalances() {
    Template onDemand = Template.fromStack(stack(options()));
    onDemand.hasResourceProperties("AWS::AutoScaling::AutoScalingGroup", Map.of(
        "CapacityRebalance", Match.absent(),
        "MixedInstancesPolicy", Match.objectLike(Map.of("InstancesDistribution", Map.of(
            "OnDemandAllocationStrategy", "prioritized", "OnDemandPercentageAboveBaseCapacity", 100)))));
  }

  @Test
  void theAgentMayDrainOnlyThisClustersContainerInstances() {
    // Granted because ecs.config turns Spot draining on: the permission follows from the setting.
    spot.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(
        List.of(Match.objectLike(Map.of(
            "Sid", "SpotInstanceDraining",
            "Action", "ecs:UpdateContainerInstancesState",
            "Effect", "Allow",
            "Condition", Map.of("ArnEquals", Map.of("ecs:cluster",
                Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("Cluster.*"), "Arn")))))))))));
  }

  @Test
  void theAgentConfigurationTurnsSpotDrainingOn() {
    assertThat(new AgentConfigBucketProps("c", Map.of(), true).effectiveSettings())
        .containsEntry(AgentConfigBucketProps.SPOT_INSTANCE_DRAINING, "true");
  }

  @Test
  void rejectsANegativeBase() {
    assertThatThrownBy(() -> new SpotCapacity(-1, 0, SpotCapacity.DEFAULT_ALLOCATION_STRATEGY))
        .hasMessage("onDemandBaseCapacity: must be at least 0, got -1");
  }

  @Test
  void rejectsAPercentageAbove100() {
    assertThatThrownBy(() -> new SpotCapacity(0, 101, SpotCapacity.DEFAULT_ALLOCATION_STRATEGY))
        .hasMessage("onDemandPercentageAboveBaseCapacity: must be 0 to 100, got 101");
  }

  @Test
  void theDefaultStrategyIsWhatAwsRecommends() {
    assertThat(SpotCapacity.DEFAULT_ALLOCATION_STRATEGY).isEqualTo(SpotAllocationStrategy.PRICE_CAPACITY_OPTIMIZED);
  }
}

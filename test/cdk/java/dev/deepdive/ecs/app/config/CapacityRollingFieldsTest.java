package dev.deepdive.ecs.app.config;

import static dev.deepdive.ecs.app.config.QaFile.config;
import static dev.deepdive.ecs.app.config.QaFile.problems;
import static dev.deepdive.ecs.app.config.QaFile.withCapacity;
import static dev.deepdive.ecs.app.config.QaFile.withTop;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deepdive.ecs.constructs.ContainerInstancesProps;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The capacity fields of the container instances' deployment: AMI pinning (amiId, amiParameterVersion), Spot
 * (spot) and the signal timeout (signalTimeoutMinutes), each with its default and its messages.
 */
class CapacityRollingFieldsTest {
  private static final String FILE = "app/environments/qa.json: ";

  @Test
  void withoutThemTheNewestAmiOnDemandOnlyAndFifteenMinutes() {
    CapacityConfig capacity = config(QaFile.MINIMAL).capacity();
    assertThat(capacity.amiId()).isEmpty();
    assertThat(capacity.amiParameterVersion()).isEmpty();
    assertThat(capacity.spot()).isEmpty();
    assertThat(capacity.signalTimeoutMinutes()).isEqualTo(15)
        .isEqualTo(ContainerInstancesProps.DEFAULT_SIGNAL_TIMEOUT_MINUTES);
  }

  @Test
  void readsAPinnedAmiId() {
    assertThat(config(withCapacity("\"amiId\": \"ami-0123456789abcdef0\"")).capacity().amiId())
        .hasValue("ami-0123456789abcdef0");
  }

  @Test
  void acceptsAnOldStyleEightDigitAmiId() {
    assertThat(problems(withCapacity("\"amiId\": \"ami-0123abcd\""))).isEmpty();
  }

  @Test
  void rejectsSomethingThatIsNotAnAmiId() {
    assertThat(problems(withCapacity("\"amiId\": \"ami-ABC\""))).containsExactly(FILE + "capacity.amiId: not an"
        + " AMI ID, got \"ami-ABC\"; expected ami- and 8 or 17 lowercase hex digits such as ami-0123456789abcdef0");
  }

  @Test
  void readsAPinnedParameterVersion() {
    assertThat(config(withCapacity("\"amiParameterVersion\": 117")).capacity().amiParameterVersion()).hasValue(117);
  }

  @Test
  void rejectsParameterVersionZero() {
    assertThat(problems(withCapacity("\"amiParameterVersion\": 0")))
        .containsExactly(FILE + "capacity.amiParameterVersion: must be at least 1, got 0");
  }

  @Test
  void rejectsBothPins() {
    assertThat(problems(withCapacity("\"amiId\": \"ami-0123456789abcdef0\", \"amiParameterVersion\": 3")))
        .containsExactly(FILE + "capacity.amiParameterVersion: not together with amiId: pin the AMI by its ID or by"
            + " a version of the family's SSM parameter, not both");
  }

  @Test
  void readsTheSignalTimeout() {
    assertThat(config(withCapacity("\"signalTimeoutMinutes\": 30")).capacity().signalTimeoutMinutes()).isEqualTo(30);
  }

  @Test
  void rejectsASignalTimeoutTooShortForTheBootBudget() {
    assertThat(problems(withCapacity("\"signalTimeoutMinutes\": 9"))).containsExactly(FILE + "capacity"
        + ".signalTimeoutMinutes: must be at least 10 (5 minutes of boot budget and at least 5 for the ECS agent to"
        + " register), got 9");
  }

  @Test
  void rejectsASignalTimeoutLongerThanARollingUpdateWaits() {
    assertThat(problems(withCapacity("\"signalTimeoutMinutes\": 61"))).containsExactly(FILE + "capacity"
        + ".signalTimeoutMinutes: must be at most 60 (a rolling update waits at most an hour for a batch's signals),"
        + " got 61");
  }

  @Test
  void anEmptySpotObjectTakesTheDefaults() {
    assertThat(config(withCapacity("\"spot\": {}")).capacity().spot()).hasValue(new SpotConfig(
        0, 0, SpotAllocation.PRICE_CAPACITY_OPTIMIZED));
  }

  @Test
  void readsEverySpotField() {
    assertThat(config(withCapacity("\"spot\": {\"onDemandBaseCapacity\": 2, \"onDemandPercentageAboveBaseCapacity\":"
        + " 50, \"allocationStrategy\": \"capacity-optimized-prioritized\"}")).capacity().spot())
        .hasValue(new SpotConfig(2, 50, SpotAllocation.CAPACITY_OPTIMIZED_PRIORITIZED));
  }

  @Test
  void rejectsAPercentageAbove100() {
    assertThat(problems(withCapacity("\"spot\": {\"onDemandPercentageAboveBaseCapacity\": 101}"))).containsExactly(
        FILE + "capacity.spot.onDemandPercentageAboveBaseCapacity: must be at most 100, got 101");
  }

  @Test
  void rejectsANegativeBase() {
    assertThat(problems(withCapacity("\"spot\": {\"onDemandBaseCapacity\": -1}"))).containsExactly(
        FILE + "capacity.spot.onDemandBaseCapacity: must be at least 0, got -1");
  }

  @Test
  void rejectsAnUnknownAllocationStrategy() {
    assertThat(problems(withCapacity("\"spot\": {\"allocationStrategy\": \"cheapest\"}"))).containsExactly(
        FILE + "capacity.spot.allocationStrategy: unknown Spot allocation strategy \"cheapest\"; allowed:"
            + " price-capacity-optimized, capacity-optimized, capacity-optimized-prioritized, lowest-price");
  }

  @Test
  void rejectsAnUnknownSpotFieldWithASuggestion() {
    assertThat(problems(withCapacity("\"spot\": {\"onDemandBase\": 1}"))).containsExactly(
        FILE + "capacity.spot.onDemandBase: unknown field; did you mean 'onDemandBaseCapacity'? allowed:"
            + " onDemandBaseCapacity, onDemandPercentageAboveBaseCapacity, allocationStrategy");
  }

  @Test
  void rejectsSpotThatIsNotAnObject() {
    assertThat(problems(withCapacity("\"spot\": true"))).containsExactly(
        FILE + "capacity.spot: expected an object, got true (a boolean)");
  }

  @Test
  void withSpotRejectsAnAgentSettingThatTurnsSpotDrainingOff() {
    assertThat(problems(withTop("\"agent\": {\"ECS_ENABLE_SPOT_INSTANCE_DRAINING\": \"false\"}")
        .replace("\"maxSize\": 4", "\"maxSize\": 4, \"spot\": {}"))).containsExactly(
        FILE + "agent.ECS_ENABLE_SPOT_INSTANCE_DRAINING: must be \"true\" or left out when the capacity includes Spot"
            + " Instances (the agent then drains an instance on its interruption notice), got \"false\"");
  }

  @Test
  void withoutSpotTheAgentSettingIsTheEnvironmentsOwnBusiness() {
    assertThat(problems(withTop("\"agent\": {\"ECS_ENABLE_SPOT_INSTANCE_DRAINING\": \"false\"}"))).isEmpty();
  }

  @Test
  void theSchemaPublishesTheSameDefaultsAndLimits() {
    com.fasterxml.jackson.databind.JsonNode defs = EnvironmentSchema.tree().path("$defs");
    com.fasterxml.jackson.databind.JsonNode timeout = defs.path("capacity").path("properties").path("signalTimeoutMinutes");
    assertThat(timeout.path("default").asInt()).isEqualTo(ContainerInstancesProps.DEFAULT_SIGNAL_TIMEOUT_MINUTES);
    assertThat(timeout.path("minimum").asInt()).isEqualTo(ContainerInstancesProps.MIN_SIGNAL_TIMEOUT_MINUTES);
    assertThat(timeout.path("maximum").asInt()).isEqualTo(ContainerInstancesProps.MAX_SIGNAL_TIMEOUT_MINUTES);
    com.fasterxml.jackson.databind.JsonNode spot = defs.path("spot").path("properties");
    assertThat(spot.path("onDemandBaseCapacity").path("default").asInt())
        .isZero();
    assertThat(spot.path("onDemandPercentageAboveBaseCapacity").path("default").asInt())
        .isZero();
    assertThat(spot.path("allocationStrategy").path("default").asText())
        .isEqualTo("price-capacity-optimized");
    assertThat(spot.path("allocationStrategy").path("enum")).extracting(com.fasterxml.jackson.databind.JsonNode::asText)
        .containsExactly(java.util.Arrays.stream(SpotAllocation.values()).map(SpotAllocation::jsonName)
            .toArray(String[]::new));
  }
}

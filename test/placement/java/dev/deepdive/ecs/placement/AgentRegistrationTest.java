package dev.deepdive.ecs.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** ecs.config read the way the agent reads it. */
class AgentSettingsTest {
  @Test
  void defaultsAreTheAgentsOwn() {
    AgentRegistration settings = AgentRegistration.parse(Map.of(), false).settings();

    assertThat(settings).isEqualTo(AgentRegistration.defaults());
    assertThat(settings.reservedMemoryMiB()).isZero();
    assertThat(settings.reservedUdpPorts()).isEmpty();
    assertThat(settings.gpuSupport()).isFalse();
  }

  @Test
  void reservedPortsReplaceTheDefaultsAsTheAgentMergesDefaultsOnlyIntoUnsetFields() {
    AgentRegistration settings = AgentRegistration.parse(Map.of("ECS_RESERVED_PORTS", "[22, 8080]",
        "ECS_RESERVED_PORTS_UDP", "[53]"), false).settings();

    assertThat(settings.reservedPorts()).containsExactly(HostPort.tcp(22), HostPort.udp(53), HostPort.tcp(8080));
  }

  @Test
  void aZeroInReservedPortsReservesNothing() {
    assertThat(AgentRegistration.parse(Map.of("ECS_RESERVED_PORTS", "[0, 22]"), false).settings().reservedPorts())
        .containsExactly(HostPort.tcp(22));
  }

  @Test
  void readsCustomAttributes() {
    assertThat(AgentRegistration.parse(Map.of("ECS_INSTANCE_ATTRIBUTES", "{\"stack\": \"prod\"}"), false).settings()
        .instanceAttributes()).containsExactly(Map.entry("stack", "prod"));
  }

  @Test
  void reportsEveryBadValue() {
    AgentRegistration.Parsed parsed = AgentRegistration.parse(Map.of(
        "ECS_RESERVED_MEMORY", "lots",
        "ECS_RESERVED_PORTS", "22,80",
        "ECS_RESERVED_PORTS_UDP", "[70000]",
        "ECS_INSTANCE_ATTRIBUTES", "{\"n\": 1}"), false);

    assertThat(parsed.settings()).isNull();
    assertThat(parsed.problems()).containsExactlyInAnyOrder(
        "ECS_RESERVED_MEMORY: must be a whole number of MiB from 0 to 65535 (the agent keeps it in 16 bits), got"
            + " \"lots\"",
        "ECS_RESERVED_PORTS: expected a JSON array of port numbers 0 to 65535 such as"
            + " \"[22, 2375, 2376, 51678, 51679]\", got \"22,80\" (the agent would ignore it)",
        "ECS_RESERVED_PORTS_UDP: expected a JSON array of port numbers 0 to 65535 such as"
            + " \"[22, 2375, 2376, 51678, 51679]\", got 70000 in [70000]",
        "ECS_INSTANCE_ATTRIBUTES: attribute 'n' must have a string value, got 1");
  }

  @Test
  void reservedMemoryFitsTheAgentsSixteenBits() {
    assertThat(AgentRegistration.parse(Map.of("ECS_RESERVED_MEMORY", "70000"), false).problems()).containsExactly(
        "ECS_RESERVED_MEMORY: must be a whole number of MiB from 0 to 65535 (the agent keeps it in 16 bits), got"
            + " \"70000\"");
  }
}

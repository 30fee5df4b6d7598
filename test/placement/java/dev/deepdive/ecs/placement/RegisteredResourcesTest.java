package dev.deepdive.ecs.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the agent registers: CPU units, memory after the kernel and ECS_RESERVED_MEMORY, GPUs, ENIs, ports. */
class RegisteredResourcesTest {
  static RegisteredResources of(String type, Map<String, String> agent) {
    return RegisteredResources.of(InstanceTypes.require(type), AgentRegistration.parse(agent, false).settings());
  }

  @Test
  void registers1024CpuUnitsPerVcpu() {
    assertThat(of("c5.xlarge", Map.of()).cpuUnits()).isEqualTo(4096);
  }

  @Test
  void registersInstalledMemoryLessThreePercent() {
    assertThat(of("m5.large", Map.of()).memoryMiB()).isEqualTo(8192 - 246);
  }

  @Test
  void keepsAtLeast128MibOnSmallInstances() {
    assertThat(of("t3.micro", Map.of()).memoryMiB()).isEqualTo(1024 - 128);
  }

  @Test
  void staysBelowWhatAwsDocumentsAnM4LargeRegisters() {
    // memory-management.html: an m4.large registers 7985 MiB.
    assertThat(of("m4.large", Map.of()).memoryMiB()).isLessThan(7985);
  }

  @Test
  void subtractsEcsReservedMemory() {
    assertThat(of("m5.large", Map.of("ECS_RESERVED_MEMORY", "256")).memoryMiB()).isEqualTo(8192 - 246 - 256);
  }

  @Test
  void leavesTheInstancesOwnNetworkInterfaceOutOfTheTaskSlots() {
    assertThat(of("c5.large", Map.of()).taskEniSlots()).isEqualTo(2);
  }

  @Test
  void registersGpusOnlyWithGpuSupport() {
    InstanceTypeFacts g4dn = InstanceTypes.require("g4dn.12xlarge");
    assertThat(RegisteredResources.of(g4dn, AgentRegistration.parse(Map.of(), false).settings()).gpus()).isZero();
    assertThat(RegisteredResources.of(g4dn, AgentRegistration.parse(Map.of(), true).settings()).gpus()).isEqualTo(4);
    assertThat(RegisteredResources.of(g4dn,
        AgentRegistration.parse(Map.of("ECS_ENABLE_GPU_SUPPORT", "true"), false).settings()).gpus()).isEqualTo(4);
  }

  @Test
  void reservesTheAgentsPorts() {
    assertThat(of("m5.large", Map.of()).reservedPorts()).extracting(HostPort::port)
        .containsExactly(22, 2375, 2376, 51678, 51679);
  }
}

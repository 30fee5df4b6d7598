package dev.deepdive.ecs.constructs.taskdef;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The capacity rules reproduce EC2's published vCPU and memory figures. */
class InstanceTypeCapacityTest {

  @ParameterizedTest(name = "{0}: {1} vCPU, {2} MiB")
  @CsvSource({
      "t2.micro, 1, 1024", "t2.medium, 2, 4096", "t3.nano, 2, 512", "t3.micro, 2, 1024", "t3a.small, 2, 2048",
      "t4g.2xlarge, 8, 32768",
      "m5.large, 2, 8192", "m6g.medium, 1, 4096", "m7i-flex.xlarge, 4, 16384", "m5zn.3xlarge, 12, 49152",
      "c5.9xlarge, 36, 73728", "c6g.medium, 1, 2048", "c7gn.large, 2, 4096", "c5n.large, 2, 5376",
      "c4.large, 2, 3840", "m4.xlarge, 4, 16384", "r4.large, 2, 15616", "m3.medium, 1, 3840",
      "r6i.2xlarge, 8, 65536", "r5b.large, 2, 16384",
      "x2gd.xlarge, 4, 65536", "x2iedn.xlarge, 4, 131072", "x1.16xlarge, 64, 999424", "x1e.xlarge, 4, 124928",
      "g4dn.xlarge, 4, 16384", "g5.48xlarge, 192, 786432", "p3.2xlarge, 8, 62464", "inf1.6xlarge, 24, 49152"})
  void knowsPublishedSizes(String type, int vcpus, int memoryMiB) {
    assertThat(InstanceTypeCapacity.of(type)).contains(new InstanceTypeCapacity(type, vcpus, memoryMiB));
  }

  @ParameterizedTest
  @ValueSource(strings = {"m5.metal", "i3.large", "z1d.large", "m1.small", "t2.huge", "large", "M5 large"})
  void doesNotGuessUnknownTypes(String type) {
    assertThat(InstanceTypeCapacity.of(type)).isEmpty();
  }

  @Test
  void registersInstalledMemoryLessThreePercent() {
    assertThat(InstanceTypeCapacity.of("m5.large").orElseThrow().registrableMemoryMiB(0)).isEqualTo(8192 - 246);
  }

  @Test
  void keepsAtLeast128MibOnSmallInstances() {
    assertThat(InstanceTypeCapacity.of("t3.micro").orElseThrow().registrableMemoryMiB(0)).isEqualTo(1024 - 128);
  }

  @Test
  void staysBelowWhatAwsDocumentsAnM4LargeRegisters() {
    // memory-management.html: an m4.large registers 7985 MiB.
    assertThat(InstanceTypeCapacity.of("m4.large").orElseThrow().registrableMemoryMiB(0)).isLessThan(7985);
  }

  @Test
  void subtractsEcsReservedMemory() {
    assertThat(InstanceTypeCapacity.of("m5.large").orElseThrow().registrableMemoryMiB(256)).isEqualTo(8192 - 246 - 256);
  }

  @Test
  void registers1024CpuUnitsPerVcpu() {
    assertThat(InstanceTypeCapacity.of("c5.xlarge").orElseThrow().cpuUnits()).isEqualTo(4096);
  }
}

package dev.deepdive.ecs.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The table reproduces EC2's published figures, and refuses to guess. */
class InstanceTypesTest {

  @ParameterizedTest(name = "{0}: {1} vCPU, {2} MiB, {3} GPU, {4} ENIs, {5}")
  @CsvSource({
      "t2.micro, 1, 1024, 0, 2, X86_64", "t3.nano, 2, 512, 0, 2, X86_64", "t3.medium, 2, 4096, 0, 3, X86_64",
      "t3a.small, 2, 2048, 0, 2, X86_64", "t3.small, 2, 2048, 0, 3, X86_64", "t4g.2xlarge, 8, 32768, 0, 4, ARM64",
      "m4.large, 2, 8192, 0, 2, X86_64", "c4.large, 2, 3840, 0, 3, X86_64", "r4.large, 2, 15616, 0, 3, X86_64",
      "m5.large, 2, 8192, 0, 3, X86_64", "m5.metal, 96, 393216, 0, 15, X86_64", "m5zn.3xlarge, 12, 49152, 0, 8, X86_64",
      "m6g.medium, 1, 4096, 0, 2, ARM64", "m6i.32xlarge, 128, 524288, 0, 15, X86_64",
      "m7i-flex.xlarge, 4, 16384, 0, 4, X86_64", "m7i.metal-48xl, 192, 786432, 0, 15, X86_64",
      "c5.9xlarge, 36, 73728, 0, 8, X86_64", "c6g.medium, 1, 2048, 0, 2, ARM64", "c6i.xlarge, 4, 8192, 0, 4, X86_64",
      "r6i.2xlarge, 8, 65536, 0, 4, X86_64", "x2gd.xlarge, 4, 65536, 0, 4, ARM64",
      "g4dn.xlarge, 4, 16384, 1, 3, X86_64", "g4dn.12xlarge, 48, 196608, 4, 8, X86_64",
      "g5.48xlarge, 192, 786432, 8, 7, X86_64", "p3.2xlarge, 8, 62464, 1, 4, X86_64"})
  void knowsPublishedFigures(String type, int vcpus, int memoryMiB, int gpus, int enis, Architecture architecture) {
    assertThat(InstanceTypes.require(type))
        .isEqualTo(new InstanceTypeFacts(type, vcpus, memoryMiB, gpus, enis, architecture));
  }

  @Test
  void everyRowOfAFamilySharesItsArchitecture() {
    Map<String, Architecture> byFamily = new java.util.HashMap<>();
    for (InstanceTypeFacts facts : InstanceTypes.all()) {
      Architecture first = byFamily.putIfAbsent(facts.family(), facts.architecture());
      assertThat(first == null ? facts.architecture() : first).as(facts.name()).isEqualTo(facts.architecture());
    }
  }

  @Test
  void gravitonFamiliesAreArm64AndTheOthersX86() {
    for (InstanceTypeFacts facts : InstanceTypes.all()) {
      boolean graviton = facts.family().equals("a1") || facts.family().matches("[a-z]+\\d+g[a-z]*");
      assertThat(facts.architecture()).as(facts.name())
          .isEqualTo(graviton ? Architecture.ARM64 : Architecture.X86_64);
    }
  }

  @Test
  void currentGenerationMemoryFollowsTheClassRatio() {
    for (InstanceTypeFacts facts : InstanceTypes.all()) {
      String family = facts.family();
      int perVcpu = facts.memoryMiB() / facts.vcpus();
      if (family.matches("m[5-7].*")) {
        assertThat(perVcpu).as(facts.name()).isEqualTo(4096);
      } else if (family.matches("c[5-7].*")) {
        assertThat(perVcpu).as(facts.name()).isEqualTo(2048);
      } else if (family.matches("r[5-7].*")) {
        assertThat(perVcpu).as(facts.name()).isEqualTo(8192);
      }
    }
  }

  @Test
  void onlyNvidiaFamiliesHaveGpus() {
    InstanceTypes.all().forEach(facts -> assertThat(facts.gpus() > 0).as(facts.name())
        .isEqualTo(facts.family().matches("g4dn|g5|g6|p3")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"i3.large", "z1d.large", "m1.small", "inf1.xlarge", "m8g.large", "mac1.metal"})
  void unknownFamiliesAreAnErrorListingTheKnownOnes(String type) {
    assertThatThrownBy(() -> InstanceTypes.require(type))
        .isInstanceOf(UnknownInstanceTypeException.class)
        .hasMessageStartingWith("instance type '" + type + "' is not in this tool's instance type table (vCPUs,"
            + " memory, GPUs, network interfaces), so placement cannot be checked; its family is not in the"
            + " table; known families: t2, t3, t3a, t4g, a1, m4, c4, r4, m5,")
        .hasMessageEndingWith("Use a listed type, or add its row to dev.deepdive.ecs.placement.InstanceTypes");
    assertThat(InstanceTypes.of(type)).isEmpty();
  }

  @Test
  void anUnknownSizeOfAKnownFamilyListsTheFamilysSizes() {
    assertThatThrownBy(() -> InstanceTypes.require("t3.huge"))
        .hasMessageContaining("known t3 sizes: nano, micro, small, medium, large, xlarge, 2xlarge.");
  }

  @Test
  void describesMemoryAsEc2AdvertisesIt() {
    assertThat(InstanceTypes.require("m5.large").describeMemory()).isEqualTo("8 GiB");
    assertThat(InstanceTypes.require("t3.nano").describeMemory()).isEqualTo("0.5 GiB");
    assertThat(InstanceTypes.require("r4.large").describeMemory()).isEqualTo("15.25 GiB");
  }
}

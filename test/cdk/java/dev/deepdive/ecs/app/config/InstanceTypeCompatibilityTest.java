package dev.deepdive.ecs.app.config;

import static dev.deepdive.ecs.app.config.QaFile.config;
import static dev.deepdive.ecs.app.config.QaFile.problems;
import static dev.deepdive.ecs.app.config.QaFile.with;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstanceTypeCompatibilityTest {
  private static String capacity(String types, String family) {
    return with("[\"t3.large\", \"m5.large\"]", types).replace("\"maxSize\": 4",
        "\"maxSize\": 4, \"amiFamily\": \"" + family + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"t4g", "m7g", "c6gn", "r8g", "x2gd", "im4gn", "is4gen", "g5g", "hpc7g", "a1"})
  void recognisesGravitonFamilies(String family) {
    assertThat(InstanceType.parse(family + ".large").orElseThrow().graviton()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"t3", "t3a", "m5", "m6i", "c6i", "g4dn", "g5", "p3", "m7i-flex", "u-6tb1", "inf2"})
  void recognisesX86Families(String family) {
    assertThat(InstanceType.parse(family + ".large").orElseThrow().graviton()).isFalse();
  }

  @Test
  void rejectsAGravitonTypeForAnX86Family() {
    assertThat(problems(capacity("[\"t3.large\", \"m7g.large\"]", "AL2023"))).containsExactly(
        "app/environments/qa.json: capacity.instanceTypes[1]: 'm7g.large' is a Graviton (arm64) type but amiFamily"
            + " AL2023 is x86_64; use AL2023_ARM64 or an x86_64 type");
  }

  @Test
  void pointsAl2UsersAtTheAl2ArmFamily() {
    assertThat(problems(capacity("[\"t4g.large\"]", "AL2"))).containsExactly(
        "app/environments/qa.json: capacity.instanceTypes[0]: 't4g.large' is a Graviton (arm64) type but amiFamily"
            + " AL2 is x86_64; use AL2_ARM64 or an x86_64 type");
  }

  @Test
  void rejectsAnX86TypeForAnArmFamily() {
    assertThat(problems(capacity("[\"t3.large\"]", "AL2023_ARM64"))).containsExactly(
        "app/environments/qa.json: capacity.instanceTypes[0]: 't3.large' is an x86_64 type but amiFamily"
            + " AL2023_ARM64 is arm64; use AL2023 or a Graviton type (e.g. m7g.large)");
  }

  @Test
  void acceptsGravitonTypesForAnArmFamily() {
    assertThat(config(capacity("[\"t4g.large\", \"m7g.large\"]", "AL2023_ARM64")).capacity().amiFamily())
        .isEqualTo(AmiFamily.AL2023_ARM64);
  }

  @Test
  void rejectsATypeWithoutGpuForAGpuFamily() {
    assertThat(problems(capacity("[\"g5.xlarge\", \"m5.large\"]", "AL2023_GPU"))).containsExactly(
        "app/environments/qa.json: capacity.instanceTypes[1]: 'm5.large' has no GPU but amiFamily AL2023_GPU is"
            + " for GPU instances; use a g or p type (e.g. g5.xlarge) or amiFamily AL2023");
  }

  @Test
  void acceptsGpuTypesForAGpuFamily() {
    assertThat(problems(capacity("[\"g4dn.xlarge\", \"g5.xlarge\", \"p3.2xlarge\"]", "AL2_GPU"))).isEmpty();
  }

  @Test
  void rejectsAGravitonTypeForAGpuFamily() {
    assertThat(problems(capacity("[\"m7g.large\"]", "AL2023_GPU"))).containsExactly(
        "app/environments/qa.json: capacity.instanceTypes[0]: 'm7g.large' is a Graviton (arm64) type but amiFamily"
            + " AL2023_GPU is x86_64; use an x86_64 GPU type (g or p family, e.g. g5.xlarge)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"AL2023", "AL2023_ARM64", "AL2023_GPU", "AL2", "AL2_ARM64", "AL2_GPU"})
  void rejectsGravitonGpuTypesWithEveryFamily(String family) {
    assertThat(problems(capacity("[\"g5g.xlarge\"]", family))).singleElement().asString()
        .contains("'g5g.xlarge' is a Graviton (arm64) GPU type, and no AMI family offered here runs GPUs on arm64");
  }

  @Test
  void rejectsMacTypes() {
    assertThat(problems(capacity("[\"mac2.metal\"]", "AL2023"))).containsExactly(
        "app/environments/qa.json: capacity.instanceTypes[0]: 'mac2.metal' is a Mac type, which needs a Dedicated"
            + " Host and cannot run an ECS-optimized Amazon Linux AMI; use an EC2 type such as t3.medium");
  }
}

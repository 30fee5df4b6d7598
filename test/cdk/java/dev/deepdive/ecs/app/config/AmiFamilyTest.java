package dev.deepdive.ecs.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AmiFamilyTest {
  @Test
  void armFamiliesAreTheArm64Ones() {
    assertThat(Arrays.stream(AmiFamily.values()).filter(AmiFamily::arm64))
        .containsExactly(AmiFamily.AL2023_ARM64, AmiFamily.AL2_ARM64);
  }

  @Test
  void gpuFamiliesAreTheGpuOnes() {
    assertThat(Arrays.stream(AmiFamily.values()).filter(AmiFamily::gpu))
        .containsExactly(AmiFamily.AL2023_GPU, AmiFamily.AL2_GPU);
  }

  @Test
  void amazonLinux2023FamiliesAreTheAl2023Ones() {
    assertThat(Arrays.stream(AmiFamily.values()).filter(AmiFamily::amazonLinux2023))
        .containsExactly(AmiFamily.AL2023, AmiFamily.AL2023_ARM64, AmiFamily.AL2023_GPU);
  }
}

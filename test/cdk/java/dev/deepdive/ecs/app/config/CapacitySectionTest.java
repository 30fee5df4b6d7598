package dev.deepdive.ecs.app.config;

import static dev.deepdive.ecs.app.config.QaFile.config;
import static dev.deepdive.ecs.app.config.QaFile.problems;
import static dev.deepdive.ecs.app.config.QaFile.with;
import static dev.deepdive.ecs.app.config.QaFile.withCapacity;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CapacitySectionTest {
  private static String sizes(int min, int desired, int max) {
    return with("\"minSize\": 2,\n    \"desiredSize\": 2,\n    \"maxSize\": 4",
        "\"minSize\": " + min + ", \"desiredSize\": " + desired + ", \"maxSize\": " + max);
  }

  private static String types(String list) {
    return with("[\"t3.large\", \"m5.large\"]", list);
  }

  @Test
  void rejectsMaxBelowDesired() {
    assertThat(problems(sizes(2, 2, 1)))
        .containsExactly("app/environments/qa.json: capacity.maxSize: must be >= desiredSize (2), got 1");
  }

  @Test
  void rejectsDesiredBelowMin() {
    assertThat(problems(sizes(3, 2, 4)))
        .containsExactly("app/environments/qa.json: capacity.desiredSize: must be >= minSize (3), got 2");
  }

  @Test
  void comparesMaxWithMinWhenDesiredIsInvalid() {
    assertThat(problems(sizes(3, -1, 2))).contains(
        "app/environments/qa.json: capacity.maxSize: must be >= minSize (3), got 2");
  }

  @Test
  void rejectsANegativeMin() {
    assertThat(problems(sizes(-1, 2, 4)))
        .containsExactly("app/environments/qa.json: capacity.minSize: must be at least 0, got -1");
  }

  @Test
  void rejectsAMaxOfZero() {
    assertThat(problems(sizes(0, 0, 0))).containsExactly("app/environments/qa.json: capacity.maxSize: must be at"
        + " least 1 (a cluster without instances cannot run tasks), got 0");
  }

  @Test
  void rejectsAMaxAbove1000() {
    assertThat(problems(sizes(0, 0, 1001)))
        .containsExactly("app/environments/qa.json: capacity.maxSize: must be at most 1000, got 1001");
  }

  @Test
  void reportsAHugeNumberAsOutOfRangeNotAsAnOverflow() {
    assertThat(problems(sizes(0, 0, 0).replace("\"maxSize\": 0", "\"maxSize\": 99999999999999999999")))
        .containsExactly("app/environments/qa.json: capacity.maxSize: must be at most 1000, got"
            + " 99999999999999999999");
  }

  @Test
  void acceptsMinEqualToDesiredEqualToMax() {
    assertThat(config(sizes(3, 3, 3)).capacity().maxSize()).isEqualTo(3);
  }

  @Test
  void rejectsAnUnknownInstanceTypeFormat() {
    assertThat(problems(types("[\"t3.large\", \"t3.huge\"]"))).containsExactly("app/environments/qa.json:"
        + " capacity.instanceTypes[1]: not an EC2 instance type, got \"t3.huge\"; expected <family>.<size> such"
        + " as t3.medium, m7g.2xlarge or c6i.metal");
  }

  @Test
  void acceptsSizesFromNanoToMetal() {
    assertThat(problems(types("[\"t3.nano\", \"m5.24xlarge\", \"c6i.metal\", \"m7i.metal-48xl\"]"))).isEmpty();
  }

  @Test
  void rejectsAnEmptyInstanceTypeList() {
    assertThat(problems(types("[]"))).containsExactly("app/environments/qa.json: capacity.instanceTypes: must"
        + " list at least one instance type, got an empty list; e.g. [\"t3.medium\"]");
  }

  @Test
  void rejectsMoreThanTwentyInstanceTypes() {
    String many = IntStream.rangeClosed(1, 21).mapToObj(n -> "\"m5." + n + "xlarge\"")
        .collect(Collectors.joining(", ", "[", "]"));
    assertThat(problems(types(many))).containsExactly(
        "app/environments/qa.json: capacity.instanceTypes: must list at most 20 instance types, got 21");
  }

  @Test
  void rejectsARepeatedInstanceType() {
    assertThat(problems(types("[\"t3.large\", \"t3.large\"]"))).containsExactly("app/environments/qa.json:"
        + " capacity.instanceTypes[1]: duplicate instance type, got \"t3.large\"; list each type once");
  }

  @Test
  void keepsInstanceTypesInFileOrder() {
    assertThat(config(types("[\"m5.large\", \"t3.large\"]")).capacity().instanceTypes())
        .containsExactly("m5.large", "t3.large");
  }

  @Test
  void suggestsTheAmiFamilyOneLetterAway() {
    assertThat(problems(withCapacity("\"amiFamily\": \"AL2O23\""))).containsExactly("app/environments/qa.json:"
        + " capacity.amiFamily: unknown AMI family, got \"AL2O23\"; did you mean 'AL2023'? allowed: AL2023,"
        + " AL2023_ARM64, AL2023_GPU, AL2, AL2_ARM64, AL2_GPU");
  }

  @Test
  void listsTheAmiFamiliesWhenNoneIsClose() {
    assertThat(problems(withCapacity("\"amiFamily\": \"bottlerocket\""))).containsExactly("app/environments/qa.json:"
        + " capacity.amiFamily: unknown AMI family, got \"bottlerocket\"; allowed: AL2023, AL2023_ARM64, AL2023_GPU,"
        + " AL2, AL2_ARM64, AL2_GPU");
  }

  @Test
  void suggestsTheAmiFamilyWrittenInTheWrongCase() {
    assertThat(problems(withCapacity("\"amiFamily\": \"al2023\""))).containsExactly("app/environments/qa.json:"
        + " capacity.amiFamily: unknown AMI family, got \"al2023\"; did you mean 'AL2023'? allowed: AL2023,"
        + " AL2023_ARM64, AL2023_GPU, AL2, AL2_ARM64, AL2_GPU");
  }

  @Test
  void readsTheAmiFamily() {
    assertThat(config(withCapacity("\"amiFamily\": \"AL2\"")).capacity().amiFamily()).isEqualTo(AmiFamily.AL2);
  }

  @Test
  void rejectsARootVolumeSmallerThanTheAmi() {
    assertThat(problems(withCapacity("\"rootVolumeGiB\": 20"))).containsExactly("app/environments/qa.json:"
        + " capacity.rootVolumeGiB: must be at least 30 (the ECS-optimized AMI's root snapshot is 30 GiB), got 20");
  }

  @Test
  void rejectsARootVolumeLargerThanGp3Allows() {
    assertThat(problems(withCapacity("\"rootVolumeGiB\": 16385"))).containsExactly("app/environments/qa.json:"
        + " capacity.rootVolumeGiB: must be at most 16384 (the largest gp3 volume), got 16385");
  }

  @Test
  void rejectsAnEmptyKeyPairName() {
    assertThat(problems(withCapacity("\"keyPair\": \"\""))).containsExactly("app/environments/qa.json:"
        + " capacity.keyPair: must be 1 to 255 characters, got \"\"; the name of an EC2 key pair, or leave it out");
  }

  @Test
  void readsTheKeyPair() {
    assertThat(config(withCapacity("\"keyPair\": \"ops-key\"")).capacity().keyPair()).contains("ops-key");
  }
}

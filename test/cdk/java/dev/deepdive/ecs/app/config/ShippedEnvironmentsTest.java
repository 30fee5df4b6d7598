package dev.deepdive.ecs.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The files in app/environments describe one cluster per environment, each in its own VPC. */
class ShippedEnvironmentsTest {
  private static List<EnvironmentConfig> all;

  @BeforeAll
  static void load() {
    all = EnvironmentLoader.loadAll(Path.of("app/environments"));
  }

  private static EnvironmentConfig env(String name) {
    return all.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void loadsDevProdAndQaSortedByName() {
    assertThat(all).extracting(EnvironmentConfig::name).containsExactly("dev", "prod", "qa");
  }

  @Test
  void namesOneClusterPerEnvironment() {
    assertThat(all).extracting(EnvironmentConfig::clusterName)
        .containsExactly("deep-dive-dev", "deep-dive-prod", "deep-dive-qa");
  }

  @Test
  void givesEachEnvironmentItsOwnVpcRange() {
    assertThat(all).extracting(e -> e.network().cidr()).containsExactly("10.10.0.0/16", "10.30.0.0/16", "10.20.0.0/16");
  }

  @Test
  void areEnvironmentAgnostic() {
    assertThat(all).allSatisfy(e -> {
      assertThat(e.account()).isEmpty();
      assertThat(e.region()).isEmpty();
    });
  }

  @Test
  void devIsTwoAzsOneNatAndSmallBurstableInstances() {
    EnvironmentConfig dev = env("dev");
    assertThat(dev.network()).isEqualTo(new NetworkConfig("10.10.0.0/16", 2, List.of(), 1));
    assertThat(dev.capacity()).isEqualTo(new CapacityConfig(List.of("t3.medium", "t3a.medium"), 1, 1, 2,
        AmiFamily.AL2023, 30, java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
        java.util.Optional.empty(), 15));
  }

  @Test
  void qaIsTwoAzsOneNatAndTwoToFourInstances() {
    EnvironmentConfig qa = env("qa");
    assertThat(qa.network()).isEqualTo(new NetworkConfig("10.20.0.0/16", 2, List.of(), 1));
    assertThat(qa.capacity()).isEqualTo(new CapacityConfig(List.of("t3.large", "m5.large"), 2, 2, 4,
        AmiFamily.AL2023, 30, java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
        java.util.Optional.empty(), 15));
  }

  @Test
  void prodIsThreeAzsWithANatEachAndThreeToNineInstances() {
    EnvironmentConfig prod = env("prod");
    assertThat(prod.network()).isEqualTo(new NetworkConfig("10.30.0.0/16", 3, List.of(), 3));
    assertThat(prod.capacity()).isEqualTo(new CapacityConfig(List.of("m6i.large", "m5.large", "c6i.xlarge"), 3, 3, 9,
        AmiFamily.AL2023, 30, java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
        java.util.Optional.empty(), 15));
  }

  @Test
  void prodCleansUpStoppedTasksAfterAnHour() {
    assertThat(env("prod").agent()).containsExactly(
        Map.entry("ECS_ENABLE_CONTAINER_METADATA", "true"),
        Map.entry("ECS_CONTAINER_STOP_TIMEOUT", "30s"),
        Map.entry("ECS_ENGINE_TASK_CLEANUP_WAIT_DURATION", "1h"));
  }

  @Test
  void devEnablesContainerMetadata() {
    assertThat(env("dev").agent()).containsExactly(
        Map.entry("ECS_ENABLE_CONTAINER_METADATA", "true"),
        Map.entry("ECS_CONTAINER_STOP_TIMEOUT", "30s"));
  }

  @Test
  void tagsEachEnvironmentWithItsNameAndTheProject() {
    assertThat(all).allSatisfy(e -> assertThat(e.tags())
        .containsExactly(Map.entry("environment", e.name()), Map.entry("project", "deep-dive")));
  }

  @Test
  void recordsWhereEachWasRead() {
    assertThat(env("qa").source()).isEqualTo(Path.of("app/environments/qa.json"));
  }
}

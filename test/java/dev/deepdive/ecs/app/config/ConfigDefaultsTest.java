package dev.deepdive.ecs.app.config;

import static dev.deepdive.ecs.app.config.QaFile.config;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each default is a documented value (README.md) and is what an omitted field becomes. */
class ConfigDefaultsTest {
  private static final EnvironmentConfig MINIMAL = config(QaFile.MINIMAL);

  @Test
  void maxAzsDefaultsToTwo() {
    assertThat(ConfigDefaults.MAX_AZS).isEqualTo(2);
    assertThat(MINIMAL.network().maxAzs()).isEqualTo(ConfigDefaults.MAX_AZS);
  }

  @Test
  void availabilityZonesDefaultToNoneSoCdkPicks() {
    assertThat(MINIMAL.network().availabilityZones()).isEmpty();
  }

  @Test
  void natGatewaysDefaultToOne() {
    assertThat(ConfigDefaults.NAT_GATEWAYS).isEqualTo(1);
    assertThat(MINIMAL.network().natGateways()).isEqualTo(ConfigDefaults.NAT_GATEWAYS);
  }

  @Test
  void amiFamilyDefaultsToAmazonLinux2023OnX86() {
    assertThat(ConfigDefaults.AMI_FAMILY).isEqualTo(AmiFamily.AL2023);
    assertThat(MINIMAL.capacity().amiFamily()).isEqualTo(ConfigDefaults.AMI_FAMILY);
  }

  @Test
  void rootVolumeDefaultsTo30GiB() {
    assertThat(ConfigDefaults.ROOT_VOLUME_GIB).isEqualTo(30);
    assertThat(MINIMAL.capacity().rootVolumeGiB()).isEqualTo(ConfigDefaults.ROOT_VOLUME_GIB);
  }

  @Test
  void keyPairDefaultsToNone() {
    assertThat(MINIMAL.capacity().keyPair()).isEmpty();
  }

  @Test
  void agentSettingsDefaultToAnEmptyMap() {
    assertThat(MINIMAL.agent()).isNotNull().isEmpty();
  }

  @Test
  void tagsDefaultToAnEmptyMap() {
    assertThat(MINIMAL.tags()).isNotNull().isEmpty();
  }
}

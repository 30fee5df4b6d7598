package dev.deepdive.ecs.app.config;

import static dev.deepdive.ecs.app.config.QaFile.config;
import static dev.deepdive.ecs.app.config.QaFile.problems;
import static dev.deepdive.ecs.app.config.QaFile.with;
import static dev.deepdive.ecs.app.config.QaFile.withNetwork;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NetworkSectionTest {
  private static String cidr(String value) {
    return with("\"10.20.0.0/16\"", "\"" + value + "\"");
  }

  @Test
  void rejectsATextThatIsNoCidr() {
    assertThat(problems(cidr("10.20.0/16"))).containsExactly("app/environments/qa.json: network.cidr: not an"
        + " IPv4 CIDR block, got \"10.20.0/16\"; expected address/prefix such as 10.10.0.0/16");
  }

  @Test
  void rejectsOctetsAbove255() {
    assertThat(problems(cidr("10.256.0.0/16"))).singleElement().asString().contains("not an IPv4 CIDR block");
  }

  @Test
  void rejectsSetHostBits() {
    assertThat(problems(cidr("10.20.1.0/16"))).containsExactly("app/environments/qa.json: network.cidr: host"
        + " bits must be zero, got \"10.20.1.0/16\"; the block containing it is 10.20.0.0/16");
  }

  @Test
  void rejectsAPrefixShorterThan16() {
    assertThat(problems(cidr("10.0.0.0/8"))).containsExactly("app/environments/qa.json: network.cidr: prefix"
        + " must be /16 to /24, got \"10.0.0.0/8\"; /16 is the largest VPC AWS allows, /24 the smallest with room"
        + " for subnets in every zone");
  }

  @Test
  void rejectsAPrefixLongerThan24() {
    assertThat(problems(cidr("10.20.0.0/25"))).singleElement().asString().contains("prefix must be /16 to /24");
  }

  @Test
  void acceptsA24() {
    assertThat(config(cidr("10.20.0.0/24")).network().cidr()).isEqualTo("10.20.0.0/24");
  }

  @Test
  void rejectsFewerThanTwoAzs() {
    assertThat(problems(withNetwork("\"maxAzs\": 1"))).containsExactly("app/environments/qa.json:"
        + " network.maxAzs: must be at least 2 (a cluster needs two Availability Zones to survive one failing),"
        + " got 1");
  }

  @Test
  void rejectsMoreThanSixAzs() {
    assertThat(problems(withNetwork("\"maxAzs\": 7"))).containsExactly("app/environments/qa.json:"
        + " network.maxAzs: must be at most 6 (the most Availability Zones any region offers), got 7");
  }

  @Test
  void rejectsMaxAzsTogetherWithExplicitZones() {
    assertThat(problems(withNetwork("\"maxAzs\": 2, \"availabilityZones\": [\"us-east-1a\", \"us-east-1b\"]")))
        .containsExactly("app/environments/qa.json: network.maxAzs: give either maxAzs or availabilityZones, got"
            + " both; the zone list already sets the count, so remove maxAzs");
  }

  @Test
  void explicitZonesSetTheAzCount() {
    NetworkConfig network = config(withNetwork(
        "\"availabilityZones\": [\"us-east-1a\", \"us-east-1b\", \"us-east-1c\"]")).network();
    assertThat(network.maxAzs()).isEqualTo(3);
    assertThat(network.availabilityZones()).containsExactly("us-east-1a", "us-east-1b", "us-east-1c");
  }

  @Test
  void rejectsASingleExplicitZone() {
    assertThat(problems(withNetwork("\"availabilityZones\": [\"us-east-1a\"]"))).containsExactly(
        "app/environments/qa.json: network.availabilityZones: must name at least 2 distinct zones (a cluster"
            + " needs two Availability Zones to survive one failing), got 1");
  }

  @Test
  void rejectsARepeatedZone() {
    assertThat(problems(withNetwork("\"availabilityZones\": [\"us-east-1a\", \"us-east-1b\", \"us-east-1a\"]")))
        .containsExactly("app/environments/qa.json: network.availabilityZones[2]: duplicate zone, got"
            + " \"us-east-1a\"; list each zone once");
  }

  @Test
  void rejectsAZoneId() {
    assertThat(problems(withNetwork("\"availabilityZones\": [\"use1-az1\", \"us-east-1b\"]"))).containsExactly(
        "app/environments/qa.json: network.availabilityZones[0]: not an Availability Zone name, got"
            + " \"use1-az1\"; expected a region name followed by a letter, e.g. us-east-1a");
  }

  @Test
  void rejectsAZoneOutsideTheRegion() {
    assertThat(problems(QaFile.withTop("\"region\": \"us-east-1\"")
        .replace("\"cidr\": \"10.20.0.0/16\"",
            "\"cidr\": \"10.20.0.0/16\", \"availabilityZones\": [\"us-east-1a\", \"us-west-2b\"]")))
        .containsExactly("app/environments/qa.json: network.availabilityZones[1]: zone is not in region"
            + " us-east-1, got \"us-west-2b\"; use zones such as us-east-1a");
  }

  @Test
  void rejectsZonesOfTwoRegionsWhenNoRegionIsSet() {
    assertThat(problems(withNetwork("\"availabilityZones\": [\"us-east-1a\", \"eu-west-1b\"]"))).containsExactly(
        "app/environments/qa.json: network.availabilityZones[1]: zone is not in us-east-1 like"
            + " network.availabilityZones[0], got \"eu-west-1b\"; a VPC lies in one region");
  }

  @Test
  void rejectsMoreNatGatewaysThanAzs() {
    assertThat(problems(withNetwork("\"natGateways\": 3"))).containsExactly("app/environments/qa.json:"
        + " network.natGateways: must be at most 2 (one per Availability Zone), got 3");
  }

  @Test
  void allowsNoNatGateway() {
    assertThat(config(withNetwork("\"natGateways\": 0")).network().natGateways()).isZero();
  }

  @Test
  void rejectsNegativeNatGateways() {
    assertThat(problems(withNetwork("\"natGateways\": -1"))).containsExactly("app/environments/qa.json:"
        + " network.natGateways: must be at least 0, got -1");
  }
}

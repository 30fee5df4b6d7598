package dev.deepdive.ecs.app.config;

import static dev.deepdive.ecs.app.config.QaFile.problems;
import static dev.deepdive.ecs.app.config.QaFile.with;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnknownFieldTest {
  @Test
  void suggestsTheFieldThatDiffersOnlyInCase() {
    assertThat(problems(with("\"maxSize\"", "\"maxsize\"")))
        .contains("app/environments/qa.json: capacity.maxsize: unknown field; did you mean 'maxSize'? allowed:"
            + " instanceTypes, minSize, desiredSize, maxSize, amiFamily, rootVolumeGiB, keyPair, amiId,"
            + " amiParameterVersion, spot, signalTimeoutMinutes");
  }

  @Test
  void suggestsTheFieldOneLetterAway() {
    assertThat(problems(QaFile.withNetwork("\"natGateway\": 1")))
        .containsExactly("app/environments/qa.json: network.natGateway: unknown field; did you mean 'natGateways'?"
            + " allowed: cidr, maxAzs, availabilityZones, natGateways");
  }

  @Test
  void reportsUnknownTopLevelFieldsWithoutAPrefix() {
    assertThat(problems(QaFile.withTop("\"clustername\": \"x\"")))
        .containsExactly("app/environments/qa.json: clustername: unknown field; did you mean 'clusterName'?"
            + " allowed: $schema, name, account, region, clusterName, network, capacity, agent, tags, loadBalancer,"
            + " legacyEcsServiceRole, taskDefinitionFamilies, ecrRepositories, services, tasks");
  }

  @Test
  void listsTheAllowedFieldsWhenNothingIsClose() {
    assertThat(problems(QaFile.withNetwork("\"ipv6\": true")))
        .containsExactly("app/environments/qa.json: network.ipv6: unknown field; allowed: cidr, maxAzs,"
            + " availabilityZones, natGateways");
  }

  @Test
  void reportsEveryUnknownFieldOfAFile() {
    assertThat(problems(QaFile.withTop("\"owner\": \"me\", \"cost\": 1"))).hasSize(2);
  }

  @Test
  void aFileWithAnUnknownFieldYieldsNoConfig() {
    assertThat(QaFile.read(QaFile.withTop("\"owner\": \"me\"")).config()).isEmpty();
  }
}

package dev.deepdive.ecs.app.config;

import static dev.deepdive.ecs.app.config.QaFile.problems;
import static dev.deepdive.ecs.app.config.QaFile.with;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MissingFieldTest {
  @Test
  void namesTheMissingNestedField() {
    assertThat(problems(with("\"cidr\": \"10.20.0.0/16\"", "\"maxAzs\": 2")))
        .containsExactly("app/environments/qa.json: network.cidr: required field is missing");
  }

  @Test
  void namesEveryMissingTopLevelField() {
    assertThat(problems("{}")).containsExactly(
        "app/environments/qa.json: name: required field is missing",
        "app/environments/qa.json: clusterName: required field is missing",
        "app/environments/qa.json: network: required field is missing",
        "app/environments/qa.json: capacity: required field is missing");
  }

  @Test
  void namesEveryMissingCapacityField() {
    assertThat(problems(with("\"minSize\": 2,\n    \"desiredSize\": 2,\n", ""))).containsExactly(
        "app/environments/qa.json: capacity.minSize: required field is missing",
        "app/environments/qa.json: capacity.desiredSize: required field is missing");
  }
}

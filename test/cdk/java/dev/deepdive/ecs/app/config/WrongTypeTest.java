package dev.deepdive.ecs.app.config;

import static dev.deepdive.ecs.app.config.QaFile.problems;
import static dev.deepdive.ecs.app.config.QaFile.with;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WrongTypeTest {
  @Test
  void aQuotedNumberIsNotAnInteger() {
    assertThat(problems(with("\"minSize\": 2", "\"minSize\": \"2\"")))
        .containsExactly("app/environments/qa.json: capacity.minSize: expected an integer, got \"2\" (a string)");
  }

  @Test
  void aFractionIsNotAnInteger() {
    assertThat(problems(with("\"maxSize\": 4", "\"maxSize\": 4.5")))
        .containsExactly("app/environments/qa.json: capacity.maxSize: expected an integer, got 4.5 (a number)");
  }

  /** JSON has one kind of number; JSON Schema, and so every editor, counts 4.0 as the integer 4. */
  @Test
  void aWholeNumberWithADecimalPointIsAnInteger() {
    assertThat(QaFile.config(with("\"maxSize\": 4", "\"maxSize\": 4.0")).capacity().maxSize()).isEqualTo(4);
  }

  @Test
  void aNumberIsNotAString() {
    assertThat(problems(QaFile.withTop("\"account\": 111111111111")))
        .containsExactly("app/environments/qa.json: account: expected a string, got 111111111111 (a number)");
  }

  @Test
  void nullIsNotAString() {
    assertThat(problems(with("\"deep-dive-qa\"", "null")))
        .containsExactly("app/environments/qa.json: clusterName: expected a string, got null");
  }

  @Test
  void aStringIsNotAListOfInstanceTypes() {
    assertThat(problems(with("[\"t3.large\", \"m5.large\"]", "\"t3.large\"")))
        .containsExactly("app/environments/qa.json: capacity.instanceTypes: expected a list of strings, got"
            + " \"t3.large\" (a string)");
  }

  @Test
  void namesTheListItemOfTheWrongType() {
    assertThat(problems(with("\"m5.large\"]", "5]")))
        .containsExactly("app/environments/qa.json: capacity.instanceTypes[1]: expected a string, got 5 (a number)");
  }

  @Test
  void aSectionMustBeAnObject() {
    assertThat(problems(with("\"network\": {\n    \"cidr\": \"10.20.0.0/16\"\n  }", "\"network\": \"10.20.0.0/16\"")))
        .containsExactly("app/environments/qa.json: network: expected an object, got \"10.20.0.0/16\" (a string)");
  }

  @Test
  void anAgentValueMustBeAString() {
    assertThat(problems(QaFile.withTop("\"agent\": {\"ECS_ENABLE_CONTAINER_METADATA\": true}")))
        .containsExactly("app/environments/qa.json: agent.ECS_ENABLE_CONTAINER_METADATA: expected a string, got"
            + " true (a boolean); write the value in quotes");
  }
}

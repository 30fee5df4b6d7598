package dev.deepdive.ecs.app.config;

import static dev.deepdive.ecs.app.config.QaFile.config;
import static dev.deepdive.ecs.app.config.QaFile.problems;
import static dev.deepdive.ecs.app.config.QaFile.withTop;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgentSectionTest {
  @Test
  void keepsSettingsInFileOrder() {
    assertThat(config(withTop("\"agent\": {\"ECS_LOGLEVEL\": \"info\", \"ECS_CONTAINER_STOP_TIMEOUT\": \"30s\","
        + " \"ECS_AWSVPC_BLOCK_IMDS\": \"true\"}")).agent().keySet())
        .containsExactly("ECS_LOGLEVEL", "ECS_CONTAINER_STOP_TIMEOUT", "ECS_AWSVPC_BLOCK_IMDS");
  }

  @Test
  void forbidsEcsClusterBecauseTheToolWritesIt() {
    assertThat(problems(withTop("\"agent\": {\"ECS_CLUSTER\": \"other\"}"))).containsExactly(
        "app/environments/qa.json: agent.ECS_CLUSTER: not allowed here, got \"other\"; the tool writes ECS_CLUSTER"
            + " from clusterName, so remove this line");
  }

  @Test
  void rejectsANameThatIsNoAgentVariable() {
    assertThat(problems(withTop("\"agent\": {\"ecs_loglevel\": \"info\"}"))).containsExactly(
        "app/environments/qa.json: agent.ecs_loglevel: not an ECS agent setting name, got \"ecs_loglevel\";"
            + " expected ECS_ followed by capital letters, digits or _, e.g. ECS_LOGLEVEL");
  }

  @Test
  void rejectsALineBreakThatWouldSmuggleInASetting() {
    assertThat(problems(withTop("\"agent\": {\"ECS_LOGLEVEL\": \"info\\nECS_CLUSTER=other\"}"))).containsExactly(
        "app/environments/qa.json: agent.ECS_LOGLEVEL: must not contain a line break or NUL (ecs.config holds one"
            + " setting per line), got \"info\\nECS_CLUSTER=other\"");
  }

  @Test
  void rejectsNul() {
    assertThat(problems(withTop("\"agent\": {\"ECS_LOGLEVEL\": \"info\\u0000\"}"))).singleElement().asString()
        .contains("must not contain a line break or NUL");
  }

  @Test
  void rejectsAValueLongerThan1024Characters() {
    assertThat(problems(withTop("\"agent\": {\"ECS_LOGLEVEL\": \"" + "x".repeat(1025) + "\"}"))).containsExactly(
        "app/environments/qa.json: agent.ECS_LOGLEVEL: must be at most 1024 characters, got 1025 characters");
  }

  @Test
  void anUnknownSettingIsAnErrorWithASuggestion() {
    assertThat(problems(withTop("\"agent\": {\"ECS_ENABLE_CONTAINER_METADATE\": \"true\"}"))).containsExactly(
        "app/environments/qa.json: agent.ECS_ENABLE_CONTAINER_METADATE: not an ECS agent setting this tool knows;"
            + " the agent would ignore it; did you mean ECS_ENABLE_CONTAINER_METADATA? (the settings:"
            + " docs/grants.md#agent-settings)");
  }

  @Test
  void valuesAreCheckedByTheSettingsType() {
    assertThat(problems(withTop("\"agent\": {\"ECS_CONTAINER_STOP_TIMEOUT\": \"30\", \"ECS_LOGLEVEL\": \"loud\"}")))
        .containsExactly(
            "app/environments/qa.json: agent.ECS_CONTAINER_STOP_TIMEOUT: expected a Go duration such as 30s, 5m or"
                + " 1h30m, got \"30\"",
            "app/environments/qa.json: agent.ECS_LOGLEVEL: expected one of crit, error, warn, info, debug, got"
                + " \"loud\"");
  }

  @Test
  void rejectsMoreReservedMemoryThanTheAgentReads() {
    assertThat(problems(withTop("\"agent\": {\"ECS_RESERVED_MEMORY\": \"65536\"}"))).containsExactly(
        "app/environments/qa.json: agent.ECS_RESERVED_MEMORY: must be a whole number of MiB from 0 to 65535, got"
            + " \"65536\"; the agent keeps that much memory from tasks, e.g. \"256\"");
  }

  @Test
  void mustBeAnObject() {
    assertThat(problems(withTop("\"agent\": [\"ECS_LOGLEVEL=info\"]"))).containsExactly(
        "app/environments/qa.json: agent: expected an object of names to strings, got a list");
  }
}

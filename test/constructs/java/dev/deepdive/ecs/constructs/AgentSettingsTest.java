package dev.deepdive.ecs.constructs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The agent settings catalog: what it accepts and the one-line problem for what it does not. */
class AgentSettingsTest {
  private static List<String> problems(String name, String value) {
    return AgentSettings.check(Map.of(name, value)).stream().map(p -> p.setting() + ": " + p.message()).toList();
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "ECS_LOGLEVEL | debug",
      "ECS_ENABLE_CONTAINER_METADATA | true",
      "ECS_ENABLE_TASK_IAM_ROLE | False",
      "ECS_CONTAINER_STOP_TIMEOUT | 30s",
      "ECS_CONTAINER_STOP_TIMEOUT | 1m30s",
      "ECS_CONTAINER_START_TIMEOUT | 45s",
      "ECS_ENGINE_TASK_CLEANUP_WAIT_DURATION | 1h",
      "ECS_IMAGE_CLEANUP_INTERVAL | 10m",
      "ECS_POLLING_METRICS_WAIT_DURATION | 12.5s",
      "ECS_CGROUP_CPU_PERIOD | 10ms",
      "ECS_RESERVED_MEMORY | 256",
      "ECS_RESERVED_PORTS | [22, 80, 5000, 8080]",
      "ECS_RESERVED_PORTS_UDP | []",
      "ECS_AVAILABLE_LOGGING_DRIVERS | [\"json-file\",\"awslogs\",\"splunk\"]",
      "ECS_INSTANCE_ATTRIBUTES | {\"stack\": \"prod\"}",
      "ECS_CONTAINER_INSTANCE_TAGS | {\"team\": \"web\", \"cost-center\": \"\"}",
      "ECS_CONTAINER_INSTANCE_PROPAGATE_TAGS_FROM | ec2_instance",
      "ECS_IMAGE_PULL_BEHAVIOR | prefer-cached",
      "ECS_DYNAMIC_HOST_PORT_RANGE | 49152-65535",
      "ECS_TASK_METADATA_RPS_LIMIT | 100,150",
      "ECS_AWSVPC_ADDITIONAL_LOCAL_ROUTES | [\"10.0.15.0/24\"]",
      "ECS_TASK_PIDS_LIMIT | 4194304",
      "ECS_ENABLE_SPOT_INSTANCE_DRAINING | true",
      "ECS_ENABLE_AWSLOGS_EXECUTIONROLE_OVERRIDE | true",
      "ECS_EXCLUDE_UNTRACKED_IMAGE | alpine:latest,busybox:1",
  })
  void acceptsWhatTheAgentTakes(String name, String value) {
    assertThat(problems(name, value)).isEmpty();
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "ECS_ENABLE_CONTAINER_METADATA | yes | expected true or false, got \"yes\"",
      "ECS_LOGLEVEL | verbose | expected one of crit, error, warn, info, debug, got \"verbose\"",
      "ECS_LOGLEVEL | inf | expected one of crit, error, warn, info, debug, got \"inf\"; did you mean info?",
      "ECS_CONTAINER_STOP_TIMEOUT | 30 | expected a Go duration such as 30s, 5m or 1h30m, got \"30\"",
      "ECS_CONTAINER_STOP_TIMEOUT | 30 s | expected a Go duration such as 30s, 5m or 1h30m, got \"30 s\"",
      "ECS_CONTAINER_STOP_TIMEOUT | 500ms | must be at least 1s (below it the agent fails or uses its default), got \"500ms\"",
      "ECS_CONTAINER_START_TIMEOUT | 30s | must be at least 45s (below it the agent fails or uses its default), got \"30s\"",
      "ECS_IMAGE_CLEANUP_INTERVAL | 5m | must be at least 10m (below it the agent fails or uses its default), got \"5m\"",
      "ECS_POLLING_METRICS_WAIT_DURATION | 30s | must be 5s to 20s (the agent replaces other values), got \"30s\"",
      "ECS_RESERVED_MEMORY | 70000 | must be a whole number of MiB from 0 to 65535, got \"70000\"; the agent keeps that much memory from tasks, e.g. \"256\"",
      "ECS_RESERVED_MEMORY | 256MiB | must be a whole number of MiB from 0 to 65535, got \"256MiB\"; the agent keeps that much memory from tasks, e.g. \"256\"",
      "ECS_RESERVED_PORTS | 22,80 | expected a JSON list of port numbers 0 to 65535, got \"22,80\"",
      "ECS_RESERVED_PORTS | [22, 70000] | expected a JSON list of port numbers 0 to 65535, got 70000 in \"[22, 70000]\"",
      "ECS_CONTAINER_INSTANCE_TAGS | team=web | expected a JSON object of names to strings, e.g. {\"team\":\"web\"}, got \"team=web\"",
      "ECS_CONTAINER_INSTANCE_TAGS | {\"aws:team\": \"web\"} | tag keys must not start with aws: (reserved for AWS), got \"aws:team\"",
      "ECS_CONTAINER_INSTANCE_TAGS | {\"team\": 1} | the value of \"team\" must be a string, got 1",
      "ECS_CONTAINER_INSTANCE_PROPAGATE_TAGS_FROM | ec2 | expected one of none, ec2_instance, got \"ec2\"",
      "ECS_AVAILABLE_LOGGING_DRIVERS | [\"cloudwatch\"] | expected a JSON list of json-file, syslog, journald, gelf, fluentd, awslogs, splunk, logentries, sumologic, awsfirelens, none, got \"cloudwatch\" in \"[\\\"cloudwatch\\\"]\"",
      "ECS_DYNAMIC_HOST_PORT_RANGE | 65535-49152 | expected ports 1 to 65535 with the first below the last, got \"65535-49152\"",
      "ECS_ENABLE_AWSLOGS_EXECUTIONROLE_OVERRIDE | false | must be true, got \"false\": with false the awslogs driver writes with the instance role, while this tool grants each service's log groups to its execution role",
  })
  void refusesWhatTheAgentWouldIgnoreOrReplace(String name, String value, String message) {
    assertThat(problems(name, value)).containsExactly(name + ": " + message);
  }

  @Test
  void anUnknownSettingIsAnErrorWithASuggestion() {
    assertThat(problems("ECS_CONTAINER_INSTANCE_TAG", "{}")).containsExactly("ECS_CONTAINER_INSTANCE_TAG: not an ECS"
        + " agent setting this tool knows; the agent would ignore it; did you mean ECS_CONTAINER_INSTANCE_TAGS? (the"
        + " settings: docs/grants.md#agent-settings)");
    assertThat(problems("ECS_LOGLEVL", "info")).singleElement().asString().contains("did you mean ECS_LOGLEVEL?");
    assertThat(problems("ECS_FROBNICATE", "1")).containsExactly("ECS_FROBNICATE: not an ECS agent setting this tool"
        + " knows; the agent would ignore it (the settings: docs/grants.md#agent-settings)");
  }

  @Test
  void theClusterIsTheTools() {
    assertThat(problems("ECS_CLUSTER", "other")).containsExactly("ECS_CLUSTER: not allowed here, got \"other\"; the"
        + " tool writes ECS_CLUSTER from clusterName, so remove this line");
  }

  @Test
  void settingsOfEcsInitAndOfWindowsAreRefusedWithTheReason() {
    assertThat(problems("ECS_DATADIR", "/data")).singleElement().asString()
        .contains("set by ecs-init on the ECS-optimized AMI");
    assertThat(problems("ECS_ENABLE_CPU_UNBOUNDED_WINDOWS_WORKAROUND", "true")).singleElement().asString()
        .contains("Windows only");
  }

  @Test
  void settingsThatOnlyWorkTogetherAreCheckedTogether() {
    assertThat(problems("ECS_ENGINE_AUTH_TYPE", "docker")).containsExactly("ECS_ENGINE_AUTH_TYPE: needs"
        + " ECS_ENGINE_AUTH_DATA as well: the agent reads the registry credentials only from both together");
    assertThat(problems("ECS_LOG_DRIVER", "awslogs")).containsExactly("ECS_LOG_DRIVER: awslogs needs ECS_LOG_OPTS"
        + " with an awslogs-group, e.g. {\"awslogs-group\":\"/ecs/agent\"}: without one Docker refuses to start the"
        + " agent's container");
    Map<String, String> both = new LinkedHashMap<>();
    both.put("ECS_LOG_DRIVER", "awslogs");
    both.put("ECS_LOG_OPTS", "{\"awslogs-group\": \"/ecs/agent\"}");
    assertThat(AgentSettings.check(both)).isEmpty();
  }

  @Test
  void registryCredentialsAreNeverShownInAMessage() {
    Map<String, String> settings = Map.of("ECS_ENGINE_AUTH_TYPE", "docker", "ECS_ENGINE_AUTH_DATA", "user:secret");
    assertThat(AgentSettings.check(settings)).singleElement().asString().doesNotContain("secret");
  }

  @Test
  void valuesAreOneLineOfAtMost1024Characters() {
    assertThat(problems("ECS_LOGLEVEL", "info\nECS_CLUSTER=other")).containsExactly("ECS_LOGLEVEL: must not contain"
        + " a line break or NUL (ecs.config holds one setting per line), got \"info\\nECS_CLUSTER=other\"");
    assertThat(problems("ECS_EXCLUDE_UNTRACKED_IMAGE", "x".repeat(1025))).containsExactly(
        "ECS_EXCLUDE_UNTRACKED_IMAGE: must be at most 1024 characters, got 1025 characters");
  }

  @Test
  void everySettingOfTheCatalogIsDocumented() throws java.io.IOException {
    String docs = java.nio.file.Files.readString(java.nio.file.Path.of("docs/grants.md"));
    assertThat(AgentSettings.catalog()).allSatisfy(s -> assertThat(docs).contains("`" + s.name() + "`"));
    assertThat(AgentSettings.refused().keySet()).allSatisfy(name -> assertThat(docs).contains("`" + name + "`"));
  }

  @ParameterizedTest
  @CsvSource({"0, 0", "1h30m, 5400000", "1.5h, 5400000", "300ms, 300", "2h45m10s, 9910000", "1us, 0.001"})
  void goDurationsAreReadAsTheAgentReadsThem(String value, String millis) {
    assertThat(AgentSettings.goDurationMillis(value)).hasValueSatisfying(
        ms -> assertThat(ms).isEqualByComparingTo(millis));
  }

  @ParameterizedTest
  @CsvSource({"''", "s", "1", "1d", "-", "1.s.5"})
  void notGoDurations(String value) {
    assertThat(AgentSettings.goDurationMillis(value)).isEmpty();
  }
}

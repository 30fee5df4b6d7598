package dev.deepdive.ecs.ecsctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepdive.ecs.ecsctl.cli.CliRun.Result;
import dev.deepdive.ecs.ecsctl.ops.Cancellation;
import dev.deepdive.ecs.ecsctl.testing.Fault;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** services events and services logs against the fake ECS and CloudWatch Logs endpoints, in simulated time. */
class ServicesEventsAndLogsCommandTest extends FakeProdClusterTest {
  private static final String GROUP = "/ecs/prod/web";

  @BeforeEach void webWithTwoContainersLoggingToOneGroup() {
    fake.registerTaskDefinition("web").container("envoy").awslogs(GROUP, "us-east-1", "web");
    prod.service("web").taskDefinition("web:1")
        .event("(service web) has started 2 tasks: (task aaa) (task bbb).", 7200)
        .event("(service web) was unable to place a task because no container instance met all of its requirements.",
            600)
        .event("(service web) has reached a steady state.", 60);
    fake.logs()
        .event(GROUP, "web/web/1111222233334444", Duration.ofMinutes(-20), "old line")
        .event(GROUP, "web/web/1111222233334444", Duration.ofMinutes(-5), "GET /health 200\n")
        .event(GROUP, "web/envoy/1111222233334444", Duration.ofMinutes(-4), "envoy ready")
        .event(GROUP, "web/web/5555666677778888", Duration.ofMinutes(-3), "GET / 200")
        .event(GROUP, "other/web/9999", Duration.ofMinutes(-2), "another service's line")
        .event(GROUP, "web/web/5555666677778888", Duration.ofMinutes(-1), "GET /a 200")
        .event(GROUP, "web/web/5555666677778888", Duration.ofSeconds(-30), "GET /b 200")
        .event(GROUP, "web/web/5555666677778888", Duration.ofSeconds(-10), "GET /c 500")
        .event(GROUP, "web/web/5555666677778888", Duration.ofSeconds(30), "after now: GET /d 200")
        .event(GROUP, "web/envoy/5555666677778888", Duration.ofSeconds(70), "after now: envoy draining");
  }

  private Result run(String... args) {
    return CliRun.against(fake, time).run(args);
  }

  private static void assertExit(Result result, int code) {
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(code);
  }

  // ---- events ------------------------------------------------------------------------------------------

  @Test void eventsOldestFirstWithinSince() {
    Result result = run("services", "events", "--cluster", "prod", "--service", "web", "--since", "1h");

    assertExit(result, 0);
    assertThat(result.out()).isEqualTo("""
        2026-01-15T08:50:00Z  (service web) was unable to place a task because no container instance met all of its requirements.
        2026-01-15T08:59:00Z  (service web) has reached a steady state.
        """);
  }

  @Test void eventsInJsonWithALimit() throws Exception {
    Result result = run("services", "events", "--cluster", "prod", "--service", "web", "--limit", "1", "--output",
        "json");

    assertExit(result, 0);
    JsonNode events = new ObjectMapper().readTree(result.out()).get("events");
    assertThat(events).hasSize(1);
    assertThat(events.get(0).get("message").asText()).isEqualTo("(service web) has reached a steady state.");
  }

  @Test void eventsOfAMissingServiceOrClusterAreNotFound() {
    assertThat(run("services", "events", "--cluster", "prod", "--service", "ghost").err())
        .startsWith("ecsctl: service 'ghost' in cluster 'prod' not found (ServiceNotFoundException)");
    Result cluster = run("services", "events", "--cluster", "nope", "--service", "web");
    assertExit(cluster, 1);
    assertThat(cluster.err()).startsWith("ecsctl: cluster 'nope' not found (ClusterNotFoundException: Cluster not found.) in region"
        + " us-east-1");
  }

  // ---- logs --------------------------------------------------------------------------------------------

  @Test void logsOfAllContainersSinceTenMinutesOnlyTheServicesStreamsAcrossPages() {
    Result result = run("services", "logs", "--cluster", "prod", "--service", "web");

    assertExit(result, 0);
    assertThat(result.out()).isEqualTo("""
        2026-01-15T08:55:00Z  web/11112222  GET /health 200
        2026-01-15T08:56:00Z  envoy/11112222  envoy ready
        2026-01-15T08:57:00Z  web/55556666  GET / 200
        2026-01-15T08:59:00Z  web/55556666  GET /a 200
        2026-01-15T08:59:30Z  web/55556666  GET /b 200
        2026-01-15T08:59:50Z  web/55556666  GET /c 500
        """);
    // One query for both containers (same group and prefix), read across two pages of 5.
    assertThat(fake.logs().callsTo("FilterLogEvents")).hasSize(2)
        .allSatisfy(c -> assertThat(c.request().get("logStreamNamePrefix").asText()).isEqualTo("web/"));
    assertThat(fake.logs().callsTo("FilterLogEvents").get(0).request().get("startTime").asLong())
        .isEqualTo(SimulatedTimeEpoch.MILLIS - 600_000);
  }

  @Test void logsOfOneContainer() {
    Result result = run("services", "logs", "--cluster", "prod", "--service", "web", "--container", "envoy",
        "--since", "1h");

    assertExit(result, 0);
    assertThat(result.out()).isEqualTo("2026-01-15T08:56:00Z  envoy/11112222  envoy ready\n");
    assertThat(fake.logs().callsTo("FilterLogEvents").get(0).request().get("logStreamNamePrefix").asText())
        .isEqualTo("web/envoy/");
  }

  @Test void followPrintsNewEventsAsTheyArriveUntilCtrlC() {
    Cancellation ctrlC = new Cancellation();
    time.cancelAt(Duration.ofSeconds(90), ctrlC);

    Result result = CliRun.against(fake, time).cancellation(ctrlC)
        .run("services", "logs", "--cluster", "prod", "--service", "web", "--since", "1m", "--follow");

    assertExit(result, 130);
    assertThat(result.out()).isEqualTo("""
        2026-01-15T08:59:00Z  web/55556666  GET /a 200
        2026-01-15T08:59:30Z  web/55556666  GET /b 200
        2026-01-15T08:59:50Z  web/55556666  GET /c 500
        2026-01-15T09:00:30Z  web/55556666  after now: GET /d 200
        2026-01-15T09:01:10Z  envoy/55556666  after now: envoy draining
        """);
  }

  @Test void followInJsonIsOneObjectPerLine() throws Exception {
    Cancellation ctrlC = new Cancellation();
    time.cancelAt(Duration.ofSeconds(40), ctrlC);

    Result result = CliRun.against(fake, time).cancellation(ctrlC)
        .run("services", "logs", "--cluster", "prod", "--service", "web", "--since", "15s", "-f", "--output", "json");

    assertExit(result, 130);
    var lines = result.out().lines().toList();
    assertThat(lines).hasSize(2);
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    assertThat(first.get("message").asText()).isEqualTo("GET /c 500");
    assertThat(first.get("container").asText()).isEqualTo("web");
    assertThat(first.get("task").asText()).isEqualTo("5555666677778888");
  }

  @Test void logsInJson() throws Exception {
    Result result = run("services", "logs", "--cluster", "prod", "--service", "web", "--since", "2m", "--output",
        "json");

    assertExit(result, 0);
    JsonNode doc = new ObjectMapper().readTree(result.out());
    assertThat(doc.get("sources")).hasSize(2);
    assertThat(doc.get("sources").get(0).get("group").asText()).isEqualTo(GROUP);
    assertThat(doc.get("events")).hasSize(3);
  }

  @Test void aContainerWithoutAwslogsOrAMissingGroupIsAnError() {
    fake.registerTaskDefinition("api");
    prod.service("api").taskDefinition("api:1");
    fake.registerTaskDefinition("jobs").awslogs("/ecs/gone", "us-east-1", "jobs");
    prod.service("jobs").taskDefinition("jobs:1");

    Result noLogs = run("services", "logs", "--cluster", "prod", "--service", "api");
    Result noGroup = run("services", "logs", "--cluster", "prod", "--service", "jobs");
    Result noContainer = run("services", "logs", "--cluster", "prod", "--service", "web", "--container", "db");

    assertExit(noLogs, 2);
    assertThat(noLogs.err()).isEqualTo("ecsctl: nothing to read: no container of service 'api' (api:1) logs to"
        + " CloudWatch Logs with the awslogs driver: [api (no log driver)]\n");
    assertExit(noGroup, 1);
    assertThat(noGroup.err()).contains("ResourceNotFoundException: The specified log group does not exist.");
    assertExit(noContainer, 2);
    assertThat(noContainer.err()).startsWith("ecsctl: nothing to read: task definition web:1 of service 'web' has"
        + " no container 'db'; it has [web, envoy]");
  }

  @Test void logsRideOutThrottlingAndReportAMissingCluster() {
    fake.logs().failNext("FilterLogEvents", Fault.THROTTLING, 2);
    assertExit(run("services", "logs", "--cluster", "prod", "--service", "web"), 0);

    Result cluster = run("services", "logs", "--cluster", "nope", "--service", "web");
    assertExit(cluster, 1);
    assertThat(cluster.err()).startsWith("ecsctl: cluster 'nope' not found (ClusterNotFoundException: Cluster not found.) in region"
        + " us-east-1");
  }

  /** The simulated clock's start in epoch milliseconds. */
  private static final class SimulatedTimeEpoch {
    static final long MILLIS = dev.deepdive.ecs.ecsctl.testing.SimulatedTime.EPOCH.toEpochMilli();
  }
}

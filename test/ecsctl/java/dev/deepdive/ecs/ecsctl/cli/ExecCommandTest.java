package dev.deepdive.ecs.ecsctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepdive.ecs.ecsctl.cli.CliRun.Result;
import dev.deepdive.ecs.ecsctl.testing.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * exec against the fake ECS endpoint, with a stand-in session-manager-plugin on PATH that records the arguments
 * it was handed and exits with 7, as the real plugin would end a session with the remote command's status.
 */
class ExecCommandTest extends FakeProdClusterTest {
  @TempDir Path bin;
  private Path recorded;

  @BeforeEach void serviceWithOneExecEnabledTask() throws Exception {
    prod.service("web");
    prod.task("web", "0f1e2d3c").container("web", null, null, null, null).execEnabled();
    recorded = bin.resolve("args.txt");
    Path plugin = bin.resolve("session-manager-plugin");
    Files.writeString(plugin, "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"" + recorded + "\"\nexit 7\n");
    Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private Result exec(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of("exec", "--cluster", "prod", "--service", "web"));
    all.addAll(List.of(args));
    return CliRun.against(fake, time).variables(Map.of("PATH", bin + ":/usr/bin:/bin"))
        .run(all.toArray(String[]::new));
  }

  private static void assertExit(Result result, int code) {
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(code);
  }

  @Test void handsTheSessionToThePluginAsTheAwsCliDoesAndReturnsItsExitCode() throws Exception {
    Result result = exec("--", "sh", "-c", "ps aux | grep java");

    assertExit(result, 7);
    assertThat(fake.callsTo("ExecuteCommand")).hasSize(1);
    JsonNode request = fake.callsTo("ExecuteCommand").get(0).request();
    assertThat(request.get("command").asText()).isEqualTo("sh -c 'ps aux | grep java'");
    assertThat(request.get("interactive").asBoolean()).isTrue();
    assertThat(request.get("container").asText()).isEqualTo("web");
    List<String> args = Files.readAllLines(recorded);
    assertThat(args).hasSize(6);
    JsonNode session = new ObjectMapper().readTree(args.get(0));
    assertThat(session.get("sessionId").asText()).isEqualTo("ecs-execute-command-0f1e2d3c");
    assertThat(session.get("streamUrl").asText()).startsWith("wss://ssmmessages.us-east-1.amazonaws.com/");
    assertThat(session.get("tokenValue").asText()).isEqualTo("token-0f1e2d3c");
    assertThat(args.subList(1, 4)).containsExactly("us-east-1", "StartSession", "");
    assertThat(args.get(4)).isEqualTo("{\"Target\":\"ecs:prod_0f1e2d3c_0f1e2d3c-web\"}");
    assertThat(args.get(5)).isEqualTo(fake.endpoint().toString());
    assertThat(result.err()).isEqualTo("ecsctl: session ecs-execute-command-0f1e2d3c in task 0f1e2d3c, container web:"
        + " sh -c 'ps aux | grep java'\n");
  }

  @Test void passesTheProfileAndReportsInJsonAfterTheSession() throws Exception {
    Result result = exec("--profile", "ops", "--output", "json", "--", "ls");

    assertExit(result, 7);
    assertThat(Files.readAllLines(recorded).get(3)).isEqualTo("ops");
    JsonNode doc = new ObjectMapper().readTree(result.out());
    assertThat(doc.get("task").asText()).isEqualTo("0f1e2d3c");
    assertThat(doc.get("exitCode").asInt()).isEqualTo(7);
  }

  @Test void aMissingPluginIsOneLineWithTheInstallPageAndExit127BeforeAnyCall() {
    Result result = CliRun.against(fake, time).variables(Map.of("PATH", "/nonexistent"))
        .run("exec", "--cluster", "prod", "--service", "web", "--", "sh");

    assertExit(result, 127);
    assertThat(result.err()).isEqualTo("ecsctl: session-manager-plugin not found on PATH; install the Session Manager"
        + " plugin (https://docs.aws.amazon.com/systems-manager/latest/userguide/"
        + "session-manager-working-with-install-plugin.html) and retry\n");
    assertThat(fake.operations()).isEmpty();
  }

  @Test void refusesATaskStartedWithoutExecAndSaysHowToTurnItOn() {
    prod.task("web", "9a8b").container("web", null, null, null, null);

    Result result = exec("--task", "9a8b", "--", "sh");

    assertExit(result, 2);
    assertThat(result.err()).isEqualTo("ecsctl: cannot exec: task 9a8b was started without ECS Exec: set"
        + " \"enableExecuteCommand\": true for service 'web' in the environment file, deploy, then 'ecsctl services"
        + " redeploy' so that new tasks start with it. Nothing was started\n");
    assertThat(fake.operations()).doesNotContain("ExecuteCommand");
  }

  @Test void asksForTheContainerWhenTheTaskHasSeveral() {
    prod.task("web", "7c6d").container("web", null, null, null, null).container("envoy", null, null, null, null)
        .execEnabled();

    Result ambiguous = exec("--task", "7c6d", "--", "sh");
    Result chosen = exec("--task", "7c6d", "--container", "envoy", "--", "sh");

    assertExit(ambiguous, 2);
    assertThat(ambiguous.err()).contains("task 7c6d has 2 containers [web, envoy]; name one with --container");
    assertExit(chosen, 7);
    assertThat(fake.callsTo("ExecuteCommand").get(0).request().get("container").asText()).isEqualTo("envoy");
  }

  @Test void refusesATaskOfAnotherServiceAndAServiceWithoutRunningTasks() {
    prod.service("api");
    prod.task("api", "5e4f").container("api", null, null, null, null).execEnabled();

    Result other = exec("--task", "5e4f", "--", "sh");
    Result none = CliRun.against(fake, time).variables(Map.of("PATH", bin + ":/usr/bin:/bin"))
        .run("exec", "--cluster", "prod", "--service", "api", "--task", "nope", "--", "sh");

    assertExit(other, 2);
    assertThat(other.err()).contains("task 5e4f is not a task of service 'web' (group service:api)");
    assertExit(none, 2);
    assertThat(none.err()).contains("task 'nope' not found in cluster 'prod'");
  }

  @Test void aMissingClusterOrAThrottledCallIsHandledLikeEveryCommand() throws Exception {
    Result cluster = CliRun.against(fake, time).variables(Map.of("PATH", bin.toString()))
        .run("exec", "--cluster", "nope", "--service", "web", "--", "sh");
    assertExit(cluster, 1);
    assertThat(cluster.err()).startsWith("ecsctl: cluster 'nope' not found (ClusterNotFoundException: Cluster not found.) in region"
        + " us-east-1");

    fake.failNext("ExecuteCommand", Fault.THROTTLING, 2);
    assertExit(exec("--", "sh"), 7);
  }

  @Test void aCommandIsRequired() {
    Result result = exec();

    assertExit(result, 2);
    assertThat(result.err()).startsWith("ecsctl: Missing required parameter: 'COMMAND'");
  }
}

package dev.deepdive.ecs.ecsctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepdive.ecs.ecsctl.cli.CliRun.Result;
import dev.deepdive.ecs.ecsctl.cli.CliRun.ScriptedTerminal;
import dev.deepdive.ecs.ecsctl.ops.Cancellation;
import dev.deepdive.ecs.ecsctl.ops.TimeSource;
import dev.deepdive.ecs.ecsctl.testing.FakeJsonEndpoint.Call;
import dev.deepdive.ecs.ecsctl.testing.FakeTask;
import dev.deepdive.ecs.ecsctl.testing.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** run-task through the CLI entry point against the fake ECS endpoint, in simulated time. */
class RunTaskCommandTest extends FakeProdClusterTest {

  @BeforeEach void migrateTaskDefinition() {
    fake.registerTaskDefinition("migrate");
  }

  private Result runTask(String... extra) {
    List<String> args = new ArrayList<>(List.of("run-task", "--cluster", "prod", "--task-definition", "migrate"));
    args.addAll(List.of(extra));
    return CliRun.against(fake, time).run(args.toArray(String[]::new));
  }

  private static void assertExit(Result result, int code) {
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(code);
  }

  private FakeTask onlyTask() {
    assertThat(prod.launchedTasks()).hasSize(1);
    return prod.launchedTasks().get(0);
  }

  @Test void runsThroughTheClustersDefaultCapacityProviderStrategy() {
    Result result = runTask();

    assertExit(result, 0);
    JsonNode request = fake.callsTo("RunTask").get(0).request();
    assertThat(request.has("launchType")).isFalse();
    assertThat(request.has("capacityProviderStrategy")).isFalse();
    assertThat(request.get("count").asInt()).isEqualTo(1);
    assertThat(request.get("startedBy").asText()).isEqualTo("ecsctl");
    assertThat(request.get("taskDefinition").asText()).endsWith("task-definition/migrate:1");
  }

  @Test void withoutWaitPrintsTheStartedTasksAndReturnsAtOnce() {
    Result result = runTask("--count", "2");

    assertExit(result, 0);
    assertThat(prod.launchedTasks()).hasSize(2);
    assertThat(result.out()).startsWith("TASK").containsPattern("migrate:1 +PROVISIONING +RUNNING");
    assertThat(fake.operations()).containsExactly("DescribeTaskDefinition", "RunTask");
  }

  @Test void aFamilyAloneRunsItsLatestActiveRevision() {
    fake.registerTaskDefinition("migrate");

    assertExit(runTask(), 0);

    assertThat(fake.callsTo("RunTask").get(0).request().get("taskDefinition").asText()).endsWith("migrate:2");
  }

  @Test void waitFollowsTheTaskThroughItsStatesAndExitsWithZero() {
    fake.onLaunch("migrate").provisioning(Duration.ofSeconds(2)).pending(Duration.ofSeconds(5))
        .runs(Duration.ofSeconds(20));

    Result result = runTask("--wait");

    assertExit(result, 0);
    String id = onlyTask().id();
    assertThat(result.err()).contains("started 1 task(s) of migrate:1: " + id)
        .contains(id + ": PENDING on container instance " + prod.containerInstanceId(0) + " in us-east-1a")
        .contains(id + ": RUNNING on container instance")
        .contains(id + ": STOPPED (EssentialContainerExited): Essential container in task exited | migrate exit 0");
    assertThat(result.out()).contains(id + " (migrate:1): STOPPED, desired STOPPED")
        .containsPattern("migrate +yes +STOPPED +0");
  }

  @Test void exitsWithTheEssentialContainersNonZeroExitCode() {
    fake.onLaunch("migrate").exits("migrate", 42, "schema version conflict");

    Result result = runTask("--wait");

    assertExit(result, 42);
    assertThat(result.err()).contains("ecsctl: essential container migrate of task " + onlyTask().id()
        + " exited with 42 (schema version conflict); exit code 42");
  }

  @Test void aNonEssentialContainersExitCodeDoesNotCount() {
    fake.registerTaskDefinition("job").container("log-router");
    fake.onLaunch("job").exits("log-router", 1);

    Result result = CliRun.against(fake, time).run("run-task", "--cluster", "prod", "--task-definition", "job",
        "--wait");

    assertExit(result, 0);
    assertThat(result.out()).containsPattern("log-router +no +STOPPED +1");
  }

  @Test void aContainerWithoutTheEssentialFlagIsEssential() {
    fake.registerTaskDefinition("job").container("worker", null);
    fake.onLaunch("job").exits("worker", 7);

    Result result = CliRun.against(fake, time).run("run-task", "--cluster", "prod", "--task-definition", "job",
        "--wait");

    assertExit(result, 7);
  }

  @Test void aPlacementFailureFromFailuresExitsWith5AndSaysWhatToDo() {
    fake.onLaunch("migrate").notPlaced("RESOURCE:MEMORY");

    Result result = runTask("--wait");

    assertExit(result, 5);
    assertThat(result.err()).contains("ecsctl: not placed: RESOURCE:MEMORY (arn:aws:ecs:us-east-1:123456789012:"
            + "container-instance/prod/" + prod.containerInstanceId(0) + "); no container instance had enough free CPU")
        .contains("ecsctl: ECS started 0 of 1 task(s); it could not place the rest (RESOURCE:MEMORY); exit code 5");
    assertThat(fake.operations()).doesNotContain("DescribeTasks");
  }

  @Test void tasksThatWerePlacedAreFollowedWhenOthersWereNot() {
    fake.onLaunch("migrate").placesAtMost(1, "RESOURCE:CPU");

    Result result = runTask("--count", "3", "--wait");

    assertExit(result, 5);
    assertThat(result.out()).contains(onlyTask().id() + " (migrate:1): STOPPED");
    assertThat(result.err()).contains("ECS started 1 of 3 task(s)");
  }

  @Test void aTaskThatNeverStartsExitsWith6WithItsStopReason() {
    fake.onLaunch("migrate").failsToStart("TaskFailedToStart",
        "CannotPullContainerError: pull image manifest has been retried 5 time(s)");

    Result result = runTask("--wait");

    assertExit(result, 6);
    assertThat(result.err()).contains("ecsctl: task " + onlyTask().id() + " stopped without an exit code for"
        + " essential container migrate (it did not run to its end): TaskFailedToStart: CannotPullContainerError");
    assertThat(result.out()).containsPattern("migrate +yes +STOPPED +- +UNKNOWN +CannotPullContainerError");
  }

  @Test void ridesOutThrottlingWithOneClientTokenSoOnlyOneTaskStarts() {
    fake.failNext("RunTask", Fault.THROTTLING, 2).failNext("DescribeTasks", Fault.THROTTLING, 3)
        .failNext("DescribeTasks", Fault.SERVER_ERROR, 1);

    Result result = runTask("--wait");

    assertExit(result, 0);
    List<Call> runs = fake.callsTo("RunTask");
    assertThat(runs).hasSize(3);
    assertThat(runs.stream().map(c -> c.request().get("clientToken").asText()).distinct()).hasSize(1);
    assertThat(prod.launchedTasks()).hasSize(1);
  }

  @Test void returnsTheExitCodeWithinHalfASecondOfTheTaskStopping() {
    fake.onLaunch("migrate").runs(Duration.ofSeconds(31)).exits("migrate", 9);

    assertExit(runTask("--wait"), 9);

    Call last = fake.callsTo("DescribeTasks").get(fake.callsTo("DescribeTasks").size() - 1);
    assertThat(last.atMillis() - onlyTask().stoppedAtMillis()).isBetween(0L, 500L);
  }

  @Test void timesOutLeavingTheTaskRunning() {
    fake.onLaunch("migrate").runsUntilStopped();

    Result result = runTask("--wait", "--timeout", "30s");

    assertExit(result, 3);
    String id = onlyTask().id();
    assertThat(result.err()).contains("ecsctl: timed out; 1 task(s) not stopped and left running: " + id
        + " (waited 30s). Follow them with 'ecsctl tasks describe --cluster prod " + id + "'; exit code 3");
    assertThat(onlyTask().stoppedAtMillis()).isNull();
    assertThat(fake.operations()).doesNotContain("StopTask");
  }

  /** Runs with "Ctrl-C" pressed while waiting: at the first wait between polls, after RunTask has answered. */
  private Result interruptedRun(Function<TimeSource, CliRun> run, String... extra) {
    fake.onLaunch("migrate").runsUntilStopped();
    Cancellation ctrlC = new Cancellation();
    TimeSource pressing = new TimeSource() {
      @Override public long nanoTime() {
        return time.nanoTime();
      }

      @Override public Instant now() {
        return time.now();
      }

      @Override public void sleep(Duration duration, Cancellation cancellation) {
        ctrlC.cancel();
        time.sleep(duration, cancellation);
      }
    };
    List<String> args = new ArrayList<>(List.of("run-task", "--cluster", "prod", "--task-definition", "migrate",
        "--wait"));
    args.addAll(List.of(extra));
    return run.apply(pressing).cancellation(ctrlC).run(args.toArray(String[]::new));
  }

  @Test void ctrlCAsksAndStopsTheTasksWhenTheAnswerIsYes() {
    ScriptedTerminal terminal = new ScriptedTerminal("y");

    Result result = interruptedRun(t -> CliRun.against(fake, t).terminal(terminal));

    assertExit(result, 130);
    String id = onlyTask().id();
    assertThat(terminal.questions).containsExactly("Stop the 1 task(s) still running (" + id + ")? [y/N] ");
    assertThat(fake.callsTo("StopTask")).hasSize(1);
    assertThat(onlyTask().stopRequestReason()).isEqualTo("Interrupted in ecsctl run-task");
    assertThat(result.err()).contains("ecsctl: " + id + ": stop-requested");
  }

  @Test void ctrlCLeavesTheTasksRunningWhenTheAnswerIsNo() {
    Result result = interruptedRun(t -> CliRun.against(fake, t).terminal(new ScriptedTerminal("n")));

    assertExit(result, 130);
    assertThat(fake.operations()).doesNotContain("StopTask");
    assertThat(result.err()).contains("ecsctl: left running: " + onlyTask().id()
        + ". Stop them with: ecsctl tasks stop --cluster prod " + onlyTask().id());
  }

  @Test void ctrlCWithoutATerminalLeavesTheTasksRunning() {
    Result result = interruptedRun(t -> CliRun.against(fake, t));

    assertExit(result, 130);
    assertThat(fake.operations()).doesNotContain("StopTask");
  }

  @Test void ctrlCWithOnInterruptStopStopsWithoutAsking() {
    ScriptedTerminal terminal = new ScriptedTerminal("n");

    Result result = interruptedRun(t -> CliRun.against(fake, t).terminal(terminal), "--on-interrupt", "stop");

    assertExit(result, 130);
    assertThat(terminal.questions).isEmpty();
    assertThat(onlyTask().stopRequestReason()).isEqualTo("Interrupted in ecsctl run-task");
  }

  @Test void overridesReachRunTaskAsContainerOverrides() {
    Result result = runTask("--override", "container=migrate,env.TARGET=42,command=bin/migrate --to '4 2'");

    assertExit(result, 0);
    JsonNode override = fake.callsTo("RunTask").get(0).request().get("overrides").get("containerOverrides").get(0);
    assertThat(override.get("name").asText()).isEqualTo("migrate");
    assertThat(override.get("command")).extracting(JsonNode::asText).containsExactly("bin/migrate", "--to", "4 2");
    assertThat(override.get("environment").get(0).get("name").asText()).isEqualTo("TARGET");
    assertThat(override.get("environment").get(0).get("value").asText()).isEqualTo("42");
  }

  @Test void anOverrideForAContainerTheTaskDefinitionLacksIsAUsageErrorBeforeRunTask() {
    Result result = runTask("--override", "container=migrat,command=true");

    assertExit(result, 2);
    assertThat(result.err()).startsWith("ecsctl: --override names container 'migrat', which migrate:1 does not"
        + " have; its containers: migrate");
    assertThat(fake.operations()).doesNotContain("RunTask");
  }

  @Test void aMalformedOverrideIsAUsageErrorNamingTheForm() {
    Result result = runTask("--override", "command=true");

    assertExit(result, 2);
    assertThat(result.err()).contains("'command=true': container=NAME is required; expected"
        + " container=NAME[,env.KEY=VALUE ...][,command=WORD ...]");
    assertThat(fake.operations()).isEmpty();
  }

  @Test void anInactiveRevisionIsRefusedBeforeRunTask() {
    fake.registerTaskDefinition("old");
    assertExit(CliRun.against(fake, time).run("task-definitions", "deregister", "old:1", "--yes"), 0);

    Result result = CliRun.against(fake, time).run("run-task", "--cluster", "prod", "--task-definition", "old:1");

    assertExit(result, 2);
    assertThat(result.err()).startsWith("ecsctl: task definition old:1 is INACTIVE (deregistered) and ECS starts no"
        + " new tasks from it; run the latest ACTIVE revision with --task-definition old");
    assertThat(fake.operations()).doesNotContain("RunTask");
  }

  @Test void anUnknownTaskDefinitionIsAnAwsErrorNamingIt() {
    Result result = CliRun.against(fake, time).run("run-task", "--cluster", "prod", "--task-definition", "nope:3");

    assertExit(result, 1);
    assertThat(result.err()).startsWith("ecsctl: task definition 'nope:3' not found (TaskDefinitionNotFound: ");
  }

  @Test void aMissingClusterIsAnAwsError() {
    Result result = CliRun.against(fake, time).run("run-task", "--cluster", "nope", "--task-definition", "migrate");

    assertExit(result, 1);
    assertThat(result.err()).startsWith("ecsctl: cluster 'nope' not found (ClusterNotFoundException: Cluster not"
        + " found.)");
  }

  @Test void optionsAreCheckedBeforeAnyCall() {
    assertExit(runTask("--count", "11"), 2);
    assertExit(runTask("--count", "0"), 2);
    assertExit(runTask("--timeout", "10m"), 2);
    assertExit(runTask("--on-interrupt", "stop"), 2);
    assertExit(runTask("--wait", "--timeout", "0s"), 2);
    assertExit(CliRun.against(fake, time).run("run-task", "--cluster", "prod", "--task-definition", "web:abc"), 2);
    assertExit(CliRun.against(fake, time).run("run-task", "--cluster", "", "--task-definition", "web"), 2);

    assertThat(fake.operations()).isEmpty();
  }

  @Test void jsonOutputCarriesTheOutcomeTheExitCodeAndEachContainersExit() throws Exception {
    fake.onLaunch("migrate").exits("migrate", 3);

    Result result = runTask("--wait", "--output", "json");

    assertExit(result, 3);
    JsonNode doc = new ObjectMapper().readTree(result.out());
    assertThat(doc.get("exitCode").asInt()).isEqualTo(3);
    assertThat(doc.get("outcome").asText()).isEqualTo("container-failed");
    assertThat(doc.get("taskDefinition").asText()).isEqualTo("migrate:1");
    JsonNode container = doc.get("tasks").get(0).get("containers").get(0);
    assertThat(container.get("essential").asBoolean()).isTrue();
    assertThat(container.get("exitCode").asInt()).isEqualTo(3);
    assertThat(doc.get("tasks").get(0).get("stopCode").asText()).isEqualTo("EssentialContainerExited");
    assertThat(doc.has("stopRequests")).isFalse();
  }

  @Test void helpShowsItsOwnExitCodeTable() {
    Result result = CliRun.against(fake, time).runRaw("run-task", "--help");

    assertExit(result, 0);
    assertThat(result.out()).contains("1-255  with --wait, once the tasks stopped: the first non-zero exit code of")
        .contains("    5  ECS could not place every task")
        .contains("    6  with --wait: a task stopped without an exit code")
        .doesNotContain("timed out while draining");
  }
}

package dev.deepdive.ecs.ecsctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepdive.ecs.ecsctl.cli.CliRun.Result;
import dev.deepdive.ecs.ecsctl.testing.FakeTask;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** tasks list, describe and stop through the CLI entry point against the fake ECS endpoint. */
class TasksCommandTest extends FakeProdClusterTest {

  @BeforeEach void aServiceTaskAndALaunchedOne() {
    prod.task("web", "web-task-1").container("tomcat", null, null, "512", "HEALTHY");
    fake.registerTaskDefinition("migrate").container("log-router");
    fake.onLaunch("migrate").runsUntilStopped();
  }

  private Result run(String... args) {
    return CliRun.against(fake, time).run(args);
  }

  private FakeTask launch() {
    assertThat(run("run-task", "--cluster", "prod", "--task-definition", "migrate").exitCode()).isZero();
    List<FakeTask> launched = prod.launchedTasks();
    return launched.get(launched.size() - 1);
  }

  private static void assertExit(Result result, int code) {
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(code);
  }

  @Test void listShowsStatusHealthInstanceAndZone() {
    FakeTask task = launch();
    time.advance(Duration.ofSeconds(5));

    Result result = run("tasks", "list", "--cluster", "prod", "--family", "migrate");

    assertExit(result, 0);
    assertThat(result.out()).startsWith("TASK  ").contains("LAST STATUS  DESIRED  HEALTH   INSTANCE")
        .containsPattern(task.id() + " +migrate:1 +RUNNING +RUNNING +UNKNOWN +" + prod.containerInstanceId(0)
            + " +us-east-1a +2026-01-15T09:00:03Z")
        .doesNotContain("web-task-1");
  }

  @Test void listFiltersByService() {
    launch();

    Result result = run("tasks", "list", "--cluster", "prod", "--service", "web");

    assertThat(result.out()).contains("web-task-1").doesNotContain("migrate:1");
    assertThat(fake.callsTo("ListTasks").get(0).request().get("serviceName").asText()).isEqualTo("web");
  }

  @Test void stoppedTasksShowTheirStopCodeAndReason() {
    prod.task("web", "web-task-0").stopped("EssentialContainerExited", "Essential container in task exited", 60);

    Result result = run("tasks", "list", "--cluster", "prod", "--desired-status", "stopped");

    assertExit(result, 0);
    assertThat(result.out()).contains("web-task-0").contains("EssentialContainerExited  Essential container in"
        + " task exited").doesNotContain("web-task-1");
  }

  @Test void anyListsRunningAndStoppedTasks() {
    prod.task("web", "web-task-0").stopped("UserInitiated", "Scaling activity initiated by deployment", 60);

    Result result = run("tasks", "list", "--cluster", "prod", "--desired-status", "any");

    assertThat(result.out()).contains("web-task-0").contains("web-task-1");
    assertThat(fake.callsTo("ListTasks")).extracting(c -> c.request().get("desiredStatus").asText())
        .containsExactly("RUNNING", "STOPPED");
  }

  @Test void listPagesThroughListTasksAndDescribesAHundredAtATime() {
    for (int i = 0; i < 149; i++) {
      prod.task("web", "web-extra-" + i);
    }

    Result result = run("tasks", "list", "--cluster", "prod", "--service", "web", "--output", "json");

    assertExit(result, 0);
    assertThat(fake.callsTo("ListTasks")).hasSize(2);
    assertThat(fake.callsTo("DescribeTasks")).extracting(c -> c.request().get("tasks").size())
        .containsExactly(100, 50);
  }

  @Test void startedByMustBeTheOnlyFilter() {
    Result result = run("tasks", "list", "--cluster", "prod", "--started-by", "ecsctl", "--service", "web");

    assertExit(result, 2);
    assertThat(result.err()).startsWith("ecsctl: --started-by cannot be combined with --service, --family or"
        + " --container-instance: ListTasks allows no other filter with startedBy");
    assertThat(fake.operations()).isEmpty();
  }

  @Test void startedByFindsTheTasksEcsctlLaunched() throws Exception {
    FakeTask task = launch();

    Result result = run("--output", "json", "tasks", "list", "--cluster", "prod", "--started-by", "ecsctl");

    JsonNode tasks = new ObjectMapper().readTree(result.out()).get("tasks");
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).get("taskId").asText()).isEqualTo(task.id());
    assertThat(tasks.get(0).get("group").asText()).isEqualTo("family:migrate");
  }

  @Test void describeShowsEachContainersEssentialFlagAndExitCode() {
    FakeTask task = launch();
    time.advance(Duration.ofSeconds(10));
    assertExit(run("tasks", "stop", "--cluster", "prod", task.id(), "--yes"), 0);
    time.advance(Duration.ofSeconds(5));

    Result result = run("tasks", "describe", "--cluster", "prod", task.id());

    assertExit(result, 0);
    assertThat(result.out()).contains(task.id() + " (migrate:1): STOPPED, desired STOPPED, health UNKNOWN")
        .contains("group: family:migrate, started by: ecsctl")
        .contains("created 2026-01-15T09:00:00Z, started 2026-01-15T09:00:03Z, stopped 2026-01-15T09:00:11Z")
        .contains("stopped because: UserInitiated: Stopped with ecsctl tasks stop")
        .containsPattern("migrate +yes +STOPPED +143")
        .containsPattern("log-router +no +STOPPED +143");
  }

  @Test void describeShowsTheTasksItKnowsAndExits1ForTheOthers() {
    Result result = run("tasks", "describe", "--cluster", "prod", "web-task-1", "gone");

    assertExit(result, 1);
    assertThat(result.out()).contains("web-task-1 (web:1): RUNNING");
    assertThat(result.err()).startsWith("ecsctl: task 'gone' in cluster 'prod' not found (TaskNotFound: ECS forgets"
        + " stopped tasks about an hour after they stop)").contains("check the ID and the cluster");
  }

  @Test void stopAsksForConfirmationAndNeedsYesWithoutATerminal() {
    FakeTask task = launch();

    Result result = run("tasks", "stop", "--cluster", "prod", task.id());

    assertExit(result, 2);
    assertThat(fake.operations()).doesNotContain("StopTask");
  }

  @Test void stopRecordsTheReasonAndReportsEachTask() {
    FakeTask task = launch();

    Result result = run("tasks", "stop", "--cluster", "prod", task.id(), "nope", "--reason", "migration aborted",
        "--yes");

    assertExit(result, 1);
    assertThat(task.stopRequestReason()).isEqualTo("migration aborted");
    assertThat(result.out()).containsPattern(task.id() + " +stop-requested +stop requested")
        .containsPattern("nope +not-found +InvalidParameterException: The referenced task was not found.");
  }

  @Test void stoppingAStoppedTaskIsDone() {
    FakeTask task = launch();
    assertExit(run("tasks", "stop", "--cluster", "prod", task.id(), "--yes"), 0);
    time.advance(Duration.ofSeconds(5));

    Result result = run("tasks", "stop", "--cluster", "prod", task.id(), "--yes");

    assertExit(result, 0);
    assertThat(result.out()).contains("already-stopped");
  }

  @Test void eachSubcommandHasItsOwnExitCodeTable() {
    assertThat(run("tasks", "stop", "--help").out()).contains("every task stopping or already stopped");
    assertThat(run("tasks", "list", "--help").out()).contains("listed (also when no task matches)");
    assertThat(run("tasks", "describe", "--help").out()).contains("every task described");
  }
}

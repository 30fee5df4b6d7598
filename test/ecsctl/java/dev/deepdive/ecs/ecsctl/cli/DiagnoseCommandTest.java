package dev.deepdive.ecs.ecsctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepdive.ecs.ecsctl.cli.CliRun.Result;
import org.junit.jupiter.api.Test;

class DiagnoseCommandTest extends FakeProdClusterTest {
  private Result diagnose(String... extra) {
    String[] args = new String[5 + extra.length];
    System.arraycopy(new String[] {"diagnose", "--cluster", "prod", "--service", "web"}, 0, args, 0, 5);
    System.arraycopy(extra, 0, args, 5, extra.length);
    return CliRun.against(fake, time).run(args);
  }

  @Test void namesAnOutOfMemoryKillWithTheContainersLimit() {
    prod.service("web").counts(1, 0, 1);
    prod.task("web", "t1").stopped("EssentialContainerExited", "Essential container in task exited", 60)
        .container("tomcat", 137, "OutOfMemoryError: Container killed due to memory usage", "50", null);

    Result result = diagnose();

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).contains("web in prod: NOT steady (ACTIVE, desired 1, running 0, pending 1")
        .contains("[out-of-memory]")
        .contains("container tomcat was killed for using more than its memory limit of 50 MiB (exit code 137)")
        .contains("fix: raise the container's memory");
  }

  @Test void reportsFailingLoadBalancerHealthChecks() {
    prod.service("web");
    prod.task("web", "t2").stopped("ServiceSchedulerInitiated",
        "Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/web/1)", 30)
        .container("tomcat", 143, null, null, null);

    Result result = diagnose();

    assertThat(result.out()).contains("[health-check]").contains("task t2: Task failed ELB health checks");
  }

  @Test void reportsUnhealthyContainersOfRunningTasks() {
    prod.service("web");
    prod.task("web", "t3").container("tomcat", null, null, null, "UNHEALTHY");

    assertThat(diagnose().out()).contains("running task t3: container tomcat fails its container health check");
  }

  @Test void reportsPlacementFailuresFromEvents() {
    prod.service("web").event("(service web) was unable to place a task because no container instance met all of"
        + " its requirements. The closest matching (container-instance 1) has insufficient memory available.");

    Result result = diagnose();

    assertThat(result.out()).contains("[placement]").contains("insufficient memory available")
        .contains("fix: no container instance had enough free CPU, memory or ports");
  }

  @Test void reportsAFailedDeployment() {
    prod.service("web").deployment("ACTIVE", "web:2", "FAILED", "ECS deployment circuit breaker: tasks failed to start.", 3);

    assertThat(diagnose().out()).contains("[deployment]").contains("web:2 FAILED: ECS deployment circuit breaker");
  }

  @Test void saysSteadyWhenNothingIsWrong() {
    prod.service("web").counts(2, 2, 0);

    Result result = diagnose();

    assertThat(result.out()).startsWith("web in prod: steady (ACTIVE, desired 2, running 2, pending 0")
        .contains("No problems found");
  }

  @Test void writesFindingsAndStoppedTasksAsJson() throws Exception {
    prod.service("web").counts(1, 0, 0);
    prod.task("web", "t1").stopped("EssentialContainerExited", "Essential container in task exited", 60)
        .container("tomcat", 137, "OutOfMemoryError: Container killed due to memory usage", "50", null);

    JsonNode doc = new ObjectMapper().readTree(diagnose("--output", "json").out());

    assertThat(doc.get("steady").asBoolean()).isFalse();
    assertThat(doc.get("findings").get(0).get("kind").asText()).isEqualTo("out-of-memory");
    assertThat(doc.get("stoppedTasks").get(0).get("containers").get(0).get("exitCode").asInt()).isEqualTo(137);
  }

  @Test void failsForAnUnknownService() {
    Result result = CliRun.against(fake, time).run("diagnose", "--cluster", "prod", "--service", "ghost");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("ecsctl: service 'ghost' in cluster 'prod' not found (ServiceNotFoundException)")
        .contains("list the services with 'ecsctl services list --cluster prod'");
  }

  @Test void tasksTheSchedulerStoppedDuringADeploymentAreHistoryNotFindings() {
    prod.service("web").counts(2, 2, 0);
    prod.task("web", "old1").stopped("ServiceSchedulerInitiated",
        "Scaling activity initiated by (deployment ecs-svc/1234567890123456789)", 120)
        .container("tomcat", 143, null, null, null);
    prod.task("web", "old2").stopped("ServiceSchedulerInitiated",
        "Scaling activity initiated by (deployment ecs-svc/1234567890123456789)", 110)
        .container("tomcat", 0, null, null, null);
    prod.task("web", "manual").stopped("UserInitiated", "Task stopped by user", 100)
        .container("tomcat", 143, null, null, null);

    Result result = diagnose();

    assertThat(result.out()).startsWith("web in prod: steady").contains("No problems found")
        .doesNotContain("[container-exit]")
        .contains("Recently stopped tasks:").contains("old1").contains("ServiceSchedulerInitiated: Scaling activity");
  }

  @Test void aContainerKilledAfterStopTimeoutIsASlowShutdownFinding() {
    prod.service("web").counts(2, 2, 0);
    prod.task("web", "old1").stopped("ServiceSchedulerInitiated",
        "Scaling activity initiated by (deployment ecs-svc/1234567890123456789)", 120)
        .container("tomcat", 137, null, null, null);

    Result result = diagnose();

    assertThat(result.out()).contains("[slow-shutdown]")
        .contains("container tomcat exited with code 137 (SIGKILL) after being asked to stop")
        .contains("fix: the container did not exit within stopTimeout after SIGTERM");
  }
}

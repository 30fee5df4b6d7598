package dev.deepdive.ecs.ecsctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepdive.ecs.ecsctl.cli.CliRun.Result;
import dev.deepdive.ecs.ecsctl.ops.Cancellation;
import dev.deepdive.ecs.ecsctl.testing.FakeService;
import dev.deepdive.ecs.ecsctl.testing.Fault;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** services scale|redeploy|rollback|wait against the fake endpoints, in simulated time. */
class ServicesChangeCommandsTest extends FakeProdClusterTest {
  private FakeService web;

  @BeforeEach void webOnRevision3() {
    fake.registerTaskDefinition("web");
    fake.registerTaskDefinition("web");
    fake.registerTaskDefinition("web");
    fake.registerTaskDefinition("api");
    web = prod.service("web").counts(2, 2, 0).taskDefinition("web:3").deployTime(Duration.ofSeconds(30))
        .startTime(Duration.ofSeconds(10));
  }

  private Result run(String... args) {
    return CliRun.against(fake, time).run(args);
  }

  private static double steadyAfter(Result result) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("steady after ([0-9.]+)s").matcher(result.out());
    assertThat(m.find()).as(result.toString()).isTrue();
    return Double.parseDouble(m.group(1));
  }

  private static void assertExit(Result result, int code) {
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(code);
  }

  // ---- scale -------------------------------------------------------------------------------------------

  @Test void scalesAnUnscaledService() {
    Result result = run("services", "scale", "--cluster", "prod", "--service", "web", "--count", "4");

    assertExit(result, 0);
    assertThat(result.out()).isEqualTo("web: desired count 2 -> 4\n");
    assertThat(web.desiredCount()).isEqualTo(4);
  }

  @Test void scaleWithWaitEndsWhenTheNewTasksRun() {
    Result result = run("services", "scale", "--cluster", "prod", "--service", "web", "--count", "4", "--wait");

    assertExit(result, 0);
    assertThat(result.out()).matches("web: desired count 2 -> 4\nweb: steady after [0-9.]+s \\(desired 4, running 4,"
        + " pending 0, web:3\\)\n");
    // The tasks ran 10 s after the change; adaptive polling noticed within a second.
    assertThat(steadyAfter(result)).isBetween(10.0, 11.0);
    assertThat(result.err()).contains("web: ACTIVE, desired 4, running 2, pending 2, 1 deployment, rollout COMPLETED")
        .contains("web: ACTIVE, desired 4, running 4, pending 0");
  }

  @Test void refusesToScaleWhatAutoScalingOwnsAndChangesNothing() {
    fake.autoScaling().scalableTarget("prod", "web", 2, 10);

    Result result = run("services", "scale", "--cluster", "prod", "--service", "web", "--count", "5");

    assertExit(result, 2);
    assertThat(result.err()).isEqualTo("ecsctl: service 'web' is scaled by Application Auto Scaling (min 2, max 10):"
        + " it would set the count back at its next alarm or scheduled action. Change autoScaling minCount/maxCount"
        + " in the environment file and deploy, or pass --force. Nothing was changed\n");
    assertThat(web.desiredCount()).isEqualTo(2);
    assertThat(fake.operations()).doesNotContain("UpdateService");
    assertThat(fake.autoScaling().callsTo("DescribeScalableTargets").get(0).request().get("ResourceIds").get(0)
        .asText()).isEqualTo("service/prod/web");
  }

  @Test void forceScalesAndSaysScalingWillBringItBack() {
    fake.autoScaling().scalableTarget("prod", "web", 2, 10);

    Result result = run("services", "scale", "--cluster", "prod", "--service", "web", "--count", "12", "--force");

    assertExit(result, 0);
    assertThat(result.out()).isEqualTo("web: desired count 2 -> 12 (forced; outside auto scaling's 2..10, so it will"
        + " be brought back inside)\n");
  }

  @Test void scalesInJson() throws Exception {
    Result result = run("services", "scale", "--cluster", "prod", "--service", "web", "--count", "3", "--output",
        "json");

    assertExit(result, 0);
    JsonNode doc = new ObjectMapper().readTree(result.out());
    assertThat(doc.get("action").asText()).isEqualTo("scale");
    assertThat(doc.get("desiredCountBefore").asInt()).isEqualTo(2);
    assertThat(doc.get("desiredCountAfter").asInt()).isEqualTo(3);
    assertThat(doc.get("exitCode").asInt()).isZero();
    assertThat(doc.has("waited")).isFalse();
  }

  @Test void aNegativeCountIsAUsageErrorBeforeAnyCall() {
    Result result = run("services", "scale", "--cluster", "prod", "--service", "web", "--count", "-1");

    assertExit(result, 2);
    assertThat(result.err()).startsWith("ecsctl: --count must be at least 0, got -1\n");
    assertThat(fake.operations()).isEmpty();
  }

  // ---- redeploy ----------------------------------------------------------------------------------------

  @Test void redeployStartsANewDeploymentOfTheSameRevisionAndWaitsForIt() {
    Result result = run("services", "redeploy", "--cluster", "prod", "--service", "web", "--wait");

    assertExit(result, 0);
    assertThat(result.out()).startsWith("web: new deployment ecs-svc/2 of web:3 started\nweb: steady after ")
        .endsWith("s (desired 2, running 2, pending 0, web:3)\n");
    assertThat(steadyAfter(result)).isBetween(30.0, 31.0);
    assertThat(fake.callsTo("UpdateService").get(0).request().get("forceNewDeployment").asBoolean()).isTrue();
    assertThat(result.err()).contains("2 deployments, rollout IN_PROGRESS");
  }

  @Test void aFailedDeploymentEndsTheWaitWithExitCode4() throws Exception {
    web.deploymentsFail();

    Result result = run("services", "redeploy", "--cluster", "prod", "--service", "web", "--wait", "--output", "json");

    assertExit(result, 4);
    JsonNode doc = new ObjectMapper().readTree(result.out());
    assertThat(doc.get("waited").asText()).isEqualTo("deployment-failed");
    assertThat(doc.get("exitCode").asInt()).isEqualTo(4);
  }

  @Test void aWaitThatTimesOutExitsWith3AndTheChangeStays() {
    Result result = run("services", "redeploy", "--cluster", "prod", "--service", "web", "--wait", "--timeout", "5s");

    assertExit(result, 3);
    assertThat(result.out()).endsWith("web: not steady after 5s (desired 2, running 2, pending 0, web:3)\n");
  }

  // ---- rollback ----------------------------------------------------------------------------------------

  @Test void rollsBackToThePreviousActiveRevisionSkippingDeregisteredOnes() {
    run("task-definitions", "deregister", "web:2", "--yes");

    Result result = run("services", "rollback", "--cluster", "prod", "--service", "web");

    assertExit(result, 0);
    assertThat(result.out()).isEqualTo("web: rolling back web:3 -> web:1 (deployment ecs-svc/2)\n");
    assertThat(web.currentTaskDefinition()).isEqualTo("web:1");
  }

  @Test void rollsBackToAGivenRevisionAndWaits() {
    Result result = run("services", "rollback", "--cluster", "prod", "--service", "web", "--to", "web:2", "--wait");

    assertExit(result, 0);
    assertThat(result.out()).contains("web: rolling back web:3 -> web:2").contains("web: steady after");
  }

  @Test void dryRunNamesTheRevisionAndChangesNothing() {
    Result result = run("services", "rollback", "--cluster", "prod", "--service", "web", "--dry-run");

    assertExit(result, 0);
    assertThat(result.out()).isEqualTo("web: would roll back web:3 -> web:2\n");
    assertThat(fake.operations()).doesNotContain("UpdateService");
  }

  @Test void refusesWhenNoOlderRevisionIsActive() {
    web.taskDefinition("web:1");

    Result result = run("services", "rollback", "--cluster", "prod", "--service", "web");

    assertExit(result, 2);
    assertThat(result.err()).isEqualTo("ecsctl: cannot roll back service 'web': no ACTIVE revision of family 'web'"
        + " older than web:1 (older ones were deregistered); name one with --to family:revision. Nothing was changed\n");
  }

  @Test void refusesARevisionOfAnotherFamilyOrADeregisteredOne() {
    Result other = run("services", "rollback", "--cluster", "prod", "--service", "web", "--to", "api:1");
    run("task-definitions", "deregister", "web:2", "--yes");
    Result inactive = run("services", "rollback", "--cluster", "prod", "--service", "web", "--to", "web:2");

    assertExit(other, 2);
    assertThat(other.err()).contains("--to api:1 is of family 'api', but service 'web' runs family 'web'");
    assertExit(inactive, 2);
    assertThat(inactive.err()).contains("web:2 is INACTIVE; ECS deploys only ACTIVE revisions");
    assertThat(fake.operations()).doesNotContain("UpdateService");
  }

  // ---- wait --------------------------------------------------------------------------------------------

  @Test void waitReturnsAtOnceForASteadyService() {
    Result result = run("services", "wait", "--cluster", "prod", "--service", "web");

    assertExit(result, 0);
    assertThat(result.out()).isEqualTo("web: steady after 0.0s (desired 2, running 2, pending 0, web:3)\n");
  }

  @Test void waitShowsProgressOnOneRewrittenLineOnATerminal() {
    run("services", "scale", "--cluster", "prod", "--service", "web", "--count", "3");

    Result result = CliRun.against(fake, time).terminal(new CliRun.ScriptedTerminal("n"))
        .run("services", "wait", "--cluster", "prod", "--service", "web");

    assertExit(result, 0);
    assertThat(result.err()).startsWith("\r[   0.0s] web: ACTIVE, desired 3, running 2, pending 1")
        .contains("\r[  10.").endsWith("\n").doesNotContain("\n[");
  }

  @Test void waitInterruptedExitsWith130() {
    web.deploymentsFail().deployTime(Duration.ofHours(1));
    run("services", "redeploy", "--cluster", "prod", "--service", "web");
    Cancellation ctrlC = new Cancellation();
    time.cancelAt(Duration.ofSeconds(3), ctrlC);

    Result result = CliRun.against(fake, time).cancellation(ctrlC)
        .run("services", "wait", "--cluster", "prod", "--service", "web");

    assertExit(result, 130);
    assertThat(result.out()).startsWith("web: interrupted while waiting");
  }

  @Test void waitRidesOutThrottling() {
    run("services", "scale", "--cluster", "prod", "--service", "web", "--count", "3");
    fake.failNext("DescribeServices", Fault.THROTTLING, 3);

    assertExit(run("services", "wait", "--cluster", "prod", "--service", "web"), 0);
  }

  @Test void waitForAMissingServiceOrClusterIsNotFound() {
    Result service = run("services", "wait", "--cluster", "prod", "--service", "ghost");
    Result cluster = run("services", "wait", "--cluster", "nope", "--service", "web");

    assertExit(service, 1);
    assertThat(service.err()).startsWith("ecsctl: service 'ghost' in cluster 'prod' not found (ServiceNotFoundException)");
    assertExit(cluster, 1);
    assertThat(cluster.err()).startsWith("ecsctl: cluster 'nope' not found (ClusterNotFoundException: Cluster not found.) in region"
        + " us-east-1");
  }

  @Test void everyChangeCommandReportsAMissingClusterAndDeniedAccess() {
    String[][] commands = {{"scale", "--count", "1"}, {"redeploy"}, {"rollback"}};
    for (String[] command : commands) {
      String[] base = {"services", command[0], "--cluster", "nope", "--service", "web"};
      String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base),
          java.util.Arrays.stream(command).skip(1)).toArray(String[]::new);
      Result result = run(args);
      assertExit(result, 1);
      assertThat(result.err()).startsWith("ecsctl: cluster 'nope' not found (ClusterNotFoundException: Cluster not found.) in region"
        + " us-east-1");
    }
    fake.failNext("UpdateService", Fault.ACCESS_DENIED, 1);
    Result denied = run("services", "redeploy", "--cluster", "prod", "--service", "web");
    assertExit(denied, 1);
    assertThat(denied.err()).startsWith("ecsctl: access denied for service 'web' in cluster 'prod' in region us-east-1")
        .contains("(AccessDeniedException: ");
  }

  @Test void helpShowsEachCommandsExitCodes() {
    assertThat(run("services", "scale", "--help").out())
        .contains("2  usage error, or refused because auto scaling owns the count");
    assertThat(run("services", "wait", "--help").out()).contains("3  timed out, not steady yet",
        "4  the deployment failed");
    assertThat(run("services", "rollback", "--help").out()).contains("2  usage error, or no revision to roll back to");
  }
}

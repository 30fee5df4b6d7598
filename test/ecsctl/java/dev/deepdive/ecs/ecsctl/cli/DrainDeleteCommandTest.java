package dev.deepdive.ecs.ecsctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepdive.ecs.ecsctl.cli.CliRun.Result;
import dev.deepdive.ecs.ecsctl.cli.CliRun.ScriptedTerminal;
import dev.deepdive.ecs.ecsctl.ops.Cancellation;
import dev.deepdive.ecs.ecsctl.testing.Fault;
import dev.deepdive.ecs.ecsctl.testing.FakeService;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** drain-delete through the CLI entry point against the fake ECS endpoint, in simulated time. */
class DrainDeleteCommandTest extends FakeProdClusterTest {
  private Result drainDelete(String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("drain-delete", "--cluster", "prod"));
    args.addAll(List.of(extra));
    return CliRun.against(fake, time).run(args.toArray(String[]::new));
  }

  private static void assertExit(Result result, int code) {
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(code);
  }

  @Test void deletesAServiceAfterItsTasksHaveStopped() {
    FakeService web = prod.service("web").counts(2, 2, 0).drainTime(Duration.ofSeconds(30));

    Result result = drainDelete("--service", "web", "--yes");

    assertExit(result, 0);
    assertThat(result.out()).startsWith("web  deleted");
    assertThat(web.status()).isEqualTo("INACTIVE");
    assertThat(web.runningAtDelete()).isZero();
    assertThat(web.deletedWithForce()).isFalse();
  }

  @Test void callsUpdateThenDescribesUntilDrainedThenDeletesThenWaitsForInactive() {
    prod.service("web").counts(2, 2, 0).drainTime(Duration.ofSeconds(5));

    assertExit(drainDelete("--service", "web", "--yes"), 0);

    List<String> ops = fake.operations();
    assertThat(ops.get(0)).isEqualTo("DescribeServices");
    assertThat(ops.get(1)).isEqualTo("UpdateService");
    assertThat(fake.callsTo("UpdateService").get(0).request().get("desiredCount").asInt()).isZero();
    int delete = ops.indexOf("DeleteService");
    assertThat(ops.subList(2, delete)).isNotEmpty().containsOnly("DescribeServices");
    assertThat(ops.subList(delete + 1, ops.size())).isNotEmpty().containsOnly("DescribeServices");
    assertThat(ops).containsOnlyOnce("DeleteService");
  }

  @Test void deletesWithinASecondOfTheLastTaskStopping() {
    FakeService web = prod.service("web").counts(3, 3, 0).drainTime(Duration.ofSeconds(47));

    assertExit(drainDelete("--service", "web", "--yes"), 0);

    assertThat(web.deletedAtMillis() - web.drainedAtMillis()).isBetween(0L, 1000L);
  }

  @Test void reportsProgressWithCountsAndLatestEventOnStderr() {
    prod.service("web").counts(2, 2, 0).drainTime(Duration.ofSeconds(10));

    Result result = drainDelete("--service", "web", "--yes");

    assertThat(result.err()).contains("web: desired count 2 -> 0")
        .contains("web: ACTIVE, desired 0, running 1, pending 0 | (service web) has stopped 1 running tasks")
        .contains("web: ACTIVE, desired 0, running 0, pending 0 | (service web) has reached a steady state.")
        .contains("web: no task left; deleting");
  }

  @Test void treatsAMissingServiceAsAlreadyGone() {
    Result result = drainDelete("--service", "ghost", "--yes");

    assertExit(result, 0);
    assertThat(result.out()).contains("ghost  already-gone  no such service in the cluster");
    assertThat(fake.operations()).containsExactly("DescribeServices");
  }

  @Test void treatsAnInactiveServiceAsAlreadyGone() {
    prod.service("old").inactive();

    Result result = drainDelete("--service", "old", "--yes");

    assertExit(result, 0);
    assertThat(result.out()).contains("old  already-gone  already deleted (INACTIVE)");
    assertThat(fake.operations()).containsExactly("DescribeServices");
  }

  @Test void treatsADrainingServiceAsAlreadyGone() {
    prod.service("leaving").draining();

    Result result = drainDelete("--service", "leaving", "--yes");

    assertExit(result, 0);
    assertThat(result.out()).contains("leaving  already-gone  already being deleted (DRAINING)");
  }

  @Test void reportsAMissingClusterAsAnAwsErrorWithItsCode() {
    Result result = CliRun.against(fake, time).run("drain-delete", "--cluster", "nope", "--service", "web", "--yes");

    assertExit(result, 1);
    assertThat(result.err()).isEqualTo("ecsctl: cluster 'nope' not found (ClusterNotFoundException: Cluster not"
        + " found.) in region us-east-1 (from --region) at " + fake.endpoint() + "; list the clusters with 'ecsctl"
        + " clusters list', or check --region and --profile\n");
    assertThat(result.out()).isEmpty();
  }

  @Test void ridesOutThrottlingAndServerErrors() {
    FakeService web = prod.service("web").counts(1, 1, 0).drainTime(Duration.ofSeconds(3));
    fake.failNext("DescribeServices", Fault.THROTTLING, 2)
        .failNext("UpdateService", Fault.SERVER_ERROR, 1)
        .failNext("DeleteService", Fault.SERVICE_UNAVAILABLE, 1)
        .failNext("DeleteService", Fault.THROTTLING, 1);

    Result result = drainDelete("--service", "web", "--yes");

    assertExit(result, 0);
    assertThat(web.status()).isEqualTo("INACTIVE");
    assertThat(fake.calls()).filteredOn(c -> c.status() != 200).hasSize(5);
  }

  @Test void doesNotRetryAccessDenied() {
    prod.service("web").counts(1, 1, 0);
    fake.failNext("UpdateService", Fault.ACCESS_DENIED, 1);

    Result result = drainDelete("--service", "web", "--yes");

    assertExit(result, 1);
    assertThat(result.out()).contains("web  failed  AccessDeniedException: UpdateService failed: User:");
    assertThat(fake.callsTo("UpdateService")).hasSize(1);
  }

  @Test void timesOutLeavingTheServiceAtZeroAndSaysARerunResumes() {
    FakeService web = prod.service("web").counts(2, 2, 0).drainTime(Duration.ofMinutes(20));

    Result result = drainDelete("--service", "web", "--yes", "--timeout", "3m");

    assertExit(result, 3);
    assertThat(result.out()).contains("web  timed-out  timed out with desired count 0, 2 running and 0 pending;"
        + " not deleted. Rerun the same command to resume");
    assertThat(result.err()).contains("ecsctl: timed out after 3m");
    assertThat(web.desiredCount()).isZero();
    assertThat(web.status()).isEqualTo("ACTIVE");
    assertThat(fake.operations()).doesNotContain("DeleteService");
  }

  @Test void rerunAfterATimeoutResumesAndDeletes() {
    FakeService web = prod.service("web").counts(2, 2, 0).drainTime(Duration.ofSeconds(90));
    assertExit(drainDelete("--service", "web", "--yes", "--timeout", "30s"), 3);

    Result rerun = drainDelete("--service", "web", "--yes", "--timeout", "5m");

    assertExit(rerun, 0);
    assertThat(web.status()).isEqualTo("INACTIVE");
    assertThat(web.runningAtDelete()).isZero();
  }

  @Test void reportsDeletedButStillDrainingWhenInactiveTakesLongerThanTheBudget() {
    prod.service("web").counts(1, 1, 0).drainTime(Duration.ofSeconds(20)).inactiveAfter(Duration.ofHours(2));

    Result result = drainDelete("--service", "web", "--yes", "--timeout", "1m");

    assertExit(result, 0);
    assertThat(result.out()).contains("web  deleted-draining  deleted; still DRAINING");
  }

  @Test void drainsSeveralServicesInParallel() {
    FakeService a = prod.service("a").counts(2, 2, 0).drainTime(Duration.ofSeconds(60));
    FakeService b = prod.service("b").counts(3, 3, 0).drainTime(Duration.ofSeconds(60));
    FakeService c = prod.service("c").counts(1, 1, 0).drainTime(Duration.ofSeconds(60));

    Result result = drainDelete("--service", "a", "--service", "b", "--service", "c", "--yes", "--timeout", "90s");

    assertExit(result, 0);
    // Serial draining would need 180 s; within 90 s only a parallel drain finishes all three.
    assertThat(List.of(a, b, c)).allSatisfy(s -> assertThat(s.status()).isEqualTo("INACTIVE"));
    List<String> ops = fake.operations();
    assertThat(ops.subList(1, 4)).containsOnly("UpdateService");
  }

  @Test void describesAtMostTenServicesPerCall() {
    String[] args = new String[25 * 2 + 1];
    for (int i = 0; i < 25; i++) {
      prod.service("s" + i).counts(1, 1, 0).drainTime(Duration.ofSeconds(5));
      args[2 * i] = "--service";
      args[2 * i + 1] = "s" + i;
    }
    args[50] = "--yes";

    assertExit(drainDelete(args), 0);

    assertThat(fake.callsTo("DescribeServices"))
        .allSatisfy(c -> assertThat(c.request().get("services").size()).isBetween(1, 10));
    assertThat(fake.callsTo("DeleteService")).hasSize(25);
  }

  @Test void refusesAServiceManagedByCloudFormationAndNamesTheStack() {
    FakeService web = prod.service("web").tag("aws:cloudformation:stack-name", "prod-services");

    Result result = drainDelete("--service", "web", "--yes");

    assertExit(result, 2);
    assertThat(result.err()).contains("service web managed by CloudFormation stack 'prod-services'")
        .contains("--allow-cloudformation-managed");
    assertThat(fake.operations()).containsExactly("DescribeServices");
    assertThat(web.desiredCount()).isEqualTo(2);
  }

  /** CloudFormation does not tag ECS services itself; the project's EcsService construct does. */
  @Test void refusesAServiceCarryingTheProjectsStackTag() {
    FakeService web = prod.service("web").tag("deep-dive:cloudformation-stack-name", "prod-ServicesB");

    Result result = drainDelete("--service", "web", "--yes");

    assertExit(result, 2);
    assertThat(result.err()).contains("service web managed by CloudFormation stack 'prod-ServicesB'");
    assertThat(web.desiredCount()).isEqualTo(2);
  }

  @Test void refusesTheWholeRunIfAnyServiceIsCloudFormationManaged() {
    FakeService plain = prod.service("plain");
    prod.service("web").tag("aws:cloudformation:stack-name", "prod-services");

    assertExit(drainDelete("--service", "plain", "--service", "web", "--yes"), 2);

    assertThat(plain.desiredCount()).isEqualTo(2);
    assertThat(fake.operations()).doesNotContain("UpdateService");
  }

  @Test void drainsACloudFormationManagedServiceWhenTheUserInsists() {
    FakeService web = prod.service("web").tag("aws:cloudformation:stack-name", "prod-services")
        .drainTime(Duration.ofSeconds(5));

    Result result = drainDelete("--service", "web", "--yes", "--allow-cloudformation-managed");

    assertExit(result, 0);
    assertThat(web.status()).isEqualTo("INACTIVE");
  }

  @Test void refusesWithoutYesWhenThereIsNoTerminal() {
    FakeService web = prod.service("web");

    Result result = drainDelete("--service", "web");

    assertExit(result, 2);
    assertThat(result.err()).contains("pass --yes");
    assertThat(fake.operations()).isEmpty();
    assertThat(web.desiredCount()).isEqualTo(2);
  }

  @Test void asksOnATerminalAndGoesAheadOnYes() {
    FakeService web = prod.service("web").drainTime(Duration.ofSeconds(5));
    ScriptedTerminal terminal = new ScriptedTerminal("y");

    Result result = CliRun.against(fake, time).terminal(terminal)
        .run("drain-delete", "--cluster", "prod", "--service", "web");

    assertExit(result, 0);
    assertThat(terminal.questions).containsExactly("Scale to 0 and delete 1 service(s) in cluster prod? [y/N] ");
    assertThat(web.status()).isEqualTo("INACTIVE");
  }

  @Test void changesNothingWhenTheAnswerIsNo() {
    FakeService web = prod.service("web");

    Result result = CliRun.against(fake, time).terminal(new ScriptedTerminal("n"))
        .run("drain-delete", "--cluster", "prod", "--service", "web");

    assertExit(result, 2);
    assertThat(result.err()).contains("not confirmed; nothing was changed");
    assertThat(web.desiredCount()).isEqualTo(2);
  }

  @Test void dryRunShowsThePlanAndChangesNothing() {
    prod.service("web").counts(3, 2, 1);

    Result result = drainDelete("--service", "web", "--service", "ghost", "--dry-run");

    assertExit(result, 0);
    assertThat(result.out()).contains("web    would-delete  would scale from desired 3 to 0, wait for 2 running"
        + " and 1 pending tasks to stop, then delete")
        .contains("ghost  already-gone");
    assertThat(fake.operations()).containsOnly("DescribeServices");
  }

  @Test void printsOneJsonDocumentWithEveryOutcome() throws Exception {
    prod.service("web").counts(1, 1, 0).drainTime(Duration.ofSeconds(5));

    Result result = CliRun.against(fake, time).run("--output", "json",
        "drain-delete", "--cluster", "prod", "--service", "web", "--service", "ghost", "--yes");

    assertExit(result, 0);
    JsonNode doc = new ObjectMapper().readTree(result.out());
    assertThat(doc.get("cluster").asText()).isEqualTo("prod");
    assertThat(doc.get("exitCode").asInt()).isZero();
    assertThat(doc.get("services").get(0).get("service").asText()).isEqualTo("web");
    assertThat(doc.get("services").get(0).get("outcome").asText()).isEqualTo("deleted");
    assertThat(doc.get("services").get(0).get("status").asText()).isEqualTo("INACTIVE");
    assertThat(doc.get("services").get(1).get("outcome").asText()).isEqualTo("already-gone");
    assertThat(doc.get("services").get(1).get("status").asText()).isEqualTo("MISSING");
  }

  @Test void acceptsTheOutputOptionAfterTheSubcommandToo() throws Exception {
    Result result = drainDelete("--service", "ghost", "--yes", "--output", "json");

    assertExit(result, 0);
    assertThat(new ObjectMapper().readTree(result.out()).get("services").size()).isEqualTo(1);
  }

  @Test void stopsWaitingOnCtrlCAndReportsTheStateWithoutDeleting() {
    FakeService web = prod.service("web").counts(2, 2, 0).drainTime(Duration.ofMinutes(5));
    Cancellation ctrlC = new Cancellation();
    // "Ctrl-C" once the drain has begun: the moment the fake sees the scale-down.
    Thread presser = new Thread(() -> {
      while (fake.callsTo("UpdateService").isEmpty()) {
        Thread.onSpinWait();
      }
      ctrlC.cancel();
    });
    presser.start();

    Result result = CliRun.against(fake, time).cancellation(ctrlC)
        .run("drain-delete", "--cluster", "prod", "--service", "web", "--yes");

    assertExit(result, 130);
    assertThat(result.out()).contains("web  interrupted  interrupted with desired count 0, 2 running");
    assertThat(result.err()).contains("Rerun the same command to resume");
    assertThat(web.desiredCount()).isZero();
    assertThat(fake.operations()).doesNotContain("DeleteService");
  }

  @Test void failsWithoutDeletingWhenSomethingScalesTheServiceBackUp() {
    FakeService web = prod.service("web").counts(2, 2, 0).raisesDesiredAfterScaleDown(Duration.ofSeconds(3), 2);

    Result result = drainDelete("--service", "web", "--yes");

    assertExit(result, 1);
    assertThat(result.out()).contains("web  failed  DesiredCountRaised: desired count went back up to 2");
    assertThat(fake.operations()).doesNotContain("DeleteService");
    assertThat(web.status()).isEqualTo("ACTIVE");
  }

  // ---- services that Application Auto Scaling scales --------------------------------------------------

  @Test void suspendsAutoScalingOfAScaledServiceFirstThenDrainsAndSaysSo() {
    // Unsuspended, the fake scaler would put the count back to 2 five seconds into the 20 s drain, and the run
    // would end in DesiredCountRaised: the suspension is what lets it finish.
    FakeService web = prod.service("web").counts(2, 2, 0).drainTime(Duration.ofSeconds(20));
    fake.autoScaling().scalableTarget("prod", "web", 2, 10);

    Result result = drainDelete("--service", "web", "--yes");

    assertExit(result, 0);
    assertThat(web.status()).isEqualTo("INACTIVE");
    assertThat(fake.autoScaling().suspended("prod", "web")).isTrue();
    assertThat(result.err()).contains("web: desired 2, running 2, pending 0 -> suspend auto scaling (min 2, max 10),"
        + " scale to 0, then delete")
        .contains("web: auto scaling suspended (min 2, max 10), so it cannot scale the service back up");
    assertThat(result.out()).startsWith("web  deleted  drained and deleted (INACTIVE); its auto scaling was suspended"
        + " first and stays suspended");
    // Suspended before the scale-down, never after it.
    long suspendedAt = fake.autoScaling().callsTo("RegisterScalableTarget").get(0).atMillis();
    assertThat(suspendedAt).isLessThanOrEqualTo(fake.callsTo("UpdateService").get(0).atMillis());
  }

  @Test void aDeniedSuspensionStopsBeforeTheScaleDown() {
    prod.service("web").counts(2, 2, 0).drainTime(Duration.ofSeconds(20));
    fake.autoScaling().scalableTarget("prod", "web", 2, 10);
    fake.autoScaling().failNext("RegisterScalableTarget", Fault.ACCESS_DENIED, 1);

    Result result = drainDelete("--service", "web", "--yes");

    assertExit(result, 1);
    assertThat(result.out()).startsWith("web  failed  AccessDeniedException: RegisterScalableTarget (suspending its"
        + " auto scaling) failed: ");
    assertThat(fake.operations()).doesNotContain("UpdateService");
  }

  @Test void aFullySuspendedTargetIsLeftAlone() {
    FakeService web = prod.service("web").counts(1, 1, 0).drainTime(Duration.ofSeconds(5));
    fake.autoScaling().scalableTarget("prod", "web", 1, 4).suspendAll("prod", "web");

    Result result = drainDelete("--service", "web", "--yes");

    assertExit(result, 0);
    assertThat(web.status()).isEqualTo("INACTIVE");
    assertThat(fake.autoScaling().callsTo("RegisterScalableTarget")).isEmpty();
    assertThat(result.out()).doesNotContain("auto scaling");
  }

  @Test void dryRunSaysItWouldSuspendAutoScaling() throws Exception {
    prod.service("web").counts(2, 2, 0);
    fake.autoScaling().scalableTarget("prod", "web", 2, 10);

    Result result = drainDelete("--service", "web", "--dry-run", "--output", "json");

    assertExit(result, 0);
    JsonNode web = new ObjectMapper().readTree(result.out()).get("services").get(0);
    assertThat(web.get("autoScaling").asText()).isEqualTo("would-suspend");
    assertThat(web.get("message").asText()).startsWith("would suspend its auto scaling (min 2, max 10), would scale");
    assertThat(fake.autoScaling().callsTo("RegisterScalableTarget")).isEmpty();
  }

  @Test void ridesOutThrottledAutoScalingCalls() {
    prod.service("web").counts(1, 1, 0).drainTime(Duration.ofSeconds(3));
    fake.autoScaling().scalableTarget("prod", "web", 1, 3);
    fake.autoScaling().failNext("DescribeScalableTargets", Fault.THROTTLING, 2)
        .failNext("RegisterScalableTarget", Fault.THROTTLING, 1);

    assertExit(drainDelete("--service", "web", "--yes"), 0);
    assertThat(fake.autoScaling().suspended("prod", "web")).isTrue();
  }
}

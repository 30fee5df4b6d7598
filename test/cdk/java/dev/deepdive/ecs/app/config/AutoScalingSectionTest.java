package dev.deepdive.ecs.app.config;

import static dev.deepdive.ecs.app.config.ServiceFiles.only;
import static dev.deepdive.ecs.app.config.ServiceFiles.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** services[].autoScaling and services[].enableExecuteCommand: values, defaults, and one line per mistake. */
class AutoScalingSectionTest {
  private static final String AT = "app/environments/qa.json: services[0]";

  /** The web service (load-balanced) without desiredCount, with this autoScaling object. */
  private static String web(String autoScaling) {
    return ServiceFiles.web("\"autoScaling\": {" + autoScaling + "}").replace("\"desiredCount\": 2, ", "");
  }

  /** The worker service without desiredCount, with this autoScaling object. */
  private static String worker(String autoScaling) {
    return ServiceFiles.worker("\"autoScaling\": {" + autoScaling + "}").replace(", \"desiredCount\": 1", "");
  }

  @Test
  void readsEveryFieldOfALoadBalancedService() {
    ServiceConfig web = only(web("\"minCount\": 2, \"maxCount\": 10, \"targets\": {\"cpuUtilization\": 60,"
        + " \"memoryUtilization\": 75, \"requestsPerTarget\": 500}, \"scaleInCooldownSeconds\": 600,"
        + " \"scaleOutCooldownSeconds\": 30, \"scheduledActions\": [{\"name\": \"business-hours\", \"schedule\":"
        + " \"cron(0 8 ? * MON-FRI *)\", \"timeZone\": \"Europe/Berlin\", \"minCount\": 4}, {\"name\": \"night\","
        + " \"schedule\": \"cron(0 20 * * ? *)\", \"minCount\": 2, \"maxCount\": 6}]"));

    assertThat(web.autoScaling()).contains(new AutoScalingConfig(2, 10, Optional.of(60), Optional.of(75),
        Optional.of(500), 600, 30, List.of(
            new AutoScalingConfig.ScheduledActionConfig("business-hours", "cron(0 8 ? * MON-FRI *)",
                Optional.of("Europe/Berlin"), Optional.of(4), Optional.empty()),
            new AutoScalingConfig.ScheduledActionConfig("night", "cron(0 20 * * ? *)", Optional.empty(),
                Optional.of(2), Optional.of(6)))));
    assertThat(web.desiredCount()).isEqualTo(2);
  }

  @Test
  void cooldownsDefaultTo300SecondsAndExecToOff() {
    ServiceConfig worker = only(worker("\"minCount\": 0, \"maxCount\": 3, \"targets\": {\"cpuUtilization\": 50}"));

    assertThat(worker.autoScaling().orElseThrow().scaleInCooldownSeconds()).isEqualTo(300);
    assertThat(worker.autoScaling().orElseThrow().scaleOutCooldownSeconds()).isEqualTo(300);
    assertThat(worker.enableExecuteCommand()).isFalse();
    assertThat(only(ServiceFiles.WORKER).autoScaling()).isEmpty();
  }

  @Test
  void readsEnableExecuteCommand() {
    assertThat(only(ServiceFiles.worker("\"enableExecuteCommand\": true")).enableExecuteCommand()).isTrue();
    assertThat(problems(ServiceFiles.worker("\"enableExecuteCommand\": \"yes\""))).containsExactly(
        AT + ".enableExecuteCommand: expected true or false, got \"yes\" (a string)");
  }

  @Test
  void desiredCountIsNotAllowedBesideAutoScaling() {
    String both = ServiceFiles.worker("\"autoScaling\": {\"minCount\": 1, \"maxCount\": 3, \"targets\":"
        + " {\"cpuUtilization\": 50}}");

    assertThat(problems(both)).containsExactly(AT + ".desiredCount: not allowed with autoScaling, got 1 (a number);"
        + " the scaler owns the count between autoScaling.minCount and maxCount (a new service starts at max(1,"
        + " minCount)), so remove desiredCount");
  }

  @Test
  void boundsAreRequiredAndOrdered() {
    assertThat(problems(worker("\"targets\": {\"cpuUtilization\": 50}"))).containsExactly(
        AT + ".autoScaling.minCount: required field is missing",
        AT + ".autoScaling.maxCount: required field is missing");
    assertThat(problems(worker("\"minCount\": 5, \"maxCount\": 3, \"targets\": {\"cpuUtilization\": 50}")))
        .containsExactly(AT + ".autoScaling.maxCount: must be at least minCount 5, got 3");
    assertThat(problems(worker("\"minCount\": 0, \"maxCount\": 0, \"targets\": {\"cpuUtilization\": 50}")))
        .hasSize(1).allSatisfy(p -> assertThat(p).startsWith(AT + ".autoScaling.maxCount: "));
  }

  @Test
  void needsAtLeastOneTargetInRange() {
    assertThat(problems(worker("\"minCount\": 1, \"maxCount\": 3, \"targets\": {}"))).containsExactly(
        AT + ".autoScaling.targets: needs at least one target, got none; allowed: cpuUtilization, memoryUtilization,"
            + " requestsPerTarget (e.g. {\"cpuUtilization\": 60})");
    assertThat(problems(worker("\"minCount\": 1, \"maxCount\": 3, \"targets\": {\"cpuUtilization\": 120}")))
        .hasSize(1).allSatisfy(p -> assertThat(p).startsWith(AT + ".autoScaling.targets.cpuUtilization: "));
  }

  @Test
  void requestsPerTargetOnlyBehindTheLoadBalancer() {
    assertThat(problems(worker("\"minCount\": 1, \"maxCount\": 3, \"targets\": {\"requestsPerTarget\": 100}")))
        .containsExactly(AT + ".autoScaling.targets.requestsPerTarget: only for a service with a loadBalancer: it"
            + " tracks the load balancer's requests per task; use cpuUtilization or memoryUtilization for this"
            + " service");
  }

  @Test
  void cooldownsAreBounded() {
    assertThat(problems(worker("\"minCount\": 1, \"maxCount\": 3, \"targets\": {\"cpuUtilization\": 50},"
        + " \"scaleInCooldownSeconds\": 7200"))).hasSize(1)
        .allSatisfy(p -> assertThat(p).startsWith(AT + ".autoScaling.scaleInCooldownSeconds: "));
  }

  @Test
  void scheduledActionsAreCheckedOneLineEach() {
    String base = "\"minCount\": 1, \"maxCount\": 3, \"targets\": {\"cpuUtilization\": 50}, \"scheduledActions\": ";

    assertThat(problems(worker(base + "[{\"name\": \"a\", \"schedule\": \"every morning\", \"minCount\": 2}]")))
        .containsExactly(AT + ".autoScaling.scheduledActions[0].schedule: must be cron(...), rate(...) or at(...),"
            + " e.g. \"cron(0 8 ? * MON-FRI *)\", \"rate(1 day)\" or \"at(2026-12-24T18:00:00)\", got \"every morning\"");
    assertThat(problems(worker(base + "[{\"name\": \"a\", \"schedule\": \"rate(1 day)\"}]"))).containsExactly(
        AT + ".autoScaling.scheduledActions[0]: needs minCount, maxCount or both: a scheduled action changes the"
            + " bounds");
    assertThat(problems(worker(base + "[{\"name\": \"a\", \"schedule\": \"rate(1 day)\", \"minCount\": 1},"
        + " {\"name\": \"a\", \"schedule\": \"rate(2 days)\", \"maxCount\": 2}]"))).containsExactly(
        AT + ".autoScaling.scheduledActions[1].name: duplicate scheduled action name \"a\"; names must be unique"
            + " within the service");
    assertThat(problems(worker(base + "[{\"name\": \"a\", \"schedule\": \"rate(1 day)\", \"minCount\": 1,"
        + " \"timeZone\": \"Mars/Olympus\"}]"))).containsExactly(
        AT + ".autoScaling.scheduledActions[0].timeZone: not an IANA time zone, got \"Mars/Olympus\"; e.g."
            + " \"Europe/Berlin\" or \"America/New_York\"");
  }

  @Test
  void suggestsTheAutoScalingFieldMeantByATypo() {
    assertThat(problems(worker("\"minCount\": 1, \"maxCount\": 3, \"target\": {\"cpuUtilization\": 50}")))
        .anySatisfy(p -> assertThat(p).startsWith(AT + ".autoScaling.target: unknown field"));
  }

  @Test
  void theDeploymentCheckCoversEveryCountTheScalerCanSet() {
    // maximumPercent 100 / minimumHealthyPercent 100 hangs at any count; at 1..3 the first one is reported.
    String scaled = worker("\"minCount\": 0, \"maxCount\": 3, \"targets\": {\"cpuUtilization\": 50}")
        .replace("\"autoScaling\"", "\"deployment\": {\"maximumPercent\": 100, \"minimumHealthyPercent\": 100},"
            + " \"autoScaling\"");

    assertThat(problems(scaled)).hasSize(1).allSatisfy(p -> assertThat(p).startsWith(AT + ".deployment: a deployment"
        + " can never make progress, got maximumPercent 100 and minimumHealthyPercent 100 with a count autoScaling"
        + " can set, 1: "));
  }
}

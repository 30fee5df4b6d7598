package dev.deepdive.ecs.app.config;

import static dev.deepdive.ecs.app.config.ServiceFiles.only;
import static dev.deepdive.ecs.app.config.ServiceFiles.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code "schedulingStrategy": "DAEMON"} on a service: what it takes, what it refuses, and its defaults. */
class DaemonServiceConfigTest {
  private static final String FILE = "app/environments/qa.json: ";
  private static final String DAEMON =
      "{\"name\": \"log-router\", \"taskDefinition\": \"log-router.json\", \"schedulingStrategy\": \"DAEMON\"}";

  private static String daemon(String extra) {
    return DAEMON.replace("}", ", " + extra + "}");
  }

  @Test
  void aDaemonNeedsNoDesiredCountAndGetsTheDaemonDeploymentDefaults() {
    ServiceConfig service = only(DAEMON);

    assertThat(service.schedulingStrategy()).isEqualTo(SchedulingStrategy.DAEMON);
    assertThat(service.desiredCount()).isZero();
    assertThat(service.deployment()).isEqualTo(new DeploymentConfig(100, 50, true));
    assertThat(ConfigDefaults.DAEMON_MAXIMUM_PERCENT).isEqualTo(100);
    assertThat(ConfigDefaults.DAEMON_MINIMUM_HEALTHY_PERCENT).isEqualTo(50);
  }

  @Test
  void replicaIsTheDefault() {
    assertThat(only(ServiceFiles.WORKER).schedulingStrategy()).isEqualTo(SchedulingStrategy.REPLICA);
  }

  @Test
  void aDaemonTakesNoDesiredCount() {
    assertThat(problems(daemon("\"desiredCount\": 2"))).containsExactly(FILE + "services[0].desiredCount: not"
        + " allowed on a DAEMON service, got 2 (a number); ECS runs one task on every container instance; remove"
        + " desiredCount, or make it a REPLICA service");
  }

  @Test
  void aDaemonTakesNoLoadBalancer() {
    assertThat(problems(daemon("\"loadBalancer\": {" + ServiceFiles.WEB_LOAD_BALANCER + "}")))
        .singleElement().asString().startsWith(FILE + "services[0].loadBalancer: not allowed on a DAEMON service")
        .contains("a service that takes traffic is a REPLICA service");
  }

  @Test
  void aDaemonTakesNoPlacementStrategyButConstraints() {
    assertThat(problems(daemon("\"placement\": {\"strategy\": \"binpack\"}"))).singleElement().asString()
        .startsWith(FILE + "services[0].placement.strategy: not allowed on a DAEMON service");
    assertThat(only(daemon("\"placement\": {\"constraints\": [{\"type\": \"memberOf\", \"expression\":"
        + " \"attribute:ecs.os-type == linux\"}]}")).placement().constraints()).hasSize(1);
  }

  @Test
  void aDaemonDeploymentReplacesTasksInPlace() {
    assertThat(problems(daemon("\"deployment\": {\"maximumPercent\": 200}"))).containsExactly(FILE
        + "services[0].deployment.maximumPercent: must be 100 for a DAEMON service, got 200; an instance runs one"
        + " copy, so ECS stops the old task before it starts the new one");
    assertThat(problems(daemon("\"deployment\": {\"minimumHealthyPercent\": 100}"))).containsExactly(FILE
        + "services[0].deployment.minimumHealthyPercent: must be below 100 for a DAEMON service, got 100; with"
        + " maximumPercent 100 ECS could never stop an old task to start a new one");
  }

  @Test
  void rejectsAnUnknownStrategyNamingTheTwo() {
    assertThat(problems(DAEMON.replace("DAEMON", "daemon"))).singleElement().asString()
        .startsWith(FILE + "services[0].schedulingStrategy: ").contains("daemon").contains("REPLICA, DAEMON");
  }

  @Test
  void aDaemonIsNotScaled() {
    assertThat(problems(daemon("\"autoScaling\": {\"minCount\": 1, \"maxCount\": 2, \"targets\":"
        + " {\"cpuUtilization\": 50}}"))).singleElement().asString()
        .startsWith(FILE + "services[0].autoScaling: not allowed on a DAEMON service")
        .endsWith("so the number of instances sets its count; scale the capacity instead");
  }

  @Test
  void aDaemonKeepsADeploymentItSetsWithinTheRules() {
    assertThat(only(daemon("\"deployment\": {\"minimumHealthyPercent\": 0}")).deployment())
        .isEqualTo(new DeploymentConfig(100, 0, true));
  }

  @Test
  void aReplicaStillNeedsItsDesiredCount() {
    assertThat(problems("{\"name\": \"web\", \"taskDefinition\": \"web.json\", \"schedulingStrategy\": \"REPLICA\"}"))
        .containsExactly(FILE + "services[0].desiredCount: required field is missing");
  }
}

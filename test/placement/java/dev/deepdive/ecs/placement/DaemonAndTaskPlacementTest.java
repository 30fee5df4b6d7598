package dev.deepdive.ecs.placement;

import static dev.deepdive.ecs.placement.Environments.environment;
import static dev.deepdive.ecs.placement.Environments.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deepdive.ecs.placement.PlacementReport.ServicePlacement;
import org.junit.jupiter.api.Test;

/**
 * DAEMON services take their share of every instance before the other services are placed; tasks no service owns
 * are placed beside the services and never deployed. A t3.medium registers 2048 CPU units and 3968 MiB.
 */
class DaemonAndTaskPlacementTest {
  static final String AGENT = "app/task-definitions/agent.json";
  static final String WEB = "app/task-definitions/web.json";
  static final String MIGRATE = "app/task-definitions/migrate.json";

  @Test
  void aDaemonsShareOfEveryInstanceIsTakenBeforeTheServicesArePlaced() {
    PlacementReport report = environment("t3.medium").sizes(1, 2)
        .daemon("agent", task(AGENT, 0, 3500))
        .service("web", 1, task(WEB, 256, 512)).evaluate();

    assertThat(report.errors()).singleElement().asString()
        .startsWith(WEB + ": containerDefinitions[0].memory: the task reserves 512 MiB (the container's memory), more"
            + " than the 468 MiB t3.medium (capacity.instanceTypes[0]) registers for tasks (")
        .contains("less 3500 MiB for DAEMON service agent)")
        .contains("so ECS could never place a task of service web (app/environments/dev.json services[1])");
  }

  @Test
  void aDaemonMustFitBesideTheDaemonsBeforeIt() {
    PlacementReport report = environment("t3.medium").sizes(1, 2)
        .daemon("log-router", task(AGENT, 1024, 3000))
        .daemon("metrics", task("app/task-definitions/metrics.json", 1536, 256))
        .service("web", 1, task(WEB, 256, 512)).evaluate();

    assertThat(report.errors()).singleElement().asString()
        .startsWith("app/task-definitions/metrics.json: containerDefinitions[0].cpu: the task reserves 1536 CPU units")
        .contains("more than the 1024 t3.medium (capacity.instanceTypes[0]) registers (2 vCPUs, less 1024 CPU units"
            + " for DAEMON service log-router)")
        .contains("service metrics (app/environments/dev.json services[1])");
    assertThat(report.atMaximum()).as("nothing is simulated past a daemon that never fits").isNull();
  }

  @Test
  void daemonsThatFitRunOnEveryInstanceAndLeaveTheRestToTheServices() {
    PlacementReport report = environment("t3.medium").sizes(1, 2)
        .daemon("agent", task(AGENT, 128, 256))
        .service("web", 2, task(WEB, 256, 512)).evaluate();

    assertThat(report.errors()).isEmpty();
    assertThat(report.atMaximum().services()).extracting(ServicePlacement::name).containsExactly("agent", "web");
    ServicePlacement agent = report.atMaximum().services().get(0);
    assertThat(agent.placed()).isEqualTo(2);
    assertThat(agent.instances()).isEqualTo(2);
    assertThat(agent.limitedBy()).isEqualTo("one per instance (DAEMON)");
    assertThat(report.atMaximum().headroom().memoryMiB()).as("what the daemons leave").isEqualTo(2 * (3968 - 256));
    assertThat(report.atMaximum().headroom().memoryMiBFree()).isEqualTo(2 * (3968 - 256) - 2 * 512);
  }

  @Test
  void aDaemonWhoseConstraintsAdmitNoneOfATypesInstancesTakesNothingThere() {
    PlacementReport report = environment("t3.medium").sizes(1, 2)
        .daemon("gpu-monitor", task(AGENT, 0, 3500), PlacementConstraint.memberOf(
            "attribute:ecs.instance-type =~ p3.*", "services[0].placement.constraints[0]"))
        .service("web", 1, task(WEB, 256, 512)).evaluate();

    assertThat(report.errors()).isEmpty();
    assertThat(report.atMaximum().services()).extracting(ServicePlacement::name).containsExactly("web");
  }

  @Test
  void aStaticHostPortADaemonBindsIsTakenOnEveryInstance() {
    PlacementReport report = environment("t3.medium").sizes(1, 2)
        .daemon("statsd", task(AGENT, 0, 128).hostPort(8125))
        .service("web", 1, task(WEB, 256, 512).hostPort(8125)).evaluate();

    assertThat(report.errors()).singleElement().asString()
        .startsWith(WEB + ": containerDefinitions[0].portMappings[0].hostPort: host port 8125")
        .contains("is bound on every instance by DAEMON service statsd");
  }

  @Test
  void aTaskNoServiceOwnsIsPlacedBesideTheServicesAtMaximumCapacity() {
    PlacementReport report = environment("t3.medium").sizes(1, 1)
        .service("web", 1, task(WEB, 256, 3000))
        .oneOffTask("migrate", 1, task(MIGRATE, 256, 1000)).evaluate();

    assertThat(report.errors()).singleElement().asString()
        .startsWith(MIGRATE + ": containerDefinitions[0].memory: task migrate (app/environments/dev.json tasks[0])"
            + " with count 1 does not fit beside the environment's other services at capacity.maxSize 1 x t3.medium:"
            + " 0 of its 1 tasks place");
  }

  @Test
  void aTaskThatFitsIsNeverDeployed() {
    PlacementReport report = environment("t3.medium").sizes(1, 2)
        .service("web", 1, task(WEB, 256, 512))
        .oneOffTask("nightly-report", 2, task(MIGRATE, 512, 1024)).evaluate();

    assertThat(report.errors()).isEmpty();
    ServicePlacement nightly = report.atMaximum().services().get(1);
    assertThat(nightly.name()).isEqualTo("nightly-report");
    assertThat(nightly.placed()).isEqualTo(2);
    assertThat(nightly.deploymentPeakTasks()).as("no deployment: as many as it runs").isEqualTo(2);
    assertThat(report.atMaximum().largestDeployment().service()).isEqualTo("web");
  }

  @Test
  void theKindsSurviveTheAssemblyRecord() {
    EnvironmentInput input = environment("t3.medium").sizes(1, 2)
        .daemon("agent", task(AGENT, 128, 256))
        .service("web", 1, task(WEB, 256, 512))
        .oneOffTask("migrate", 1, task(MIGRATE, 256, 512)).build();

    EnvironmentInput read = PlacementInputsJson.read(PlacementInputsJson.write(input));

    assertThat(read).isEqualTo(input);
    assertThat(read.services()).extracting(ServiceInput::kind)
        .containsExactly(ServiceInput.Kind.DAEMON, ServiceInput.Kind.REPLICA, ServiceInput.Kind.TASK);
  }
}

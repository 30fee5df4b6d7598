package dev.deepdive.ecs.placement;

import static dev.deepdive.ecs.placement.Environments.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deepdive.ecs.placement.Scheduler.DeploymentRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scheduler's choices: where tasks go, and how a rolling deployment starts and stops them. */
class SchedulerTest {
  static final CapacityInput CAPACITY = new CapacityInput("env.json", List.of("m5.large"), 4, 4, 2, List.of(),
      "AL2023", Architecture.X86_64, false);
  static final RegisteredResources M5 = RegisteredResources.of(InstanceTypes.require("m5.large"),
      AgentRegistration.defaults());

  static ServicePlan plan(int desired, int maximumPercent, int minimumHealthyPercent, PlacementStrategy strategy,
      Environments.Task task) {
    return new ServicePlan(0, new ServiceInput("web", "services[0]", desired, maximumPercent, minimumHealthyPercent,
        strategy, List.of(), task.build()), "env.json");
  }

  static Scheduler cluster(int instances) {
    return Scheduler.of(M5, instances, CAPACITY, AgentRegistration.defaults());
  }

  static List<Integer> tasksPerInstance(Scheduler scheduler, ServicePlan plan) {
    return scheduler.instances().stream().map(i -> i.count(plan)).toList();
  }

  @Test
  void spreadBalancesZonesThenInstances() {
    Scheduler scheduler = cluster(4);
    ServicePlan plan = plan(3, 200, 100, PlacementStrategy.SPREAD, task("t.json", 128, 256));
    scheduler.placeAll(List.of(plan));

    // Instances 0 and 2 are in zone 1, 1 and 3 in zone 2: the third task goes to the emptier zone's first free.
    assertThat(tasksPerInstance(scheduler, plan)).containsExactly(1, 1, 1, 0);
  }

  @Test
  void binpackFillsTheInstanceWithTheLeastMemoryLeft() {
    Scheduler scheduler = cluster(4);
    ServicePlan plan = plan(5, 200, 100, PlacementStrategy.BINPACK, task("t.json", 128, 2000));
    scheduler.placeAll(List.of(plan));

    assertThat(tasksPerInstance(scheduler, plan)).containsExactly(3, 2, 0, 0);
  }

  @Test
  void aDeploymentStartsUpToMaximumPercentBeforeStoppingAnything() {
    Scheduler scheduler = cluster(4);
    ServicePlan plan = plan(4, 150, 100, PlacementStrategy.SPREAD, task("t.json", 128, 256));
    scheduler.placeAll(List.of(plan));

    DeploymentRun run = scheduler.deploy(plan);

    assertThat(run.completes()).isTrue();
    assertThat(run.peakTasks()).isEqualTo(6);
    // Like the real scheduler, a deployment does not rebalance: spread sees old and new tasks alike.
    assertThat(tasksPerInstance(scheduler, plan)).containsExactly(2, 2, 0, 0);
    assertThat(scheduler.instances().stream().mapToInt(i -> i.oldCount(plan)).sum()).isZero();
  }

  @Test
  void aDeploymentBelowOneHundredPercentStopsOldTasksFirst() {
    Scheduler scheduler = cluster(2);
    ServicePlan plan = plan(2, 100, 50, PlacementStrategy.SPREAD, task("t.json", 128, 256).hostPort(80));
    scheduler.placeAll(List.of(plan));

    DeploymentRun run = scheduler.deploy(plan);

    assertThat(run.completes()).isTrue();
    assertThat(run.peakTasks()).isEqualTo(2);
  }

  @Test
  void aDeploymentThatCanNeitherStartNorStopIsStuck() {
    Scheduler scheduler = cluster(2);
    ServicePlan plan = plan(2, 200, 100, PlacementStrategy.SPREAD, task("t.json", 128, 256).hostPort(80));
    scheduler.placeAll(List.of(plan));

    DeploymentRun run = scheduler.deploy(plan);

    assertThat(run.completes()).isFalse();
    assertThat(run.oldLeft()).isEqualTo(2);
    assertThat(run.newRunning()).isZero();
    assertThat(run.blockedBy()).isEqualTo(Map.of(Shortfall.PORT_TAKEN, 2));
  }

  @Test
  void stoppedTasksGiveTheirResourcesBack() {
    Scheduler scheduler = cluster(1);
    ServicePlan plan = plan(1, 200, 0, PlacementStrategy.SPREAD, task("t.json", 1024, 4000).hostPort(80).awsvpc());
    scheduler.placeAll(List.of(plan));
    SimulatedInstance instance = scheduler.instances().get(0);

    assertThat(scheduler.deploy(plan).completes()).isTrue();
    assertThat(instance.cpuFree).isEqualTo(2048 - 1024);
    assertThat(instance.memoryFree).isEqualTo(M5.memoryMiB() - 4000);
    assertThat(instance.enisFree).isEqualTo(1);
    assertThat(instance.reservedPortCount()).isEqualTo(6);
  }
}

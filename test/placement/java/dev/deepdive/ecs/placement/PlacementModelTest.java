package dev.deepdive.ecs.placement;

import static dev.deepdive.ecs.placement.Environments.environment;
import static dev.deepdive.ecs.placement.Environments.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deepdive.ecs.placement.PlacementReport.ServicePlacement;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scheduler model: what can never place, what does not fit maxSize, what cannot deploy; one line each. */
class PlacementModelTest {
  static final String WEB = "app/task-definitions/web.json";
  static final String ML = "app/task-definitions/ml.json";
  static final String CONSTRAINT = "services[0].placement.constraints[0]";

  static PlacementConstraint distinctInstance() {
    return PlacementConstraint.distinctInstance(CONSTRAINT);
  }

  @Test
  void aStaticHostPortNeedsAnInstancePerTaskToRunAndOneMoreToDeploy() {
    PlacementReport report = environment("t3.medium").sizes(1, 2)
        .service("web", 3, task(WEB, 256, 512).hostPort(80)).evaluate();

    assertThat(report.errors()).containsExactly(WEB + ": containerDefinitions[0].portMappings[0].hostPort: static"
        + " host port 80 allows one task per instance; service web (app/environments/dev.json services[0]) with"
        + " desiredCount 3 needs 3 instances to run and 4 to deploy (minimumHealthyPercent 100 keeps all 3 old tasks"
        + " until new ones run; 6 at maximumPercent 200), capacity.maxSize is 2; use hostPort 0 (a dynamic host"
        + " port) or raise capacity.maxSize to 4");
  }

  @Test
  void aStaticHostPortOnEveryInstanceLeavesADeploymentNowhereToStart() {
    PlacementReport report = environment("t3.medium").sizes(1, 2)
        .service("web", 2, task(WEB, 256, 512).hostPort(8080)).evaluate();

    assertThat(report.errors()).containsExactly(WEB + ": containerDefinitions[0].portMappings[0].hostPort: static"
        + " host port 8080 allows one task per instance; service web (app/environments/dev.json services[0]) with"
        + " desiredCount 2 runs on 2 instances but needs 3 to deploy (minimumHealthyPercent 100 keeps all 2 old tasks"
        + " until new ones run; 4 at maximumPercent 200), capacity.maxSize is 2; use hostPort 0 (a dynamic host"
        + " port), raise capacity.maxSize to 3 or lower minimumHealthyPercent to 50");
    assertThat(report.atMaximum().services().get(0).deploys()).isFalse();
  }

  @Test
  void namesEveryBoundThatAllowsNoMoreTasksPerInstance() {
    PlacementReport report = environment("t3.medium").sizes(1, 2)
        .service("web", 3, task(WEB, 256, 2500).hostPort(80)).evaluate();

    assertThat(report.errors()).singleElement().asString().contains("static host port 80 allows one task per"
        + " instance (and its memory reservation allows no more); service web");
  }

  @Test
  void lowerMinimumHealthyPercentLetsTheDeploymentStopAnOldTaskFirst() {
    PlacementReport report = environment("t3.medium").sizes(1, 2)
        .service("web", 2, 200, 50, PlacementStrategy.SPREAD, List.of(), task(WEB, 256, 512).hostPort(8080))
        .evaluate();

    assertThat(report.errors()).isEmpty();
    assertThat(report.atMaximum().services().get(0).deploys()).isTrue();
  }

  @Test
  void moreStaticHostPortsThanAnInstanceReservesCanNeverPlace() {
    PlacementReport report = environment("t3.medium").service("web", 1, task(WEB, 256, 512).hostPorts(10000, 400))
        .evaluate();

    assertThat(report.errors()).containsExactly(WEB + ": containerDefinitions[0].portMappings: 400 static host"
        + " ports in one task, but a container instance holds at most 100 reserved ports, 5 of them the agent's (22,"
        + " 2375, 2376, 51678, 51679), so ECS could never place a task of service web (app/environments/dev.json"
        + " services[0]); use hostPort 0 (ECS assigns dynamic host ports, which do not count) or awsvpc network"
        + " mode");
  }

  @Test
  void aHostPortTheAgentReservesCanNeverPlace() {
    PlacementReport report = environment("t3.medium").agent("ECS_RESERVED_PORTS", "[22, 8080]")
        .service("web", 1, task(WEB, 256, 512).hostPort(8080)).evaluate();

    assertThat(report.errors()).containsExactly(WEB + ": containerDefinitions[0].portMappings[0].hostPort: host port"
        + " 8080 is one the ECS agent reserves on every instance (22, 8080), so ECS could never place a task of"
        + " service web (app/environments/dev.json services[0]); use another host port, or hostPort 0 for a dynamic"
        + " one");
  }

  @Test
  void aGpuTaskOnATypeWithoutGpus() {
    PlacementReport report = environment("t3.medium").service("ml", 1, task(ML, 1024, 2048).gpus(1)).evaluate();

    assertThat(report.errors()).containsExactly(ML + ": containerDefinitions[0].resourceRequirements[0]: the task"
        + " needs 1 GPU, but t3.medium (capacity.instanceTypes[0]) has none, so ECS could never place a task of"
        + " service ml (app/environments/dev.json services[0]); use an instance type with 1 GPU or more (e.g."
        + " g4dn.xlarge) with a GPU capacity.amiFamily (AL2023_GPU or AL2_GPU)");
  }

  @Test
  void moreGpusThanTheTypeHas() {
    PlacementReport report = environment("g4dn.xlarge").gpuAmi().service("ml", 1, task(ML, 1024, 2048).gpus(2))
        .evaluate();

    assertThat(report.errors()).containsExactly(ML + ": containerDefinitions[0].resourceRequirements[0]: the task"
        + " needs 2 GPUs, but g4dn.xlarge (capacity.instanceTypes[0]) has 1, so ECS could never place a task of"
        + " service ml (app/environments/dev.json services[0]); use an instance type with 2 GPUs or more (e.g."
        + " p3.8xlarge) with a GPU capacity.amiFamily (AL2023_GPU or AL2_GPU)");
  }

  @Test
  void gpusRegisterOnlyWithTheGpuAmi() {
    assertThat(environment("g4dn.xlarge").service("ml", 1, task(ML, 1024, 2048).gpus(1)).evaluate().errors())
        .singleElement().asString().contains("the task needs 1 GPU, and g4dn.xlarge (capacity.instanceTypes[0])"
            + " has 1 but registers it only with GPU support (capacity.amiFamily AL2023 is not a GPU AMI)");
    assertThat(environment("g4dn.xlarge").gpuAmi().service("ml", 1, task(ML, 1024, 2048).gpus(1)).evaluate()
        .errors()).isEmpty();
  }

  @Test
  void anArm64TaskOnX86Instances() {
    PlacementReport report = environment("t3.medium", "t3a.medium")
        .service("web", 1, task(WEB, 256, 512).architecture(Architecture.ARM64)).evaluate();

    assertThat(report.errors()).containsExactly(WEB + ": runtimePlatform.cpuArchitecture: ARM64 needs arm64"
        + " instances, but environment dev runs x86_64 ones (capacity.amiFamily AL2023: t3.medium, t3a.medium), so"
        + " ECS could never place a task of service web (app/environments/dev.json services[0]); use X86_64 with an"
        + " image built for it, or an arm64 capacity.amiFamily with instance types of that architecture");
    assertThat(report.atMaximum().services().get(0).limitedBy()).isEqualTo("CPU architecture");
  }

  @Test
  void aWindowsTaskOnAmazonLinux() {
    PlacementReport report = environment("t3.medium")
        .service("web", 1, task(WEB, 256, 512).operatingSystem("WINDOWS_SERVER_2022_CORE")).evaluate();

    assertThat(report.errors()).containsExactly(WEB + ": runtimePlatform.operatingSystemFamily:"
        + " WINDOWS_SERVER_2022_CORE needs Windows container instances, but environment dev runs Amazon Linux"
        + " (capacity.amiFamily AL2023), so ECS could never place a task of service web (app/environments/dev.json"
        + " services[0]); use LINUX or leave operatingSystemFamily out");
  }

  @Test
  void aTaskLargerThanTheInstance() {
    assertThat(environment("t3.medium").service("big", 1, task(WEB, 256, 8192)).evaluate().errors())
        .containsExactly(WEB + ": containerDefinitions[0].memory: the task reserves 8192 MiB (the container's"
            + " memory), more than the 3968 MiB t3.medium (capacity.instanceTypes[0]) registers for tasks (4 GiB"
            + " installed), so ECS could never place a task of service big (app/environments/dev.json services[0]);"
            + " reserve less or use a larger instance type");
  }

  @Test
  void countsEcsReservedMemory() {
    PlacementReport report = environment("t3.medium").agent("ECS_RESERVED_MEMORY", "512")
        .service("big", 1, task(WEB, 256, 3700)).evaluate();

    assertThat(report.errors()).singleElement().asString()
        .contains("more than the 3456 MiB t3.medium (capacity.instanceTypes[0]) registers for tasks (4 GiB"
            + " installed, ECS_RESERVED_MEMORY 512)");
  }

  @Test
  void memoryBoundsTasksPerInstance() {
    PlacementReport report = environment("t3.medium").sizes(1, 2).service("big", 5, task(WEB, 256, 2048)).evaluate();

    assertThat(report.errors()).containsExactly(WEB + ": containerDefinitions[0].memory: the task reserves 2048 MiB"
        + " (the container's memory) and a t3.medium registers 3968 MiB for tasks (4 GiB installed), room for 1 task"
        + " per instance; service big (app/environments/dev.json services[0]) with desiredCount 5 needs 5 instances"
        + " to run and 6 to deploy (minimumHealthyPercent 100 keeps all 5 old tasks until new ones run; 10 at"
        + " maximumPercent 200), capacity.maxSize is 2; reserve less memory, use a larger instance type or raise"
        + " capacity.maxSize to 6");
  }

  @Test
  void servicesThatFitAloneButNotTogether() {
    PlacementReport report = environment("t3.medium").sizes(1, 2)
        .service("a", 3, task(WEB, 256, 1800))
        .service("b", 2, task("app/task-definitions/b.json", 256, 1800)).evaluate();

    assertThat(report.errors()).containsExactly("app/task-definitions/b.json: containerDefinitions[0].memory:"
        + " service b (app/environments/dev.json services[1]) with desiredCount 2 does not fit beside the"
        + " environment's other services at capacity.maxSize 2 x t3.medium: 1 of its 2 tasks place, then no instance"
        + " can take another: less than the 1800 MiB it reserves free on 2 instances; all services together need 3"
        + " instances; raise capacity.maxSize to 3");
  }

  @Test
  void aDeploymentWithoutRoomBesideTheOtherServices() {
    PlacementReport report = environment("t3.medium").sizes(1, 2)
        .service("a", 2, task(WEB, 256, 1900))
        .service("b", 2, task("app/task-definitions/b.json", 256, 1900)).evaluate();

    assertThat(report.errors()).containsExactly(WEB + ": containerDefinitions[0].memory: a deployment of service a"
        + " (app/environments/dev.json services[0]) at maximumPercent 200 and minimumHealthyPercent 100 cannot"
        + " progress beside the environment's other services at capacity.maxSize 2 x t3.medium: with 2 old and 0 new"
        + " tasks running, no instance can take another: less than the 1900 MiB it reserves free on 2 instances; all"
        + " services together need 3 instances; raise capacity.maxSize to 3",
        "app/task-definitions/b.json: containerDefinitions[0].memory: a deployment of service b"
        + " (app/environments/dev.json services[1]) at maximumPercent 200 and minimumHealthyPercent 100 cannot"
        + " progress beside the environment's other services at capacity.maxSize 2 x t3.medium: with 2 old and 0 new"
        + " tasks running, no instance can take another: less than the 1900 MiB it reserves free on 2 instances; all"
        + " services together need 3 instances; raise capacity.maxSize to 3");
  }

  @Test
  void awsvpcTasksTakeANetworkInterfaceEach() {
    PlacementReport report = environment("t3.medium").sizes(1, 2).service("api", 4, task(WEB, 128, 256).awsvpc())
        .evaluate();

    assertThat(report.errors()).containsExactly(WEB + ": networkMode: awsvpc network mode takes a network interface"
        + " per task and a t3.medium has 3, 2 of them for tasks (no ENI trunking), room for 2 tasks per instance;"
        + " service api (app/environments/dev.json services[0]) with desiredCount 4 runs on 2 instances but needs 3"
        + " to deploy (minimumHealthyPercent 100 keeps all 4 old tasks until new ones run; 4 at maximumPercent 200),"
        + " capacity.maxSize is 2; use bridge network mode, use an instance type with more network interfaces, raise"
        + " capacity.maxSize to 3 or lower minimumHealthyPercent to 75");
  }

  @Test
  void distinctInstanceAllowsOneTaskPerInstance() {
    PlacementReport report = environment("t3.medium").sizes(1, 2).service("d", 2, 200, 100,
        PlacementStrategy.SPREAD, List.of(distinctInstance()), task(WEB, 128, 256)).evaluate();

    assertThat(report.errors()).containsExactly("app/environments/dev.json: " + CONSTRAINT + ": the distinctInstance"
        + " placement constraint allows one task per instance; service d (app/environments/dev.json services[0]) with"
        + " desiredCount 2 runs on 2 instances but needs 3 to deploy (minimumHealthyPercent 100 keeps all 2 old tasks"
        + " until new ones run; 4 at maximumPercent 200), capacity.maxSize is 2; remove the distinctInstance"
        + " constraint, raise capacity.maxSize to 3 or lower minimumHealthyPercent to 50");
  }

  @Test
  void aMemberOfExpressionNoInstanceMatches() {
    PlacementReport report = environment("t3.medium")
        .service("web", 1, task(WEB, 128, 256).memberOf("attribute:ecs.instance-type == m5.large")).evaluate();

    assertThat(report.errors()).containsExactly(WEB + ": placementConstraints[0].expression: memberOf"
        + " \"attribute:ecs.instance-type == m5.large\" matches none of environment dev's instances"
        + " (ecs.cpu-architecture x86_64, ecs.instance-type t3.medium, ecs.os-type linux), so ECS could never place a"
        + " task of service web (app/environments/dev.json services[0]); change the expression or"
        + " capacity.instanceTypes");
  }

  @Test
  void aMemberOfExpressionOverNamedZonesLeavesSomeInstances() {
    PlacementReport report = environment("t3.medium").sizes(1, 4).zones("eu-west-1a", "eu-west-1b")
        .service("web", 3, task(WEB, 128, 256).hostPort(80)
            .memberOf("attribute:ecs.availability-zone == eu-west-1a")).evaluate();

    assertThat(report.errors()).singleElement().asString().startsWith(WEB
        + ": containerDefinitions[0].portMappings[0].hostPort: static host port 80 allows one task per instance;")
        .contains("capacity.maxSize is 4, of which its memberOf constraints admit 2;");
  }

  @Test
  void warnsAboutExpressionsItCannotEvaluateAndAssumesTheyMatch() {
    PlacementReport report = environment("t3.medium")
        .service("web", 1, task(WEB, 128, 256).memberOf("attribute:stack == prod")).evaluate();

    assertThat(report.errors()).isEmpty();
    assertThat(report.warnings()).containsExactly(WEB + ": placementConstraints[0].expression: cannot tell before"
        + " deploy which instances match \"attribute:stack == prod\" (the model knows ecs.instance-type,"
        + " ecs.cpu-architecture, ecs.os-type, ecs.availability-zone when the environment names its zones, and"
        + " attributes from ECS_INSTANCE_ATTRIBUTES); it assumes every instance does");
  }

  @Test
  void evaluatesCustomAttributesFromTheAgentSettings() {
    PlacementReport report = environment("t3.medium").agent("ECS_INSTANCE_ATTRIBUTES", "{\"stack\": \"dev\"}")
        .service("web", 1, task(WEB, 128, 256).memberOf("attribute:stack == prod")).evaluate();

    assertThat(report.errors()).singleElement().asString().contains("matches none of environment dev's instances");
  }

  @Test
  void rejectsAnExpressionECSWouldReject() {
    PlacementReport report = environment("t3.medium")
        .service("web", 1, task(WEB, 128, 256).memberOf("attribute:ecs.instance-type ==")).evaluate();

    assertThat(report.errors()).containsExactly(WEB + ": placementConstraints[0].expression: not a cluster query"
        + " expression: expected a value after '==' at the end of \"attribute:ecs.instance-type ==\"; ECS would"
        + " reject the service at deploy time");
  }

  @Test
  void allowsTenConstraintsPerTask() {
    List<PlacementConstraint> eleven = Collections.nCopies(11, distinctInstance());
    PlacementReport report = environment("t3.medium").sizes(1, 20)
        .service("web", 1, 200, 100, PlacementStrategy.SPREAD, eleven, task(WEB, 128, 256)).evaluate();

    assertThat(report.errors()).containsExactly("app/environments/dev.json: services[0].placement.constraints: 11"
        + " placement constraints with the task definition's 0, but ECS allows 10 per task; remove 1");
  }

  @Test
  void warnsWhenEveryInstanceIsNeeded() {
    PlacementReport report = environment("t3.medium").sizes(1, 2).service("web", 1, task(WEB, 256, 512).hostPort(80))
        .evaluate();

    assertThat(report.errors()).isEmpty();
    assertThat(report.warnings()).containsExactly("app/environments/dev.json: capacity.maxSize: the services need all"
        + " 2 instances of t3.medium: with 1 (an instance failed or being replaced) web could not deploy; headroom"
        + " with every service running: 7424 of 7936 MiB, 3840 of 4096 CPU units; raise capacity.maxSize to 3 for a"
        + " spare");
  }

  @Test
  void warnsWhenAFallbackTypeCouldNotRunWhatTheFirstCan() {
    PlacementReport report = environment("m5.large", "t3.small").sizes(1, 3).service("web", 2, task(WEB, 1024, 3000))
        .evaluate();

    assertThat(report.errors()).isEmpty();
    assertThat(report.warnings()).containsExactly(WEB + ": containerDefinitions[0].memory: if the Auto Scaling group"
        + " falls back to t3.small (capacity.instanceTypes[1]), the task reserves 3000 MiB (the container's memory),"
        + " more than the 1920 MiB t3.small registers for tasks (2 GiB installed), so ECS could not place a task of"
        + " service web (app/environments/dev.json services[0]) there; reserve less or use a larger instance type");
  }

  @Test
  void anUnknownInstanceTypeStopsTheModel() {
    PlacementReport report = environment("t3.medium", "z1d.large").service("web", 1, task(WEB, 128, 256)).evaluate();

    assertThat(report.errors()).singleElement().asString().startsWith("app/environments/dev.json:"
        + " capacity.instanceTypes[1]: instance type 'z1d.large' is not in this tool's instance type table");
    assertThat(report.atMaximum()).isNull();
  }

  @Test
  void badAgentSettingsStopTheModel() {
    PlacementReport report = environment("t3.medium").agent("ECS_RESERVED_MEMORY", "a lot")
        .service("web", 1, task(WEB, 128, 256)).evaluate();

    assertThat(report.errors()).containsExactly("app/environments/dev.json: agent.ECS_RESERVED_MEMORY: must be a"
        + " whole number of MiB from 0 to 65535 (the agent keeps it in 16 bits), got \"a lot\"");
  }

  @Test
  void spreadUsesEveryInstanceAndBinpackAsFewAsFit() {
    PlacementReport spread = environment("m5.large").sizes(3, 3).service("web", 3, task(WEB, 128, 256)).evaluate();
    PlacementReport binpack = environment("m5.large").sizes(3, 3).service("web", 3, 200, 100,
        PlacementStrategy.BINPACK, List.of(), task(WEB, 128, 256)).evaluate();

    assertThat(spread.atMaximum().services().get(0).instances()).isEqualTo(3);
    assertThat(binpack.atMaximum().services().get(0).instances()).isEqualTo(1);
  }

  @Test
  void summarizesInstancesHeadroomAndTheLargestDeployment() {
    PlacementReport report = environment("t3.medium", "t3a.medium").sizes(1, 2)
        .service("web", 1, task(WEB, 256, 512))
        .service("shop", 1, task("app/task-definitions/shop.json", 384, 640)).evaluate();

    assertThat(report.errors()).isEmpty();
    assertThat(report.warnings()).isEmpty();
    PlacementReport.CapacityPlacement max = report.atMaximum();
    assertThat(max.instances()).isEqualTo(2);
    assertThat(max.instanceType()).isEqualTo("t3.medium");
    assertThat(max.instancesNeeded()).isEqualTo(1);
    assertThat(max.fits()).isTrue();
    assertThat(max.services()).containsExactly(
        new ServicePlacement("web", 1, 1, 1, 7, "memory", 1, 1, true, 2),
        new ServicePlacement("shop", 1, 1, 1, 5, "CPU", 1, 1, true, 2));
    assertThat(max.headroom()).isEqualTo(new PlacementReport.Headroom(4096 - 640, 4096, 7936 - 1152, 7936, 0, 0,
        4, 4, 5, 100));
    assertThat(max.largestDeployment()).isEqualTo(new PlacementReport.LargestDeployment("shop", 2, 1, 384, 640, 2));
    assertThat(report.atDesired().instances()).isEqualTo(1);
    assertThat(report.atDesired().fits()).isTrue();
  }

  @Test
  void atDesiredCapacityShortOfRoomIsNoError() {
    PlacementReport report = environment("t3.medium").sizes(0, 3).service("web", 2, task(WEB, 256, 512).hostPort(80))
        .evaluate();

    assertThat(report.errors()).isEmpty();
    assertThat(report.atDesired().instances()).isZero();
    assertThat(report.atDesired().fits()).isFalse();
    assertThat(report.atDesired().instancesNeeded()).isEqualTo(3);
  }

  @Test
  void aServiceWithoutTasksNeedsNothing() {
    PlacementReport report = environment("t3.medium").service("idle", 0, task(WEB, 256, 512).hostPort(22)
        .architecture(Architecture.X86_64)).evaluate();

    assertThat(report.errors()).singleElement().asString().contains("host port 22 is one the ECS agent reserves");
    PlacementReport zero = environment("t3.medium").service("idle", 0, task(WEB, 256, 512)).evaluate();
    assertThat(zero.errors()).isEmpty();
    assertThat(zero.atMaximum().instancesNeeded()).isEqualTo(1);
  }
}

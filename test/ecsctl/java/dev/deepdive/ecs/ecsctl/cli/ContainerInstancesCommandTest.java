package dev.deepdive.ecs.ecsctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepdive.ecs.ecsctl.cli.CliRun.Result;
import dev.deepdive.ecs.ecsctl.ops.Cancellation;
import dev.deepdive.ecs.ecsctl.testing.FakeContainerInstance;
import dev.deepdive.ecs.ecsctl.testing.Fault;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** container-instances list|describe|drain|activate against the fake ECS endpoint, in simulated time. */
class ContainerInstancesCommandTest extends FakeProdClusterTest {
  private FakeContainerInstance a;
  private FakeContainerInstance b;

  @BeforeEach void twoInstancesWithTasks() {
    a = prod.containerInstance("0a1b").ec2InstanceId("i-0aaa").zone("us-east-1a").instanceType("m6i.large")
        .resources(2048, 7680).moveTime(Duration.ofSeconds(40));
    b = prod.containerInstance("9f8e").ec2InstanceId("i-0bbb").zone("us-east-1b").instanceType("c6i.xlarge")
        .resources(4096, 7680).agentDisconnected().versions("1.87.0", "DockerVersion: 20.10.25");
    prod.task("web", "t1").on(a, 512, 1024, 32768);
    prod.task("web", "t2").on(a, 512, 1024, 32769);
    prod.task(null, "batch1").on(a, 256, 256, null);
    prod.task("api", "t3").on(b, 1024, 2048, null).pending();
  }

  private Result run(String... args) {
    return CliRun.against(fake, time).run(args);
  }

  private static void assertExit(Result result, int code) {
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(code);
  }

  @Test void listsInstancesWithAgentVersionsTasksAndResourcesLeft() {
    Result result = run("container-instances", "list", "--cluster", "prod");

    assertExit(result, 0);
    assertThat(result.out().lines().toList()).containsExactly(
        "ID    EC2 INSTANCE  ZONE        TYPE        STATUS  AGENT         AGENT VERSION  DOCKER    RUNNING  PENDING"
            + "  CPU LEFT   MEMORY LEFT",
        "0a1b  i-0aaa        us-east-1a  m6i.large   ACTIVE  connected     1.89.2         25.0.8    3        0"
            + "        768/2048   5376/7680 MiB",
        "9f8e  i-0bbb        us-east-1b  c6i.xlarge  ACTIVE  DISCONNECTED  1.87.0         20.10.25  0        1"
            + "        3072/4096  5632/7680 MiB");
  }

  @Test void listsOnlyTheAskedStatus() {
    b.status("DRAINING");

    Result result = run("container-instances", "list", "--cluster", "prod", "--status", "draining");

    assertExit(result, 0);
    assertThat(result.out()).contains("9f8e").doesNotContain("0a1b");
    assertThat(fake.callsTo("ListContainerInstances").get(0).request().get("status").asText()).isEqualTo("DRAINING");
  }

  @Test void listsInJson() throws Exception {
    Result result = run("container-instances", "list", "--cluster", "prod", "--output", "json");

    assertExit(result, 0);
    JsonNode first = new ObjectMapper().readTree(result.out()).get("containerInstances").get(0);
    assertThat(first.get("id").asText()).isEqualTo("0a1b");
    assertThat(first.get("agentConnected").asBoolean()).isTrue();
    assertThat(first.get("remainingCpu").asInt()).isEqualTo(768);
    assertThat(first.get("registeredMemory").asInt()).isEqualTo(7680);
    assertThat(first.get("portsInUse").toString()).isEqualTo("[\"22\",\"2375\",\"2376\",\"32768\",\"32769\",\"51678\",\"51679\"]");
  }

  @Test void describesPortsReservedAndInUse() {
    Result result = run("container-instances", "describe", "--cluster", "prod", "0a1b");

    assertExit(result, 0);
    assertThat(result.out()).isEqualTo("""
        0a1b (ACTIVE)
          EC2 instance i-0aaa, m6i.large in us-east-1a
          agent connected, version 1.89.2, Docker 25.0.8
          tasks: running 3, pending 0
          CPU units: 768 of 2048 left
          memory: 5376 of 7680 MiB left
          ports reserved: 22,2375,2376,51678,51679
          ports in use: 22,2375,2376,32768,32769,51678,51679
        """);
  }

  @Test void describingAnUnknownInstanceIsNotFound() {
    Result result = run("container-instances", "describe", "--cluster", "prod", "nope");

    assertExit(result, 1);
    assertThat(result.err()).startsWith("ecsctl: container instance 'nope' in cluster 'prod' not found"
        + " (ContainerInstanceNotFound: MISSING)");
  }

  @Test void drainsAndReturnsAtOnceWithoutWait() {
    Result result = run("container-instances", "drain", "--cluster", "prod", "0a1b");

    assertExit(result, 0);
    assertThat(result.out()).isEqualTo("0a1b  DRAINING\n");
    assertThat(a.currentStatus()).isEqualTo("DRAINING");
    assertThat(fake.operations()).containsExactly("UpdateContainerInstancesState");
  }

  @Test void drainWaitsUntilServiceTasksMovedAndNamesTheStandaloneOnesThatStay() {
    Result result = run("container-instances", "drain", "--cluster", "prod", "0a1b", "--wait");

    assertExit(result, 0);
    assertThat(result.out()).isEqualTo("0a1b  DRAINING, its service tasks have moved; 1 standalone task(s) stay:"
        + " draining does not stop them, stop them or let them finish\n");
    assertThat(result.err()).contains("0a1b: 2 service task(s), 1 standalone task(s) on it")
        .contains("0a1b: 0 service task(s), 1 standalone task(s) on it");
    // The tasks moved 40 s after DRAINING; the wait ended within one poll (at most 2 s) of that.
    long moved = 40_000;
    long lastPoll = fake.callsTo("ListTasks").get(fake.callsTo("ListTasks").size() - 1).atMillis();
    assertThat(lastPoll).isBetween(moved, moved + 2_000);
  }

  @Test void drainWaitTimesOutWithExitCode3AndLeavesTheInstanceDraining() throws Exception {
    a.moveTime(null);

    Result result = run("container-instances", "drain", "--cluster", "prod", "0a1b", "--wait", "--timeout", "10s",
        "--output", "json");

    assertExit(result, 3);
    JsonNode doc = new ObjectMapper().readTree(result.out());
    assertThat(doc.get("exitCode").asInt()).isEqualTo(3);
    JsonNode instance = doc.get("containerInstances").get(0);
    assertThat(instance.get("waited").asText()).isEqualTo("timed-out");
    assertThat(instance.get("serviceTasksLeft").asInt()).isEqualTo(2);
    assertThat(a.currentStatus()).isEqualTo("DRAINING");
  }

  @Test void drainWaitInterruptedExitsWith130() {
    a.moveTime(null);
    Cancellation ctrlC = new Cancellation();
    time.cancelAt(Duration.ofSeconds(5), ctrlC);

    Result result = CliRun.against(fake, time).cancellation(ctrlC)
        .run("container-instances", "drain", "--cluster", "prod", "0a1b", "--wait");

    assertExit(result, 130);
    assertThat(result.out()).contains("2 service task(s) still on it (interrupted)");
  }

  @Test void activateSetsActiveAgain() {
    a.status("DRAINING");

    Result result = run("container-instances", "activate", "--cluster", "prod", "0a1b");

    assertExit(result, 0);
    assertThat(result.out()).isEqualTo("0a1b  ACTIVE\n");
    assertThat(a.currentStatus()).isEqualTo("ACTIVE");
  }

  @Test void anInstanceEcsRefusesIsNamedWithExitCode1() {
    a.status("INACTIVE");

    Result result = run("container-instances", "activate", "--cluster", "prod", "0a1b", "9f8e");

    assertExit(result, 1);
    assertThat(result.out()).isEqualTo("0a1b  not changed: INVALID_STATE (container instance is INACTIVE)\n"
        + "9f8e  ACTIVE\n");
  }

  @Test void ridesOutThrottling() {
    fake.failNext("ListContainerInstances", Fault.THROTTLING, 2).failNext("DescribeContainerInstances", Fault.THROTTLING, 1)
        .failNext("UpdateContainerInstancesState", Fault.THROTTLING, 2);

    assertExit(run("container-instances", "list", "--cluster", "prod"), 0);
    assertExit(run("container-instances", "drain", "--cluster", "prod", "0a1b"), 0);
  }

  @Test void aMissingClusterIsAnAwsErrorForEverySubcommand() {
    for (String[] args : new String[][] {{"list"}, {"describe", "0a1b"}, {"drain", "0a1b"}, {"activate", "0a1b"}}) {
      String[] all = new String[args.length + 2];
      all[0] = "container-instances";
      all[1] = args[0];
      all[2] = "--cluster=nope";
      System.arraycopy(args, 1, all, 3, args.length - 1);
      Result result = run(all);
      assertExit(result, 1);
      assertThat(result.err()).startsWith("ecsctl: cluster 'nope' not found (ClusterNotFoundException: Cluster not found.) in region"
        + " us-east-1");
    }
  }

  @Test void helpHasTheCommandsOwnExitCodes() {
    Result result = run("container-instances", "drain", "--help");

    assertExit(result, 0);
    assertThat(result.out()).contains("Exit codes:", "3  --wait timed out; the instances stay DRAINING",
        "130  interrupted (Ctrl-C); the instances stay DRAINING");
  }

  @Test void badOptionsFailBeforeAnyCall() {
    assertExit(run("container-instances", "drain", "--cluster", "prod", "0a1b", "--wait", "--timeout", "0s"), 2);
    assertExit(run("container-instances", "list", "--cluster", "prod", "--status", "GONE"), 2);
    assertExit(run("container-instances", "describe", "--cluster", "", "0a1b"), 2);
    assertThat(fake.operations()).isEmpty();
  }
}

package dev.deepdive.ecs.constructs.bootscript;

import static dev.deepdive.ecs.constructs.bootscript.BootScriptHarness.Endpoint.AGENT_METADATA;
import static dev.deepdive.ecs.constructs.bootscript.BootScriptHarness.Endpoint.CLOUDFORMATION;
import static dev.deepdive.ecs.constructs.bootscript.BootScriptHarness.Endpoint.S3_OBJECT;
import static dev.deepdive.ecs.constructs.bootscript.BootScriptHarness.Response.agentNotRegistered;
import static dev.deepdive.ecs.constructs.bootscript.BootScriptHarness.Response.agentRegistered;
import static dev.deepdive.ecs.constructs.bootscript.BootScriptHarness.Response.cloudFormationError;
import static dev.deepdive.ecs.constructs.bootscript.BootScriptHarness.Response.connectionTimeout;
import static dev.deepdive.ecs.constructs.bootscript.BootScriptHarness.Response.httpError;
import static dev.deepdive.ecs.constructs.bootscript.BootScriptHarness.Response.ok;
import static dev.deepdive.ecs.constructs.bootscript.BootScriptHarness.Response.signalAccepted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deepdive.ecs.constructs.bootscript.LocalAwsEndpoints.Request;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The boot script's second part with the real curl against stand-ins on 127.0.0.1 (instance metadata, S3, the
 * agent's introspection endpoint, CloudFormation), which check every SigV4 signature: SUCCESS only once the agent
 * has registered into this cluster, FAILURE (and the instance fenced off) when it does not, and retries while
 * CloudFormation fails transiently.
 */
class ClusterJoinSignalTest {

  @TempDir Path dir;
  private LocalAwsEndpoints aws;

  @BeforeEach
  void startEndpoints() {
    aws = new LocalAwsEndpoints(Environment.REGION, Environment.CLUSTER)
        .respond(S3_OBJECT, ok(Environment.ECS_CONFIG_OBJECT));
  }

  @AfterEach
  void stopEndpoints() {
    aws.close();
  }

  private BootRun boot() {
    return Environment.harness().withLocalEndpoints(aws).run(dir);
  }

  private List<Map<String, String>> signals() {
    return aws.requestsTo(CLOUDFORMATION).stream().map(Request::form).toList();
  }

  private static Map<String, String> signal(String status) {
    return Map.of("Action", "SignalResource", "Version", "2010-05-15", "StackName", Environment.STACK_ID,
        "LogicalResourceId", Environment.LOGICAL_ID, "UniqueId", BootScriptHarness.INSTANCE_ID, "Status", status);
  }

  @Test
  void signalsSuccessOnceTheAgentHasRegisteredIntoTheCluster() {
    BootRun run = boot();

    assertThat(run.exitCode()).as(run.describe()).isZero();
    assertThat(signals()).as(run.describe()).containsExactly(signal("SUCCESS"));
    assertThat(run.joinLog()).hasValueSatisfying(log -> assertThat(log)
        .contains("the ECS agent registered into cluster deep-dive-dev as "
            + BootScriptHarness.containerInstanceArn(Environment.CLUSTER))
        .contains("signalled SUCCESS to CloudFormation"));
    assertThat(run.console()).contains("ecs-config: joined cluster deep-dive-dev as arn:aws:ecs:");
  }

  @Test
  void signsTheSignalAndTheFetchWithTheSessionTokenAsAwsChecksThem() {
    BootRun run = boot();

    assertThat(aws.requests()).as(run.describe())
        .filteredOn(request -> request.endpoint() == CLOUDFORMATION || request.endpoint() == S3_OBJECT)
        .hasSize(2)
        .allSatisfy(request -> {
          assertThat(request.signatureProblem()).isEmpty();
          assertThat(request.signedHeaders()).contains("host", "x-amz-date", "x-amz-security-token");
        });
  }

  @Test
  void waitsWhileTheAgentIsStillRegistering() {
    aws.respond(AGENT_METADATA, connectionTimeout(), agentNotRegistered(Environment.CLUSTER),
        agentRegistered(Environment.CLUSTER));

    BootRun run = boot();

    assertThat(signals()).as(run.describe()).containsExactly(signal("SUCCESS"));
    assertThat(aws.requestsTo(AGENT_METADATA)).hasSize(3);
    assertThat(run.sleeps()).containsExactly(5, 5);
  }

  @Test
  void signalsFailureWhenTheAgentNeverRegisters() {
    aws.respond(AGENT_METADATA, agentNotRegistered(Environment.CLUSTER));

    BootRun run = boot();

    assertThat(signals()).as(run.describe()).containsExactly(signal("FAILURE"));
    // Every 5 s for the 60 s the environment gives the agent.
    assertThat(aws.requestsTo(AGENT_METADATA)).hasSize(12);
    assertThat(run.failedMarker()).hasValueSatisfying(marker -> assertThat(marker).contains(
        "ecs-config: FATAL: the ECS agent did not register into cluster deep-dive-dev within 60s"
            + " (the agent runs but has not registered yet)"));
  }

  @Test
  void fencesOffAnInstanceWhoseAgentNeverRegisters() {
    aws.respond(AGENT_METADATA, connectionTimeout());

    BootRun run = boot();

    assertThat(run.callsTo("systemctl")).as(run.describe()).singleElement()
        .satisfies(call -> assertThat(call.args()).containsExactly("mask", "--now", "--no-block", "ecs.service"));
    assertThat(run.callsTo("shutdown")).singleElement()
        .satisfies(call -> assertThat(call.args()).startsWith("-h", "+5"));
    assertThat(run.failedMarker()).hasValueSatisfying(marker -> assertThat(marker).contains("agent introspection:"));
  }

  @Test
  void signalsFailureAtOnceWhenTheAgentRegistersIntoAnotherCluster() {
    aws.respond(AGENT_METADATA, agentRegistered("deep-dive-prod"));

    BootRun run = boot();

    assertThat(signals()).as(run.describe()).containsExactly(signal("FAILURE"));
    assertThat(aws.requestsTo(AGENT_METADATA)).hasSize(1);
    assertThat(run.failedMarker()).hasValueSatisfying(marker -> assertThat(marker).contains(
        "the ECS agent registered into cluster 'deep-dive-prod', expected 'deep-dive-dev'"));
    assertThat(run.callsTo("systemctl")).singleElement()
        .satisfies(call -> assertThat(call.args()).contains("mask", "ecs.service"));
  }

  @Test
  void signalsFailureWhenTheContainerInstanceArnNamesAnotherCluster() {
    aws.respond(AGENT_METADATA, ok("{\"Cluster\":\"deep-dive-dev\",\"ContainerInstanceArn\":\""
        + BootScriptHarness.containerInstanceArn("deep-dive-qa") + "\",\"Version\":\"Amazon ECS Agent - v1.97.0\"}"));

    BootRun run = boot();

    assertThat(signals()).as(run.describe()).containsExactly(signal("FAILURE"));
    assertThat(run.failedMarker()).hasValueSatisfying(marker -> assertThat(marker).contains(
        "registered into cluster 'deep-dive-qa', expected 'deep-dive-dev'"));
  }

  @Test
  void retriesTheSignalWhileCloudFormationFailsTransiently() {
    aws.respond(CLOUDFORMATION, httpError(503), cloudFormationError(400, "Throttling", "Rate exceeded"),
        connectionTimeout(), signalAccepted());

    BootRun run = boot();

    assertThat(signals()).as(run.describe()).containsExactly(
        signal("SUCCESS"), signal("SUCCESS"), signal("SUCCESS"), signal("SUCCESS"));
    assertThat(run.sleeps()).containsExactly(2, 4, 8);
    assertThat(run.joinLog()).hasValueSatisfying(log -> assertThat(log)
        .contains("attempt 1 of 8 failed: SignalResource returned HTTP 503")
        .contains("attempt 2 of 8 failed: SignalResource returned HTTP 400 (Throttling: Rate exceeded)")
        .contains("signalled SUCCESS to CloudFormation"));
    assertThat(run.callsTo("systemctl")).isEmpty();
  }

  @Test
  void stopsAtOnceWhenCloudFormationIsNotWaitingForThisInstance() {
    // An instance that managed scaling launched outside a deployment: its signal has no one to go to.
    aws.respond(CLOUDFORMATION, cloudFormationError(400, "ValidationError",
        "Signal for resource ContainerInstancesAutoScalingGroupASG2C2B561D is not expected"));

    BootRun run = boot();

    assertThat(signals()).as(run.describe()).hasSize(1);
    assertThat(run.sleeps()).isEmpty();
    assertThat(run.joinLog()).hasValueSatisfying(log -> assertThat(log)
        .contains("CloudFormation is not waiting for a signal from this instance, nothing to do"));
    assertThat(run.callsTo("systemctl")).isEmpty();
    assertThat(run.failedMarker()).isEmpty();
  }

  @Test
  void givesUpOnTheSignalAfterEightAttemptsButKeepsTheInstance() {
    // The deployment then fails on its signal timeout; the instance itself joined its cluster.
    aws.respond(CLOUDFORMATION, httpError(500));

    BootRun run = boot();

    assertThat(signals()).as(run.describe()).hasSize(8);
    assertThat(run.callsTo("shutdown")).isEmpty();
    assertThat(run.joinLog()).hasValueSatisfying(log -> assertThat(log)
        .contains("could not signal SUCCESS to CloudFormation after 8 attempts"));
  }

  @Test
  void signalsFailureWhenTheFetchFails() {
    aws.respond(S3_OBJECT, httpError(403));

    BootRun run = boot();

    assertThat(run.exitCode()).as(run.describe()).isNotZero();
    assertThat(signals()).containsExactly(signal("FAILURE"));
    assertThat(aws.requestsTo(AGENT_METADATA)).isEmpty();
    assertThat(run.joinLog()).isEmpty();
  }

  @Test
  void signalsFailureWhenTheObjectIsNotTheOneTheLaunchTemplateWasMadeFor() {
    aws.respond(S3_OBJECT, ok(Environment.ECS_CONFIG_OBJECT + "ECS_LOGLEVEL=debug\n"));

    BootRun run = boot();

    assertThat(signals()).as(run.describe()).containsExactly(signal("FAILURE"));
    assertThat(run.failedMarker()).hasValueSatisfying(marker -> assertThat(marker)
        .contains("the object's SHA-256 is ").contains(", expected " + Environment.sha256(Environment.ECS_CONFIG_OBJECT)));
    assertThat(run.ecsConfig()).isEmpty();
  }
}

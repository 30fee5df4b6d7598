package dev.deepdive.ecs.constructs.bootscript;

import static dev.deepdive.ecs.constructs.bootscript.BootScriptHarness.Endpoint.AGENT_METADATA;
import static dev.deepdive.ecs.constructs.bootscript.BootScriptHarness.Endpoint.CLOUDFORMATION;
import static dev.deepdive.ecs.constructs.bootscript.BootScriptHarness.Endpoint.S3_OBJECT;
import static dev.deepdive.ecs.constructs.bootscript.BootScriptHarness.Response.agentNotRegistered;
import static dev.deepdive.ecs.constructs.bootscript.BootScriptHarness.Response.cloudFormationError;
import static dev.deepdive.ecs.constructs.bootscript.BootScriptHarness.Response.connectionTimeout;
import static dev.deepdive.ecs.constructs.bootscript.BootScriptHarness.Response.httpError;
import static dev.deepdive.ecs.constructs.bootscript.BootScriptHarness.Response.signalAccepted;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the AMI has the AWS CLI (AL2), the signal goes through it: no cfn-signal, no curl signing. */
class AwsCliSignalTest {

  @TempDir Path dir;

  private static List<String> signalCall(String status) {
    return List.of("cloudformation", "signal-resource", "--stack-name", Environment.STACK_ID,
        "--logical-resource-id", Environment.LOGICAL_ID, "--unique-id", BootScriptHarness.INSTANCE_ID,
        "--status", status, "--region", "eu-west-1");
  }

  private static List<Call> signalCalls(BootRun run) {
    return run.callsTo("aws").stream().filter(call -> call.args().get(0).equals("cloudformation")).toList();
  }

  @Test
  void signalsSuccessWithTheCliOnceTheAgentHasRegistered() {
    BootRun run = Environment.harness().withAwsCli().withS3Object(Environment.ECS_CONFIG_OBJECT).run(dir);

    assertThat(signalCalls(run)).as(run.describe()).singleElement()
        .satisfies(call -> assertThat(call.args()).startsWith(signalCall("SUCCESS").toArray(String[]::new))
            .contains("--cli-connect-timeout", "--cli-read-timeout"));
    assertThat(run.callsTo("curl")).extracting(Call::commandLine).noneMatch(line -> line.contains("--aws-sigv4"));
  }

  @Test
  void signalsFailureWithTheCliWhenTheAgentNeverRegisters() {
    BootRun run = Environment.harness().withAwsCli().withS3Object(Environment.ECS_CONFIG_OBJECT)
        .respond(AGENT_METADATA, agentNotRegistered(Environment.CLUSTER))
        .run(dir);

    assertThat(signalCalls(run)).as(run.describe()).singleElement()
        .satisfies(call -> assertThat(call.args()).startsWith(signalCall("FAILURE").toArray(String[]::new)));
  }

  @Test
  void signalsFailureWithTheCliWhenTheFetchFails() {
    BootRun run = Environment.harness().withAwsCli().respond(S3_OBJECT, httpError(403)).run(dir);

    assertThat(signalCalls(run)).as(run.describe()).singleElement()
        .satisfies(call -> assertThat(call.args()).startsWith(signalCall("FAILURE").toArray(String[]::new)));
  }

  @Test
  void retriesTheCliWhileCloudFormationFailsTransiently() {
    BootRun run = Environment.harness().withAwsCli().withS3Object(Environment.ECS_CONFIG_OBJECT)
        .respond(CLOUDFORMATION, connectionTimeout(), cloudFormationError(400, "Throttling", "Rate exceeded"),
            signalAccepted())
        .run(dir);

    assertThat(signalCalls(run)).as(run.describe()).hasSize(3);
    assertThat(run.sleeps()).containsExactly(2, 4);
    assertThat(run.joinLog()).hasValueSatisfying(log -> assertThat(log)
        .contains("attempt 2 of 8 failed: aws cloudformation signal-resource failed: An error occurred (Throttling)")
        .contains("signalled SUCCESS"));
  }

  @Test
  void stopsAtOnceWhenCloudFormationIsNotWaitingForThisInstance() {
    BootRun run = Environment.harness().withAwsCli().withS3Object(Environment.ECS_CONFIG_OBJECT)
        .respond(CLOUDFORMATION, cloudFormationError(400, "ValidationError", "Signal is not expected"))
        .run(dir);

    assertThat(signalCalls(run)).as(run.describe()).hasSize(1);
    assertThat(run.joinLog()).hasValueSatisfying(log -> assertThat(log)
        .contains("CloudFormation is not waiting for a signal from this instance"));
  }
}

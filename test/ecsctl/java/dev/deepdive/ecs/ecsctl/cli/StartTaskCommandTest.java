package dev.deepdive.ecs.ecsctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deepdive.ecs.ecsctl.cli.CliRun.Result;
import dev.deepdive.ecs.ecsctl.testing.Fault;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** start-task through the CLI entry point against the fake ECS endpoint, in simulated time. */
class StartTaskCommandTest extends FakeProdClusterTest {

  @BeforeEach void reindexTaskDefinition() {
    fake.registerTaskDefinition("reindex");
  }

  private Result startTask(String... extra) {
    List<String> args = new ArrayList<>(List.of("start-task", "--cluster", "prod", "--task-definition", "reindex"));
    args.addAll(List.of(extra));
    return CliRun.against(fake, time).run(args.toArray(String[]::new));
  }

  private static void assertExit(Result result, int code) {
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(code);
  }

  @Test void startsOneTaskOnTheNamedContainerInstance() {
    String instance = prod.containerInstanceId(1);

    Result result = startTask("--container-instance", instance);

    assertExit(result, 0);
    JsonNode request = fake.callsTo("StartTask").get(0).request();
    assertThat(request.get("containerInstances")).extracting(JsonNode::asText).containsExactly(instance);
    assertThat(request.get("startedBy").asText()).isEqualTo("ecsctl");
    assertThat(result.out()).contains(instance + "  us-east-1b");
  }

  @Test void waitsAndExitsWithTheEssentialContainersExitCode() {
    fake.onLaunch("reindex").exits("reindex", 12);

    Result result = startTask("--container-instance", prod.containerInstanceId(0), "--wait");

    assertExit(result, 12);
    assertThat(result.out()).containsPattern("reindex +yes +STOPPED +12");
  }

  @Test void anUnknownContainerInstanceIsReportedFromFailuresWithExit5() {
    Result result = startTask("--container-instance", "0123456789abcdef0123456789abcdef");

    assertExit(result, 5);
    assertThat(result.err()).contains("ecsctl: not placed: MISSING (arn:aws:ecs:us-east-1:123456789012:"
        + "container-instance/prod/0123456789abcdef0123456789abcdef); no such ACTIVE container instance");
  }

  @Test void aServerErrorIsNotRetriedBecauseStartTaskHasNoIdempotencyToken() {
    fake.failNext("StartTask", Fault.SERVER_ERROR, 1);

    Result result = startTask("--container-instance", prod.containerInstanceId(0));

    assertExit(result, 1);
    assertThat(result.err()).startsWith("ecsctl: ECS failed on its side for task definition 'reindex', container"
        + " instance '" + prod.containerInstanceId(0) + "' in cluster 'prod' (ServerException: ").contains("gave up"
        + " after 1 attempt");
    assertThat(fake.callsTo("StartTask")).hasSize(1);
  }

  @Test void throttlingIsRetriedBecauseECSRejectedTheCallsBeforeActing() {
    fake.failNext("StartTask", Fault.THROTTLING, 2);

    Result result = startTask("--container-instance", prod.containerInstanceId(0));

    assertExit(result, 0);
    assertThat(fake.callsTo("StartTask")).hasSize(3);
    assertThat(prod.launchedTasks()).hasSize(1);
  }

  @Test void otherCallsOfTheSameRunKeepTheFullRetryPolicy() {
    fake.failNext("DescribeTasks", Fault.SERVER_ERROR, 2);

    assertExit(startTask("--container-instance", prod.containerInstanceId(0), "--wait"), 0);
  }

  @Test void moreThanTenContainerInstancesIsAUsageError() {
    List<String> args = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      args.add("--container-instance");
      args.add("ci" + i);
    }

    Result result = startTask(args.toArray(String[]::new));

    assertExit(result, 2);
    assertThat(result.err()).startsWith("ecsctl: --container-instance: at most 10 (StartTask's limit), got 11");
    assertThat(fake.operations()).isEmpty();
  }

  @Test void theContainerInstanceIsRequired() {
    Result result = startTask();

    assertExit(result, 2);
    assertThat(result.err()).startsWith("ecsctl: Missing required option: '--container-instance=CONTAINER_INSTANCE'");
  }
}

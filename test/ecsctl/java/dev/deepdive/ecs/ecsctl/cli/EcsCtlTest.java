package dev.deepdive.ecs.ecsctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepdive.ecs.ecsctl.cli.CliRun.Result;
import dev.deepdive.ecs.ecsctl.ops.AskedFor;
import dev.deepdive.ecs.ecsctl.testing.FakeEcs;
import dev.deepdive.ecs.ecsctl.testing.SimulatedTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The top command: help, version, usage errors, global options and error mapping. */
class EcsCtlTest {
  private final SimulatedTime time = new SimulatedTime();
  private FakeEcs fake;

  @BeforeEach void startFake() {
    fake = FakeEcs.start(time);
  }

  @AfterEach void stopFake() {
    fake.close();
  }

  private Result run(String... args) {
    return CliRun.against(fake, time).runRaw(args);
  }

  @Test void helpListsEveryCommandAndTheExitCodes() {
    Result result = run("--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("drain-delete", "clusters", "container-instances", "services", "exec",
            "task-definitions", "diagnose", "review", "completion", "help", "tasks", "run-task", "start-task")
        .contains("--autoscaling-endpoint-url", "--logs-endpoint-url")
        .contains("Output format on stdout: text, json (default: text)")
        .contains(ExitCodes.AWS_ERROR_LINE, "Each command's --help lists the codes it uses.");
  }

  @Test void versionMatchesThePom() throws Exception {
    Matcher m = Pattern.compile("<artifactId>ecs-on-ec2</artifactId>\\s*<version>([^<]+)</version>")
        .matcher(Files.readString(Path.of("pom.xml")));
    assertThat(m.find()).isTrue();

    assertThat(run("--version").out()).isEqualTo("ecsctl " + m.group(1) + "\n");
  }

  @Test void noCommandIsAUsageError() {
    Result result = run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("ecsctl: missing command");
  }

  @Test void unknownCommandIsAUsageErrorWithASuggestion() {
    Result result = run("drain-delet");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("ecsctl: Unmatched argument at index 0: 'drain-delet'")
        .contains("drain-delete");
  }

  @Test void missingRequiredOptionIsAUsageError() {
    Result result = run("drain-delete", "--service", "web", "--yes");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("ecsctl: Missing required option: '--cluster=CLUSTER'")
        .contains("Try 'ecsctl drain-delete --help' for usage.");
  }

  @Test void badDurationNamesTheValueAndTheForm() {
    Result result = run("drain-delete", "--cluster", "c", "--service", "s", "--timeout", "ten minutes");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("Invalid value for option '--timeout': 'ten minutes' is not a duration:"
        + " use a number and a unit (ms, s, m, h), e.g. 90s, 10m, 1h30m");
  }

  @Test void zeroTimeoutIsAUsageError() {
    Result result = run("drain-delete", "--cluster", "c", "--service", "s", "--timeout", "0s", "--yes");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--timeout must be from 1s to 24h, got '0ms'");
  }

  @Test void badOutputFormatListsTheChoices() {
    Result result = run("--output", "yaml", "clusters", "list");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("Invalid value for option '--output'").contains("text, json");
  }

  @Test void globalOptionsWorkBeforeAndAfterTheSubcommand() {
    fake.cluster("prod");
    String endpoint = fake.endpoint().toString();

    Result before = run("--region", "us-east-1", "--endpoint-url", endpoint, "clusters", "list");
    Result after = run("clusters", "list", "--region", "us-east-1", "--endpoint-url", endpoint);

    assertThat(before.out()).as(before.toString()).isEqualTo("prod\n");
    assertThat(after.out()).as(after.toString()).isEqualTo("prod\n");
  }

  @Test void debugAddsTheStackTrace() {
    Result result = CliRun.against(fake, time).run("--debug", "services", "list", "--cluster", "nope");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("\tat ").contains("ecsctl: cluster 'nope' not found (ClusterNotFoundException");
  }

  @Test void unexpectedExceptionsAreInternalErrorsNotAwsErrors() {
    ErrorHandler.Mapped mapped = ErrorHandler.map(new IllegalStateException("boom"), AskedFor.nothing(), null);

    assertThat(mapped.code()).isEqualTo(ExitCodes.INTERNAL_ERROR);
    assertThat(mapped.message()).isEqualTo("internal error: java.lang.IllegalStateException: boom");
  }
}

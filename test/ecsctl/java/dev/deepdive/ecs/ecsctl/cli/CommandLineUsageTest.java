package dev.deepdive.ecs.ecsctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepdive.ecs.ecsctl.cli.CliRun.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the command line itself says: every option checked before any call, suggestions for misspellings, each
 * command's own exit codes, help, and shell completion.
 */
class CommandLineUsageTest extends FakeProdClusterTest {
  @BeforeEach void webInProd() {
    prod.service("web").counts(2, 2, 0);
  }

  private Result run(String... args) {
    return CliRun.against(fake, time).run(args);
  }

  @Test void aMisspelledRequiredOptionIsNamedWithPicoclisSuggestion() {
    Result result = run("drain-delete", "--cluster", "prod", "--servce", "web", "--yes");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("ecsctl: Unknown option: '--servce'\nPossible solutions: --service\n"
        + "ecsctl: Missing required option: '--service=SERVICE'\n");
    assertThat(fake.calls()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"--cluster", "--service"})
  void anEmptyNameIsAUsageErrorBeforeAnyCall(String option) {
    List<String> args = new java.util.ArrayList<>(List.of("drain-delete", "--cluster", "prod", "--service", "web",
        "--yes"));
    args.set(args.indexOf(option) + 1, "");

    Result result = run(args.toArray(String[]::new));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("ecsctl: " + option + " must not be empty\n");
    assertThat(fake.calls()).isEmpty();
  }

  @Test void emptyNamesAreRefusedInEveryCommandAndForGlobalOptions() {
    assertThat(run("services", "list", "--cluster", " ").err()).startsWith("ecsctl: --cluster must not be empty");
    assertThat(run("services", "describe", "--cluster", "prod", "").err()).startsWith("ecsctl: SERVICE must not be empty");
    assertThat(run("--profile", "", "clusters", "list").err()).startsWith("ecsctl: --profile must not be empty");
    assertThat(fake.calls()).isEmpty();
  }

  @Test void anOverflowingTimeoutIsAUsageErrorBeforeThePlanOrAnyCall() {
    Result result = run("drain-delete", "--cluster", "prod", "--service", "web", "--timeout", "2562047788015215h",
        "--yes");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("ecsctl: Invalid value for option '--timeout': '2562047788015215h' is too"
        + " large a duration: at most 168h (7 days)\n");
    assertThat(result.out()).isEmpty();
    assertThat(fake.calls()).isEmpty();
  }

  @Test void aTimeoutAboveItsBoundIsAUsageError() {
    Result result = run("drain-delete", "--cluster", "prod", "--service", "web", "--timeout", "25h", "--yes");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("ecsctl: --timeout must be from 1s to 24h, got '25h'\n");
    assertThat(fake.calls()).isEmpty();
  }

  @Test void describeWithANonNumericRevisionIsAUsageErrorNotSentToEcs() {
    fake.registerTaskDefinition("web");

    Result result = run("task-definitions", "describe", "web:abc");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("ecsctl: Invalid value for positional parameter at index 0"
        + " (TASK_DEFINITION): expected family:revision (e.g. web:3) or a task definition ARN, got 'web:abc'");
    assertThat(fake.calls()).isEmpty();
  }

  @Test void aFamilyOptionWithARevisionIsAUsageError() {
    Result result = run("task-definitions", "revisions", "--family", "web:3");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("'web:3' is not a task definition family: use 1 to 255 letters, digits,"
        + " hyphens and underscores (a family, without :revision)");
    assertThat(fake.calls()).isEmpty();
  }

  @Test void eachCommandsHelpListsItsOwnExitCodes() {
    String drain = run("drain-delete", "--help").out();
    String list = run("clusters", "list", "--help").out();
    String describe = run("services", "describe", "--help").out();
    String prune = run("task-definitions", "prune", "--help").out();
    String review = run("review", "--help").out();

    assertThat(drain).contains("Exit codes:", "3  timed out while draining", "130  interrupted (Ctrl-C)");
    assertThat(list).contains("Exit codes:", ExitCodes.AWS_ERROR_LINE).doesNotContain("draining", "deleted");
    assertThat(describe).contains("1  AWS error, or some services not found (the found ones are still shown)")
        .doesNotContain("draining");
    assertThat(prune).contains("0  pruned, or nothing to prune").doesNotContain("draining");
    assertThat(review).contains("2  cdk.out missing, partial, older than its sources, or corrupt")
        .doesNotContain(" 1  AWS error", "draining");
  }

  @Test void reviewNeitherListsNorAcceptsTheAwsOptions() {
    String help = run("review", "--help").out();
    Result withRegion = CliRun.against(fake, time).runRaw("review", "--region", "eu-west-1", "cdk.out");

    assertThat(help).doesNotContain("--region", "--profile", "--endpoint-url", "--connect-timeout", "--read-timeout")
        .contains("--output", "--against");
    assertThat(withRegion.exitCode()).isEqualTo(2);
    assertThat(withRegion.err()).startsWith("ecsctl: Unknown options: '--region'");
  }

  @Test void helpOfACommandShowsThatCommandsUsage() {
    Result result = run("help", "drain-delete");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("Usage: ecsctl drain-delete ").contains("--allow-cloudformation-managed",
        "3  timed out while draining");
    assertThat(result.err()).isEmpty();
  }

  @Test void bashCompletionCompletesCommandsAndOptions(@TempDir Path dir) throws Exception {
    Result result = run("completion", "bash");
    assertThat(result.exitCode()).isZero();
    Path script = Files.writeString(dir.resolve("ecsctl.bash"), result.out());

    String commands = complete(script, "ecsctl dr");
    String options = complete(script, "ecsctl drain-delete --serv");
    String outputs = complete(script, "ecsctl clusters list --output ");

    assertThat(commands.split("\\s+")).containsExactly("drain-delete");
    assertThat(options.split("\\s+")).containsExactly("--service");
    assertThat(outputs.split("\\s+")).containsExactlyInAnyOrder("text", "json");
  }

  @Test void zshCompletionIsTheSameScriptLoadingBashcompinit() {
    Result bash = run("completion", "bash");
    Result zsh = run("completion", "zsh");

    assertThat(zsh.exitCode()).isZero();
    assertThat(zsh.out()).isEqualTo(bash.out()).contains("bashcompinit", "complete -F");
  }

  @Test void completionForAnotherShellIsAUsageError() {
    Result result = run("completion", "fish");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("expected one of [bash, zsh]");
  }

  /** Runs the completion function in bash for {@code line} as typed so far; returns COMPREPLY. */
  private static String complete(Path script, String line) throws IOException, InterruptedException {
    String[] words = line.split(" ", -1);
    StringBuilder array = new StringBuilder();
    for (String w : words) {
      array.append('\'').append(w).append("' ");
    }
    String program = "source '" + script + "'\n"
        + "COMP_WORDS=(" + array + ")\n"
        + "COMP_CWORD=" + (words.length - 1) + "\n"
        + "COMP_LINE='" + line + "'\nCOMP_POINT=" + line.length() + "\n"
        + "_complete_ecsctl ecsctl\n"
        + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
    // Outside a real completion, bash's compopt complains on stderr ("not currently executing completion
    // function"); only COMPREPLY, on stdout, is the answer.
    Process bash = new ProcessBuilder("bash", "-c", program).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(bash.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(bash.exitValue()).as(out).isZero();
    return out;
  }
}

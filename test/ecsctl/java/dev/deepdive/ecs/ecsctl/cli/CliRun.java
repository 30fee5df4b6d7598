package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.Cancellation;
import dev.deepdive.ecs.ecsctl.ops.ClientSettings;
import dev.deepdive.ecs.ecsctl.ops.RetrySettings;
import dev.deepdive.ecs.ecsctl.ops.TimeSource;
import dev.deepdive.ecs.ecsctl.testing.FakeEcs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Runs ecsctl through {@link EcsCtl#run} against a {@link FakeEcs}, as a user would type it, and captures
 * exit code, stdout and stderr. Retries back off in milliseconds so fault tests stay fast.
 */
final class CliRun {
  /** Fast backoff for tests; the policy (what is retried) is the production one. */
  static final RetrySettings FAST_RETRY =
      new RetrySettings(5, Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(50));

  private final FakeEcs fake;
  private TimeSource time;
  private Terminal terminal = Terminal.NONE;
  private Cancellation cancellation = new Cancellation();
  private boolean tuneTimeouts = true;
  private boolean staticCredentials = true;
  private Map<String, String> variables = Map.of();

  private CliRun(FakeEcs fake, TimeSource time) {
    this.fake = fake;
    this.time = time;
  }

  static CliRun against(FakeEcs fake, TimeSource time) {
    return new CliRun(fake, time);
  }

  CliRun terminal(Terminal t) {
    this.terminal = t;
    return this;
  }

  CliRun cancellation(Cancellation c) {
    this.cancellation = c;
    return this;
  }

  /** Leaves the timeouts to the command line (--connect-timeout, --read-timeout) instead of the tests' 1s/2s/10s. */
  CliRun ownTimeouts() {
    this.tuneTimeouts = false;
    return this;
  }

  /** Leaves credentials to the SDK's chains (the default chain, or --profile's), as a real run does. */
  CliRun sdkCredentials() {
    this.staticCredentials = false;
    return this;
  }

  /** Environment variables ecsctl reads itself (AWS_REGION, AWS_DEFAULT_REGION, PATH for exec's plugin). */
  CliRun variables(Map<String, String> env) {
    this.variables = env;
    return this;
  }

  /** Runs {@code ecsctl --region us-east-1 --endpoint-url <fake> <args>}, the companions' endpoints set too. */
  Result run(String... args) {
    List<String> all = new ArrayList<>(List.of("--region", "us-east-1", "--endpoint-url", fake.endpoint().toString(),
        "--autoscaling-endpoint-url", fake.autoScaling().endpoint().toString(),
        "--logs-endpoint-url", fake.logs().endpoint().toString()));
    all.addAll(List.of(args));
    return runRaw(all.toArray(String[]::new));
  }

  /** Runs exactly {@code args}: no region or endpoint added. */
  Result runRaw(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliEnvironment env = new CliEnvironment(terminal,
        settings -> {
          ClientSettings tuned = settings.withRetry(FAST_RETRY);
          if (staticCredentials) {
            tuned = tuned.withCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST",
                "secret")));
          }
          return tuneTimeouts
              ? tuned.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(10)) : tuned;
        },
        time, Interrupts.using(cancellation), variables);
    int code = EcsCtl.run(args, new PrintWriter(out), new PrintWriter(err), env);
    return new Result(code, out.toString(), err.toString());
  }

  /** What the user sees; toString shows all of it, so a failed assertion explains itself. */
  record Result(int exitCode, String out, String err) {
    @Override public String toString() {
      return "exit code " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
  }

  /** A terminal that answers every question with {@code answer} and remembers the questions. */
  static final class ScriptedTerminal implements Terminal {
    final List<String> questions = new ArrayList<>();
    private final String answer;

    ScriptedTerminal(String answer) {
      this.answer = answer;
    }

    @Override public boolean interactive() {
      return true;
    }

    @Override public String ask(String prompt) {
      questions.add(prompt);
      return answer;
    }
  }
}

package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.Cancellation;
import dev.deepdive.ecs.ecsctl.ops.RetrySettings;
import dev.deepdive.ecs.ecsctl.ops.TimeSource;
import dev.deepdive.ecs.ecsctl.testing.FakeEcs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

  /** Runs {@code ecsctl --region us-east-1 --endpoint-url <fake> <args>}. */
  Result run(String... args) {
    List<String> all = new ArrayList<>(List.of("--region", "us-east-1", "--endpoint-url", fake.endpoint().toString()));
    all.addAll(List.of(args));
    return runRaw(all.toArray(String[]::new));
  }

  /** Runs exactly {@code args}: no region or endpoint added. */
  Result runRaw(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliEnvironment env = new CliEnvironment(terminal,
        settings -> settings
            .withCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
            .withRetry(FAST_RETRY)
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10)),
        time, Interrupts.using(cancellation));
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

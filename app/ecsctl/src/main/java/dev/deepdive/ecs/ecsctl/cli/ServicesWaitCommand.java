package dev.deepdive.ecs.ecsctl.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.deepdive.ecs.ecsctl.ops.ServiceChanges;
import dev.deepdive.ecs.ecsctl.ops.ServiceWaiter;
import dev.deepdive.ecs.ecsctl.ops.ServiceWaiter.Outcome;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.ecs.EcsClient;

/** {@code ecsctl services wait --cluster C --service S}: until steady. */
@Command(name = "wait",
    description = {"Wait until a service is steady: one deployment, running = desired, nothing pending, rollout"
        + " COMPLETED. Polls fast while things change, at most every second; progress on stderr (one line"
        + " rewritten in place on a terminal).",
        "Ends early when a deployment's rollout FAILED (the circuit breaker gave up) or the service is deleted."},
    footerHeading = ExitCodes.HEADING,
    footer = {"    0  steady", ExitCodes.AWS_ERROR_LINE, ExitCodes.USAGE_LINE,
        "    3  timed out, not steady yet", ExitCodes.DEPLOYMENT_FAILED_LINE, ExitCodes.INTERNAL_ERROR_LINE,
        "  130  interrupted (Ctrl-C)"})
public final class ServicesWaitCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ServiceTarget target;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "15m", converter = DurationConverter.class,
      description = "How long to wait, 1s to 24h, e.g. 90s, 15m (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  /** The JSON document. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Report(String cluster, String service, String result, String reason, double seconds,
      ServiceWaiter.State state, int exitCode) {}

  @Override
  public Integer call() {
    OptionChecks.waitTimeout(spec, timeout);
    CommandContext ctx = new CommandContext(spec);
    try (EcsClient ecs = ctx.ecs()) {
      // A service that is not there at all is "not found" (1), not one that went away while waiting (4).
      new ServiceChanges(ecs).current(target.cluster, target.service);
      Outcome outcome = ServiceWaitRun.await(ctx, ecs, target.cluster, target.service, null, timeout);
      int code = ServiceWaitRun.exitCode(outcome);
      if (ctx.json()) {
        String result = outcome.result().name().toLowerCase(Locale.ROOT).replace('_', '-');
        Json.print(ctx.out(), new Report(target.cluster, target.service, result, outcome.reason(), outcome.seconds(),
            outcome.state(), code));
      } else {
        ctx.out().println(ServiceWaitRun.summary(target.service, outcome, timeout));
      }
      return code;
    }
  }
}

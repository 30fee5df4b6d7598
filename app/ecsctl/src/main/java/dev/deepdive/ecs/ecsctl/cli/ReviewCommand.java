package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.review.AssemblyReview;
import dev.deepdive.ecs.ecsctl.review.ReviewException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ecsctl review [cdk.out] [--against OLD]}: the reviewer's summary of a synthesized cloud assembly, offline:
 * no AWS call, no credentials.
 */
@Command(name = "review",
    footerHeading = ExitCodes.HEADING,
    footer = {"    0  review printed",
        "    2  cdk.out missing, partial, older than its sources, or corrupt",
        ExitCodes.INTERNAL_ERROR_LINE},
    description = "Summarize a synthesized cloud assembly for a pull request, offline: resources, IAM"
        + " permissions (wildcards marked), internet exposure, ecs.config, service deployment settings and"
        + " worst-case deploy and drain times. With --against, what changed, security-relevant first.")
public final class ReviewCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "CDK_OUT", defaultValue = "cdk.out",
      description = "The cloud assembly folder (default: ${DEFAULT-VALUE}).")
  Path assembly;

  @Option(names = "--against", paramLabel = "OLD_CDK_OUT",
      description = "An older cloud assembly (e.g. synthesized from the main branch) to compare with.")
  Path against;

  @Option(names = "--allow-stale",
      description = "Review the assembly even if files its cdk.json watches changed after it was synthesized"
          + " (default: refuse, since a failed synth leaves the previous cdk.out in place).")
  boolean allowStale;

  @Override
  public Integer call() throws ReviewException {
    CommandContext ctx = new CommandContext(spec);
    AssemblyReview review = against == null
        ? AssemblyReview.read(assembly, allowStale)
        : AssemblyReview.compare(assembly, against, allowStale);
    ctx.out().print(ctx.json() ? review.toJson() : review.toMarkdown());
    ctx.out().flush();
    return ExitCodes.OK;
  }
}

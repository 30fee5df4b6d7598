package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.AskedFor;
import dev.deepdive.ecs.ecsctl.ops.NotFoundException;
import dev.deepdive.ecs.ecsctl.ops.TaskDefinitionPruner;
import dev.deepdive.ecs.ecsctl.ops.TaskDefinitionPruner.PruneFailure;
import dev.deepdive.ecs.ecsctl.ops.TaskDefinitionPruner.PruneResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.ecs.EcsClient;

/** {@code ecsctl task-definitions prune --family F --keep N}: deregister all but the newest N revisions. */
@Command(name = "prune",
    footerHeading = ExitCodes.HEADING,
    footer = {"    0  pruned, or nothing to prune (the message says which)",
        "    1  AWS error, no such family (no ACTIVE revision), or a deregistration",
        "       failed (each is named)",
        ExitCodes.REFUSAL_LINE,
        ExitCodes.INTERNAL_ERROR_LINE},
    description = "Deregister all ACTIVE revisions of a family except the newest N.")
public final class TaskDefinitionPruneCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--family", required = true, paramLabel = "FAMILY", converter = TaskDefinitionRefConverter.Family.class,
      description = "Family name (exact), e.g. prod-web: environments name their families <environment>-<family>.")
  String family;

  @Option(names = "--keep", required = true, paramLabel = "N", description = "How many newest revisions to keep (>= 1).")
  int keep;

  @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation (required without a terminal).")
  boolean yes;

  @Option(names = "--dry-run", description = "Show what would be deregistered; change nothing.")
  boolean dryRun;

  @Override
  public Integer call() {
    if (keep < 1) {
      throw new ParameterException(spec.commandLine(),
          "--keep must be at least 1 (the newest revision is what services deploy), got " + keep);
    }
    CommandContext ctx = new CommandContext(spec);
    if (!dryRun) {
      Confirmation.requirePossible(ctx.environment().terminal(), yes);
    }
    try (EcsClient ecs = ctx.ecs()) {
      TaskDefinitionPruner pruner = new TaskDefinitionPruner(ecs);
      PruneResult result = pruner.plan(family, keep);
      if (result.kept().isEmpty()) {
        // No ACTIVE revision: a misspelled family must not read as "nothing to do".
        throw new NotFoundException("TaskDefinitionFamilyNotFound", AskedFor.taskDefinition(family),
            "no ACTIVE revision of family '" + family + "', so nothing to prune");
      }
      if (!dryRun && !result.deregistered().isEmpty()) {
        Confirmation.require(ctx.environment().terminal(), yes, "Deregister " + result.deregistered().size()
            + " revision(s) of " + family + " (" + String.join(", ", result.deregistered()) + ")?");
        result = pruner.prune(result);
      } else if (!dryRun) {
        result = pruner.prune(result);
      }
      print(ctx, result);
      if (result.deregistered().isEmpty() && result.failed().isEmpty()) {
        ctx.err().println("ecsctl: nothing to prune: family '" + family + "' has " + result.kept().size()
            + " ACTIVE revision(s), --keep " + keep);
      }
      return result.failed().isEmpty() ? ExitCodes.OK : ExitCodes.AWS_ERROR;
    }
  }

  private static void print(CommandContext ctx, PruneResult result) {
    if (ctx.json()) {
      Json.print(ctx.out(), result);
      return;
    }
    String verb = result.dryRun() ? "would deregister" : "deregistered";
    result.kept().forEach(r -> ctx.out().println(r + "  kept"));
    result.deregistered().forEach(r -> ctx.out().println(r + "  " + verb));
    for (PruneFailure f : result.failed()) {
      ctx.out().println(f.taskDefinition() + "  failed  " + f.errorCode() + ": " + f.message());
    }
  }
}

package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.AskedFor;
import dev.deepdive.ecs.ecsctl.ops.NotFoundException;
import dev.deepdive.ecs.ecsctl.ops.TaskDefinitionLookups;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * {@code ecsctl task-definitions revisions --family F}: revisions of one family, newest first. A family with no
 * revision in any status does not exist: exit 1, like any look-up of something missing. A family whose revisions
 * are all INACTIVE exists: exit 0, with a note that --all lists them.
 */
@Command(name = "revisions",
    footerHeading = ExitCodes.HEADING,
    footer = {"    0  revisions listed (if none is ACTIVE, a note says to add --all)",
        "    1  AWS error, or no such family (no revision in any status)",
        ExitCodes.USAGE_LINE,
        ExitCodes.INTERNAL_ERROR_LINE},
    description = "List the revisions of one family, newest first.")
public final class TaskDefinitionRevisionsCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--family", required = true, paramLabel = "FAMILY", converter = TaskDefinitionRefConverter.Family.class,
      description = "Family name (exact).")
  String family;

  @Option(names = "--all", description = "Include deregistered (INACTIVE) revisions.")
  boolean all;

  @Override
  public Integer call() {
    CommandContext ctx = new CommandContext(spec);
    try (EcsClient ecs = ctx.ecs()) {
      TaskDefinitionLookups lookups = new TaskDefinitionLookups(ecs);
      List<TaskDefinitionLookups.Revision> revisions = lookups.revisions(family, !all);
      if (revisions.isEmpty() && (all || lookups.revisions(family, false).isEmpty())) {
        throw new NotFoundException("TaskDefinitionFamilyNotFound", AskedFor.taskDefinition(family),
            "no revision of family '" + family + "' in any status");
      }
      if (ctx.json()) {
        Json.print(ctx.out(), Map.of("family", family, "revisions", revisions));
      } else {
        revisions.forEach(r -> ctx.out().println(r.family() + ":" + r.revision()));
      }
      if (revisions.isEmpty()) {
        ctx.err().println("ecsctl: family '" + family + "' has no ACTIVE revision; add --all to list its INACTIVE"
            + " (deregistered) ones");
      }
    }
    return ExitCodes.OK;
  }
}

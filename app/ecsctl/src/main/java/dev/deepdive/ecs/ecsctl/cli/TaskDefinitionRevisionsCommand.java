package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.TaskDefinitionLookups;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.ecs.EcsClient;

/** {@code ecsctl task-definitions revisions --family F}: revisions of one family, newest first. */
@Command(name = "revisions", description = "List the revisions of one family, newest first.")
public final class TaskDefinitionRevisionsCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--family", required = true, paramLabel = "FAMILY", description = "Family name (exact).")
  String family;

  @Option(names = "--all", description = "Include deregistered (INACTIVE) revisions.")
  boolean all;

  @Override
  public Integer call() {
    CommandContext ctx = new CommandContext(spec);
    try (EcsClient ecs = ctx.ecs()) {
      List<TaskDefinitionLookups.Revision> revisions = new TaskDefinitionLookups(ecs).revisions(family, !all);
      if (ctx.json()) {
        Json.print(ctx.out(), Map.of("family", family, "revisions", revisions));
      } else {
        revisions.forEach(r -> ctx.out().println(r.family() + ":" + r.revision()));
      }
    }
    return ExitCodes.OK;
  }
}

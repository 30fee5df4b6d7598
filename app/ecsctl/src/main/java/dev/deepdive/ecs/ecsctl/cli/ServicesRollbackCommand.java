package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.ServiceChanges;
import dev.deepdive.ecs.ecsctl.ops.ServiceChanges.Change;
import dev.deepdive.ecs.ecsctl.ops.ServiceChanges.RollbackPlan;
import dev.deepdive.ecs.ecsctl.ops.TaskDefinitionRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.ecs.EcsClient;

/** {@code ecsctl services rollback --cluster C --service S [--to family:revision]}. */
@Command(name = "rollback",
    description = {"Deploy the previous ACTIVE revision of the service's task definition family (the newest one"
        + " older than the revision it runs), or the one given with --to.",
        "The environment file still names the newer revision: the next `cdk deploy` rolls forward again unless"
            + " the file is changed too."},
    footerHeading = ExitCodes.HEADING,
    footer = {"    0  rollback started (with --wait: and completed); with --dry-run: a revision to go to exists",
        ExitCodes.AWS_ERROR_LINE,
        "    2  usage error, or no revision to roll back to (none older is ACTIVE, or --to is of another family"
            + " or deregistered); nothing was changed",
        ExitCodes.WAIT_TIMED_OUT_LINE, ExitCodes.DEPLOYMENT_FAILED_LINE, ExitCodes.INTERNAL_ERROR_LINE,
        ExitCodes.INTERRUPTED_CHANGED_LINE})
public final class ServicesRollbackCommand extends ServiceChangeCommand implements Callable<Integer> {

  @Option(names = "--to", paramLabel = "FAMILY:REVISION", converter = TaskDefinitionRefConverter.class,
      description = "The revision to deploy, of the service's family (default: the previous ACTIVE one).")
  TaskDefinitionRef to;

  @Option(names = "--dry-run", description = "Show which revision it would deploy; change nothing.")
  boolean dryRun;

  @Override
  public Integer call() {
    checkOptions();
    CommandContext ctx = new CommandContext(spec);
    try (EcsClient ecs = ctx.ecs()) {
      ServiceChanges changes = new ServiceChanges(ecs);
      RollbackPlan plan = changes.planRollback(target.cluster, target.service, Optional.ofNullable(to));
      if (plan.target().isEmpty()) {
        throw new Refusal("cannot roll back service '" + target.service + "': " + plan.problem()
            + ". Nothing was changed");
      }
      TaskDefinitionRef revision = plan.target().get();
      if (dryRun) {
        if (ctx.json()) {
          Map<String, Object> doc = new LinkedHashMap<>();
          doc.put("cluster", target.cluster);
          doc.put("service", target.service);
          doc.put("taskDefinitionBefore", plan.current().toString());
          doc.put("wouldDeploy", revision.toString());
          Json.print(ctx.out(), doc);
        } else {
          ctx.out().println(target.service + ": would roll back " + plan.current() + " -> " + revision);
        }
        return ExitCodes.OK;
      }
      Change change = changes.deploy(target.cluster, target.service, revision);
      return finish(ctx, ecs, "rollback", change, change.service() + ": rolling back " + change.taskDefinitionBefore()
          + " -> " + change.taskDefinitionAfter() + " (deployment " + change.deploymentId() + ")");
    }
  }
}

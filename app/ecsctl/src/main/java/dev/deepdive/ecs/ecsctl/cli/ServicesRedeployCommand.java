package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.ServiceChanges;
import dev.deepdive.ecs.ecsctl.ops.ServiceChanges.Change;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import software.amazon.awssdk.services.ecs.EcsClient;

/** {@code ecsctl services redeploy --cluster C --service S}: a forced new deployment. */
@Command(name = "redeploy",
    description = "Start a new deployment of the same task definition (force new deployment): new tasks"
        + " replace the old ones within the deployment bounds, pulling a moving image tag such as :latest again.",
    footerHeading = ExitCodes.HEADING,
    footer = {"    0  deployment started (with --wait: and completed)", ExitCodes.AWS_ERROR_LINE, ExitCodes.USAGE_LINE,
        ExitCodes.WAIT_TIMED_OUT_LINE, ExitCodes.DEPLOYMENT_FAILED_LINE, ExitCodes.INTERNAL_ERROR_LINE,
        ExitCodes.INTERRUPTED_CHANGED_LINE})
public final class ServicesRedeployCommand extends ServiceChangeCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    checkOptions();
    CommandContext ctx = new CommandContext(spec);
    try (EcsClient ecs = ctx.ecs()) {
      Change change = new ServiceChanges(ecs).redeploy(target.cluster, target.service);
      return finish(ctx, ecs, "redeploy", change, change.service() + ": new deployment " + change.deploymentId()
          + " of " + change.taskDefinitionAfter() + " started");
    }
  }
}

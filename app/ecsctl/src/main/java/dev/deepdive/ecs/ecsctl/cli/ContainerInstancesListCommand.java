package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.ContainerInstanceLookups;
import dev.deepdive.ecs.ecsctl.ops.ContainerInstanceLookups.ContainerInstanceDetail;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.ecs.EcsClient;

/** {@code ecsctl container-instances list --cluster C}: one line per container instance. */
@Command(name = "list",
    description = {"One line per container instance: EC2 instance, zone, type, status, whether the agent is"
        + " connected, agent and Docker versions, tasks, and CPU units and memory (MiB) left of registered.",
        "An instance stopped from EC2 still shows ACTIVE; its agent shows DISCONNECTED."},
    footerHeading = ExitCodes.HEADING,
    footer = {ExitCodes.OK_LINE, ExitCodes.AWS_ERROR_LINE, ExitCodes.USAGE_LINE, ExitCodes.INTERNAL_ERROR_LINE})
public final class ContainerInstancesListCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--cluster", required = true, paramLabel = "CLUSTER", description = "Cluster name or ARN.")
  String cluster;

  /** The statuses ListContainerInstances filters by. */
  enum Status { ACTIVE, DRAINING, REGISTERING, DEREGISTERING, REGISTRATION_FAILED }

  @Option(names = "--status", paramLabel = "STATUS",
      description = "Only instances in this status: ${COMPLETION-CANDIDATES} (default: all).")
  Status status;

  @Override
  public Integer call() {
    CommandContext ctx = new CommandContext(spec);
    try (EcsClient ecs = ctx.ecs()) {
      List<ContainerInstanceDetail> found = new ContainerInstanceLookups(ecs)
          .list(cluster, status == null ? null : status.name());
      if (ctx.json()) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("cluster", cluster);
        doc.put("containerInstances", found);
        Json.print(ctx.out(), doc);
        return ExitCodes.OK;
      }
      TextTable table = new TextTable("ID", "EC2 INSTANCE", "ZONE", "TYPE", "STATUS", "AGENT", "AGENT VERSION",
          "DOCKER", "RUNNING", "PENDING", "CPU LEFT", "MEMORY LEFT");
      for (ContainerInstanceDetail c : found) {
        table.row(c.id(), c.ec2InstanceId(), c.availabilityZone(), c.instanceType(), c.status(),
            c.agentConnected() ? "connected" : "DISCONNECTED", c.agentVersion(), c.dockerVersion(), c.runningTasks(),
            c.pendingTasks(), c.remainingCpu() + "/" + c.registeredCpu(),
            c.remainingMemory() + "/" + c.registeredMemory() + " MiB");
      }
      table.print(ctx.out());
    }
    return ExitCodes.OK;
  }
}

package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.ContainerInstanceLookups;
import dev.deepdive.ecs.ecsctl.ops.ContainerInstanceLookups.ContainerInstanceDetail;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.ecs.EcsClient;

/** {@code ecsctl container-instances describe --cluster C ID...}: everything list shows, and the ports. */
@Command(name = "describe",
    description = "Show container instances in full: EC2 instance, zone, type, status, agent, versions, tasks,"
        + " registered and remaining CPU (units) and memory (MiB), reserved ports and ports in use.",
    footerHeading = ExitCodes.HEADING,
    footer = {ExitCodes.OK_LINE, "    1  AWS/API error, or a container instance not found (the message names it)",
        ExitCodes.USAGE_LINE, ExitCodes.INTERNAL_ERROR_LINE})
public final class ContainerInstancesDescribeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  InstancesTarget target;

  @Override
  public Integer call() {
    CommandContext ctx = new CommandContext(spec);
    try (EcsClient ecs = ctx.ecs()) {
      List<ContainerInstanceDetail> found = new ContainerInstanceLookups(ecs).describe(target.cluster, target.instances);
      if (ctx.json()) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("cluster", target.cluster);
        doc.put("containerInstances", found);
        Json.print(ctx.out(), doc);
        return ExitCodes.OK;
      }
      found.forEach(c -> print(ctx.out(), c));
    }
    return ExitCodes.OK;
  }

  private static void print(PrintWriter out, ContainerInstanceDetail c) {
    out.println(c.id() + " (" + c.status() + (c.statusReason() == null ? "" : ": " + c.statusReason()) + ")");
    out.println("  EC2 instance " + c.ec2InstanceId() + ", " + c.instanceType() + " in " + c.availabilityZone());
    out.println("  agent " + (c.agentConnected() ? "connected" : "DISCONNECTED") + ", version " + c.agentVersion()
        + ", Docker " + c.dockerVersion());
    out.println("  tasks: running " + c.runningTasks() + ", pending " + c.pendingTasks());
    out.println("  CPU units: " + c.remainingCpu() + " of " + c.registeredCpu() + " left");
    out.println("  memory: " + c.remainingMemory() + " of " + c.registeredMemory() + " MiB left");
    out.println("  ports reserved: " + String.join(",", c.reservedPorts()));
    out.println("  ports in use: " + String.join(",", c.portsInUse()));
  }
}

package dev.deepdive.ecs.placement;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the ECS agent registers for one container instance, the resources the scheduler places tasks against.
 *
 * <p>The agent (aws/amazon-ecs-agent, {@code agent/api/ecsclient/client.go}, {@code getResources}) registers:
 * <ul>
 *   <li>CPU: {@code runtime.NumCPU() * 1024}, that is 1024 CPU units per vCPU;</li>
 *   <li>MEMORY: {@code MemTotal} of {@code /proc/meminfo} in MiB, minus {@code ECS_RESERVED_MEMORY}. MemTotal is
 *       what the kernel reports after keeping its own share at boot, less than the installed memory EC2
 *       advertises: AWS's example is an m4.large whose 8192 MiB register as 7985 MiB, 2.5% less
 *       (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/memory-management.html). MemTotal cannot be
 *       known before an instance boots, so this model assumes the kernel keeps {@link #OS_RESERVED_FRACTION} of
 *       installed memory, at least {@link #OS_RESERVED_MIN_MIB}: 3% stays on the safe side of AWS's example, and
 *       the floor covers small instances, where the kernel's fixed share dominates (a t3.micro registers roughly
 *       950 of its 1024 MiB). It is deliberately not larger: a too big reservation would reject tasks that do
 *       place;</li>
 *   <li>PORTS and PORTS_UDP: the reserved ports ({@link AgentRegistration#reservedTcpPorts()}), which tasks can never
 *       take;</li>
 *   <li>GPUs: every GPU of the type, when GPU support is on ({@link AgentRegistration#gpuSupport()}).</li>
 * </ul>
 * Task network interfaces are not a registered resource, but bound the same way: each {@code awsvpc} task takes
 * one of the type's interfaces, and the primary interface is the instance's own
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-instance-eni.html; ENI trunking, which
 * raises the limit, is not modelled).
 *
 * @param type          the instance type
 * @param cpuUnits      CPU units for tasks
 * @param memoryMiB     MiB for tasks
 * @param gpus          GPUs for tasks
 * @param taskEniSlots  network interfaces for {@code awsvpc} tasks: the type's maximum less the primary one
 * @param reservedPorts ports no task can take
 */
public record RegisteredResources(InstanceTypeFacts type, int cpuUnits, int memoryMiB, int gpus, int taskEniSlots,
    SortedSet<HostPort> reservedPorts) {

  /** Share of installed memory the kernel is assumed to keep before the agent reads MemTotal. */
  public static final double OS_RESERVED_FRACTION = 0.03;

  /** The floor of that share, in MiB. */
  public static final int OS_RESERVED_MIN_MIB = 128;

  /** CPU units the agent registers per vCPU. */
  public static final int CPU_UNITS_PER_VCPU = 1024;

  /**
   * The most ports a container instance can hold reserved at once, the agent's own reserved ports included;
   * host ports ECS assigns dynamically do not count
   * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html).
   */
  public static final int MAX_RESERVED_PORTS = 100;

  public RegisteredResources {
    Objects.requireNonNull(type, "type");
    reservedPorts = Collections.unmodifiableSortedSet(new TreeSet<>(reservedPorts));
  }

  /** What an instance of {@code type} registers under {@code agent}. */
  public static RegisteredResources of(InstanceTypeFacts type, AgentRegistration agent) {
    return new RegisteredResources(type,
        type.vcpus() * CPU_UNITS_PER_VCPU,
        Math.max(0, type.memoryMiB() - osReservedMiB(type) - agent.reservedMemoryMiB()),
        agent.gpuSupport() ? type.gpus() : 0,
        type.maxEnis() - 1,
        agent.reservedPorts());
  }

  /**
   * What is left of each instance for other tasks once one task needing {@code task} runs on it, as a DAEMON
   * service's task does on every instance: its CPU units, memory and GPUs, a network interface in awsvpc mode, and
   * its static host ports (which then count as reserved).
   */
  RegisteredResources less(TaskRequirements task) {
    SortedSet<HostPort> ports = new TreeSet<>(reservedPorts);
    task.staticHostPorts().forEach(p -> ports.add(p.port()));
    return new RegisteredResources(type, Math.max(0, cpuUnits - task.cpu().amount()),
        Math.max(0, memoryMiB - task.memory().amount()), Math.max(0, gpus - task.gpus().amount()),
        Math.max(0, taskEniSlots - (task.networkMode() == NetworkMode.AWSVPC ? 1 : 0)), ports);
  }

  /** MiB the kernel is assumed to keep on {@code type}: see {@link #OS_RESERVED_FRACTION}. */
  public static int osReservedMiB(InstanceTypeFacts type) {
    return Math.max(OS_RESERVED_MIN_MIB, (int) Math.ceil(type.memoryMiB() * OS_RESERVED_FRACTION));
  }
}

package dev.deepdive.ecs.ecsctl.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.DescribeContainerInstancesResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.Resource;

/**
 * Container instance look-ups: what an operator checks before maintenance. Where each field comes from
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerInstance.html):
 * the zone and instance type are the agent's {@code ecs.availability-zone} and {@code ecs.instance-type}
 * attributes; CPU is in CPU units (1024 per vCPU), memory in MiB. ECS lists under {@code remainingResources}
 * the PORTS that are <em>taken</em> (the agent's reserved ports plus the host ports of its tasks), so they are
 * shown as ports in use.
 */
public final class ContainerInstanceLookups {
  /** DescribeContainerInstances accepts at most 100 container instances per call. */
  public static final int DESCRIBE_BATCH = 100;

  private final EcsClient ecs;

  public ContainerInstanceLookups(EcsClient ecs) {
    this.ecs = ecs;
  }

  /**
   * One container instance.
   *
   * @param id the container instance ID (last part of its ARN), what the other commands accept
   * @param status ACTIVE, DRAINING, INACTIVE, REGISTERING, DEREGISTERING, REGISTRATION_FAILED
   * @param agentConnected false for an instance whose agent lost ECS: stopped from EC2 it still shows ACTIVE
   * @param registeredCpu CPU units the instance offers; {@code remainingCpu} what tasks have not reserved
   * @param registeredMemory MiB the instance offers; {@code remainingMemory} what tasks have not reserved
   * @param reservedPorts TCP ports the agent reserved at registration
   * @param portsInUse TCP ports taken now: reserved ones and the host ports of its tasks
   */
  public record ContainerInstanceDetail(String id, String arn, String ec2InstanceId, String availabilityZone,
      String instanceType, String status, String statusReason, boolean agentConnected, String agentVersion,
      String dockerVersion, int runningTasks, int pendingTasks, int registeredCpu, int remainingCpu,
      int registeredMemory, int remainingMemory, List<String> reservedPorts, List<String> portsInUse) {}

  /** Every container instance of {@code cluster}, in ECS's order, optionally only those in {@code status}. */
  public List<ContainerInstanceDetail> list(String cluster, String status) {
    List<String> arns = new ArrayList<>();
    ecs.listContainerInstancesPaginator(r -> {
      r.cluster(cluster).maxResults(100);
      if (status != null) {
        r.status(status);
      }
    }).containerInstanceArns().forEach(arns::add);
    return describe(cluster, arns);
  }

  /**
   * Describes container instances by ID or ARN, in the order asked. One that ECS does not know fails the
   * look-up with {@link NotFoundException} ({@code ContainerInstanceNotFound}).
   */
  public List<ContainerInstanceDetail> describe(String cluster, List<String> idsOrArns) {
    List<String> wanted = ServiceDescriptions.distinct(idsOrArns);
    Map<String, ContainerInstanceDetail> byId = new LinkedHashMap<>();
    for (int from = 0; from < wanted.size(); from += DESCRIBE_BATCH) {
      List<String> batch = wanted.subList(from, Math.min(from + DESCRIBE_BATCH, wanted.size()));
      DescribeContainerInstancesResponse response =
          ecs.describeContainerInstances(r -> r.cluster(cluster).containerInstances(batch));
      for (Failure failure : response.failures()) {
        throw new NotFoundException("ContainerInstanceNotFound", AskedFor.cluster(cluster)
            .withContainerInstances(List.of(Arns.lastSegment(failure.arn()))), failure.reason());
      }
      response.containerInstances().forEach(c -> byId.put(Arns.lastSegment(c.containerInstanceArn()), detail(c)));
    }
    return wanted.stream().map(w -> byId.get(Arns.lastSegment(w))).toList();
  }

  static ContainerInstanceDetail detail(ContainerInstance c) {
    return new ContainerInstanceDetail(Arns.lastSegment(c.containerInstanceArn()), c.containerInstanceArn(),
        c.ec2InstanceId(), attribute(c, "ecs.availability-zone"), attribute(c, "ecs.instance-type"), c.status(),
        c.statusReason(), Boolean.TRUE.equals(c.agentConnected()),
        c.versionInfo() == null ? null : c.versionInfo().agentVersion(),
        c.versionInfo() == null ? null : dockerVersion(c.versionInfo().dockerVersion()),
        n(c.runningTasksCount()), n(c.pendingTasksCount()),
        integer(c.registeredResources(), "CPU"), integer(c.remainingResources(), "CPU"),
        integer(c.registeredResources(), "MEMORY"), integer(c.remainingResources(), "MEMORY"),
        ports(c.registeredResources()), ports(c.remainingResources()));
  }

  /** The agent reports Docker's version as {@code DockerVersion: 25.0.8}; the number is what people compare. */
  private static String dockerVersion(String reported) {
    if (reported == null) {
      return null;
    }
    String prefix = "DockerVersion:";
    return reported.startsWith(prefix) ? reported.substring(prefix.length()).trim() : reported;
  }

  private static String attribute(ContainerInstance c, String name) {
    return c.attributes().stream().filter(a -> name.equals(a.name())).map(Attribute::value).findFirst().orElse(null);
  }

  private static int integer(List<Resource> resources, String name) {
    return resources.stream().filter(r -> name.equals(r.name())).mapToInt(r -> n(r.integerValue())).findFirst()
        .orElse(0);
  }

  private static List<String> ports(List<Resource> resources) {
    return resources.stream().filter(r -> "PORTS".equals(r.name())).findFirst()
        .map(r -> r.stringSetValue().stream().sorted((a, b) -> Integer.compare(port(a), port(b))).toList())
        .orElse(List.of());
  }

  private static int port(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }

  private static int n(Integer value) {
    return value == null ? 0 : value;
  }
}

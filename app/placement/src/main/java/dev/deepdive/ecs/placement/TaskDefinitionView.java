package dev.deepdive.ecs.placement;

import java.util.List;
import java.util.Objects;

/**
 * The fields of a register-task-definition request that ECS's registration rules ({@link RegistrationRules}) and the
 * scheduler ({@link TaskRequirements#of}) look at, without a JSON or SDK type: callers build it from a file, the
 * AWS SDK's model or DescribeTaskDefinition. Lists keep the request's order, so that an index is the JSON path's.
 * A null field was not given.
 *
 * @param family                    the family
 * @param networkMode               the network mode; {@link NetworkMode#BRIDGE} when not given (the EC2 default)
 * @param cpu                       task-level CPU units
 * @param memory                    task-level MiB
 * @param pidMode                   {@code host} or {@code task}
 * @param ipcMode                   {@code host}, {@code task} or {@code none}
 * @param cpuArchitecture           {@code runtimePlatform.cpuArchitecture} as written, e.g. {@code ARM64}
 * @param operatingSystemFamily     {@code runtimePlatform.operatingSystemFamily} as written, e.g. {@code LINUX}
 * @param containers                {@code containerDefinitions}
 * @param volumeNames               {@code volumes[].name}
 * @param placementConstraints      {@code placementConstraints[].expression} (all of type memberOf)
 * @param tags                      {@code tags}
 * @param requestBytes              the size of the request as JSON without white space, in bytes
 */
public record TaskDefinitionView(
    String family,
    NetworkMode networkMode,
    Integer cpu,
    Integer memory,
    String pidMode,
    String ipcMode,
    String cpuArchitecture,
    String operatingSystemFamily,
    List<Container> containers,
    List<String> volumeNames,
    List<String> placementConstraints,
    List<Tag> tags,
    int requestBytes) {

  public TaskDefinitionView {
    Objects.requireNonNull(networkMode, "networkMode");
    containers = List.copyOf(containers);
    volumeNames = List.copyOf(volumeNames);
    placementConstraints = List.copyOf(placementConstraints);
    tags = List.copyOf(tags);
  }

  /**
   * One container definition.
   *
   * @param name                 the name
   * @param image                the image reference; null when the caller resolves it before registration (such
   *                             references are checked by whoever resolves them)
   * @param cpu                  CPU units
   * @param memory               MiB, the hard limit
   * @param memoryReservation    MiB, the soft limit
   * @param essential            essential; true when not given
   * @param portMappings         {@code portMappings}
   * @param dependsOn            {@code dependsOn}
   * @param healthCheck          {@code healthCheck}
   * @param resourceRequirements {@code resourceRequirements}
   * @param linuxParameters      {@code linuxParameters}
   * @param hostname             {@code hostname}
   * @param dnsServers           {@code dnsServers} is given
   * @param dnsSearchDomains     {@code dnsSearchDomains} is given
   * @param extraHosts           {@code extraHosts} is given
   */
  public record Container(String name, String image, Integer cpu, Integer memory, Integer memoryReservation,
      boolean essential, List<PortMapping> portMappings, List<Dependency> dependsOn, HealthCheck healthCheck,
      List<ResourceRequirement> resourceRequirements, LinuxParameters linuxParameters, String hostname,
      boolean dnsServers, boolean dnsSearchDomains, boolean extraHosts) {
    public Container {
      portMappings = List.copyOf(portMappings);
      dependsOn = List.copyOf(dependsOn);
      resourceRequirements = List.copyOf(resourceRequirements);
    }
  }

  /** One port mapping; {@code protocol} is {@code tcp} when not given. */
  public record PortMapping(Integer containerPort, Integer hostPort, String protocol, String containerPortRange) {}

  /** One {@code dependsOn} entry. */
  public record Dependency(String containerName, String condition) {}

  /** A container health check; null fields take ECS's defaults. */
  public record HealthCheck(List<String> command, Integer interval, Integer timeout, Integer retries,
      Integer startPeriod) {
    public HealthCheck {
      command = List.copyOf(command);
    }
  }

  /** One {@code resourceRequirements} entry: {@code type} GPU or InferenceAccelerator, and its value. */
  public record ResourceRequirement(String type, String value) {}

  /** The sizes in {@code linuxParameters}. */
  public record LinuxParameters(Integer maxSwap, Integer swappiness, Integer sharedMemorySize,
      List<Integer> tmpfsSizes) {
    public LinuxParameters {
      tmpfsSizes = List.copyOf(tmpfsSizes);
    }
  }

  /** One tag; {@code value} may be null. */
  public record Tag(String key, String value) {}
}

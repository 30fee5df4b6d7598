package dev.deepdive.ecs.stacks;

import dev.deepdive.ecs.constructs.EcsAmi;
import dev.deepdive.ecs.constructs.SpotCapacity;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Fn;

/**
 * Everything the stacks need to know about one environment. The app builds it from the environment file;
 * the stacks never read files.
 *
 * @param name        the stage name ({@code dev}): stacks are {@code <name>-Network}, {@code <name>-Cluster}
 * @param account     the AWS account, or empty for an environment-agnostic synth
 * @param region      the AWS region, or empty for an environment-agnostic synth
 * @param clusterName the ECS cluster's physical name, the one operators type
 * @param network     the VPC
 * @param capacity    the container instances
 * @param agentSettings ECS agent settings for {@code ecs.config}, besides {@code ECS_CLUSTER}
 * @param tags        tags on every taggable resource of the environment
 * @param services    the load balancer settings, ECR repositories and services
 */
public record EnvironmentSpec(
    String name,
    Optional<String> account,
    Optional<String> region,
    String clusterName,
    Network network,
    Capacity capacity,
    Map<String, String> agentSettings,
    Map<String, String> tags,
    Services services) {

  public EnvironmentSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(clusterName, "clusterName");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(capacity, "capacity");
    agentSettings = Collections.unmodifiableMap(new LinkedHashMap<>(agentSettings));
    tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    Objects.requireNonNull(services, "services");
  }

  /**
   * What runs on the cluster.
   *
   * @param certificateArn       HTTPS on the load balancer with this ACM certificate; empty for HTTP only
   * @param idleTimeoutSeconds   the load balancer's idle timeout
   * @param legacyEcsServiceRole create the legacy ECS service role for load-balanced services
   * @param ecrRepositories      repository short name -> images to keep
   * @param services             the services, in file order
   * @param tasks                tasks no service owns, scheduled or run by hand, in file order
   */
  public record Services(Optional<String> certificateArn, int idleTimeoutSeconds, boolean legacyEcsServiceRole,
      Map<String, Integer> ecrRepositories, List<ServiceSpec> services, List<TaskSpec> tasks) {

    /** No tasks. */
    public Services(Optional<String> certificateArn, int idleTimeoutSeconds, boolean legacyEcsServiceRole,
        Map<String, Integer> ecrRepositories, List<ServiceSpec> services) {
      this(certificateArn, idleTimeoutSeconds, legacyEcsServiceRole, ecrRepositories, services, List.of());
    }

    public Services {
      Objects.requireNonNull(certificateArn, "certificateArn");
      ecrRepositories = Collections.unmodifiableMap(new LinkedHashMap<>(ecrRepositories));
      services = List.copyOf(services);
      tasks = List.copyOf(tasks);
    }

    /** No services, no repositories: the environment is a cluster only. */
    public boolean isEmpty() {
      return services.isEmpty() && ecrRepositories.isEmpty();
    }
  }

  /**
   * The VPC.
   *
   * @param availabilityZoneNames explicit zone names, or empty to take the region's first {@code zoneCount}
   * @param zoneCount             how many zones (equals the names' count when names are given)
   */
  public record Network(String cidr, List<String> availabilityZoneNames, int zoneCount, int natGateways) {
    public Network {
      availabilityZoneNames = List.copyOf(availabilityZoneNames);
      if (!availabilityZoneNames.isEmpty() && availabilityZoneNames.size() != zoneCount) {
        throw new IllegalArgumentException("zoneCount: must equal the number of zone names ("
            + availabilityZoneNames.size() + "), got " + zoneCount);
      }
    }

    /**
     * The zones as the stack reports them: the names when given, else the region's first zones resolved at
     * deploy time ({@code Fn::Select} over {@code Fn::GetAZs}), which needs no lookup at synth.
     */
    public List<String> availabilityZones() {
      if (!availabilityZoneNames.isEmpty()) {
        return availabilityZoneNames;
      }
      return IntStream.range(0, zoneCount).mapToObj(i -> Fn.select(i, Fn.getAzs())).toList();
    }
  }

  /** The container instances; see {@code ContainerInstancesProps} for each field's rules. */
  public record Capacity(
      List<String> instanceTypes,
      int minSize,
      int desiredSize,
      int maxSize,
      EcsAmi ami,
      int rootVolumeGiB,
      Optional<String> keyPairName,
      Optional<SpotCapacity> spot,
      int signalTimeoutMinutes) {
    public Capacity {
      instanceTypes = List.copyOf(instanceTypes);
      Objects.requireNonNull(ami, "ami");
      Objects.requireNonNull(keyPairName, "keyPairName");
      Objects.requireNonNull(spot, "spot");
    }
  }

  /** The CDK environment: account and region when given, otherwise environment-agnostic. */
  public Environment cdkEnvironment() {
    Environment.Builder env = Environment.builder();
    account.ifPresent(env::account);
    region.ifPresent(env::region);
    return env.build();
  }
}

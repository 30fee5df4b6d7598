package dev.deepdive.ecs.app.config;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.OptBoolean;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One environment, read from {@code app/environments/<name>.json} with defaults applied: the file bound by Jackson
 * after app/environment.schema.json and the rules between fields accepted it, so each component is named and shaped
 * like its field in the file.
 *
 * <p>Read it with {@link EnvironmentLoader#loadAll(Path)}; every field has been validated there.
 *
 * @param name the environment's name, equal to the file's stem ({@code dev.json} is {@code dev})
 * @param account 12-digit AWS account ID; empty (with {@code region} empty) makes the stage env-agnostic
 * @param region AWS region, e.g. {@code us-east-1}
 * @param clusterName the ECS cluster's physical name, the one people type into {@code ecsctl}
 * @param network the environment's own VPC
 * @param capacity the container instances
 * @param agent extra ECS agent settings for {@code ecs.config}, in file order; never contains ECS_CLUSTER
 * @param tags tags for every resource of the environment, in file order
 * @param source the file it was read from, as given to the loader (used in messages)
 * @param loadBalancer the environment's Application Load Balancer, used when a service has a
 *     {@code loadBalancer} block; the schema's defaults when the file has none
 * @param legacyEcsServiceRole whether to create the legacy ECS service role for the load balancer; default false
 *     (ECS then uses its service-linked role)
 * @param taskDefinitionFamilies how the services' task definition families are named; default
 *     {@link TaskDefinitionFamilies#PER_ENVIRONMENT}
 * @param ecrRepositories the private ECR repositories by short name (e.g. {@code web}, {@code team/web}), in file
 *     order
 * @param services the ECS services, in file order; names, listener rule priorities and conditions are unique
 * @param tasks the tasks no service owns, scheduled or run by hand, in file order; names are unique
 */
@JsonIgnoreProperties({"$schema"}) // which schema editors use; the app always checks with its own copy
public record EnvironmentConfig(
    String name,
    Optional<String> account,
    Optional<String> region,
    String clusterName,
    NetworkConfig network,
    CapacityConfig capacity,
    Map<String, String> agent,
    Map<String, String> tags,
    @JacksonInject(value = EnvironmentConfig.SOURCE, useInput = OptBoolean.FALSE) Path source,
    LoadBalancerConfig loadBalancer,
    boolean legacyEcsServiceRole,
    TaskDefinitionFamilies taskDefinitionFamilies,
    Map<String, EcrRepositoryConfig> ecrRepositories,
    List<ServiceConfig> services,
    List<TaskConfig> tasks) {
  /** The injected value that binding fills {@link #source()} with. */
  static final String SOURCE = "source";
  private static final String TASK_DEFINITIONS = "task-definitions";

  public EnvironmentConfig {
    Objects.requireNonNull(name, "name");
    account = account == null ? Optional.empty() : account;
    region = region == null ? Optional.empty() : region;
    Objects.requireNonNull(clusterName, "clusterName");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(capacity, "capacity");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(loadBalancer, "loadBalancer");
    Objects.requireNonNull(taskDefinitionFamilies, "taskDefinitionFamilies");
    // A service's place in the file is its index, known here and not in the service's own object.
    List<ServiceConfig> placed = new java.util.ArrayList<>();
    for (int i = 0; i < services.size(); i++) {
      placed.add(services.get(i).at("services[" + i + "]"));
    }
    services = List.copyOf(placed);
    List<TaskConfig> placedTasks = new java.util.ArrayList<>();
    for (int i = 0; tasks != null && i < tasks.size(); i++) {
      placedTasks.add(tasks.get(i).at("tasks[" + i + "]"));
    }
    tasks = List.copyOf(placedTasks);
    // Order matters to people reading ecs.config and tag lists next to the file, so keep it.
    ecrRepositories = Collections.unmodifiableMap(new LinkedHashMap<>(ecrRepositories));
    agent = Collections.unmodifiableMap(new LinkedHashMap<>(agent));
    tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
  }

  /**
   * The folder of the task definition files that {@link ServiceConfig#taskDefinition()} names: the sibling
   * {@code task-definitions} of the environments folder, so {@code app/environments/dev.json} gives
   * {@code app/task-definitions}.
   */
  public Path taskDefinitionsDir() {
    return taskDefinitionsDirFor(source);
  }

  /** {@link #taskDefinitionsDir()} of an environment file, also one given as {@code qa.json} or {@code ./qa.json}. */
  static Path taskDefinitionsDirFor(Path source) {
    Path folder = source.getParent();
    Path folderName = folder == null ? null : folder.normalize().getFileName();
    if (folderName == null || folderName.toString().isEmpty() || folderName.toString().equals("..")) {
      // No folder name to take the sibling of: the file sits in the working directory, or below "..".
      folder = source.toAbsolutePath().normalize().getParent();
    }
    return folder.resolveSibling(TASK_DEFINITIONS);
  }
}

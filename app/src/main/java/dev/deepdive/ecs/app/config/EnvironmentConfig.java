package dev.deepdive.ecs.app.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One environment, read from {@code app/environments/<name>.json} with defaults applied.
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
 */
public record EnvironmentConfig(
    String name,
    Optional<String> account,
    Optional<String> region,
    String clusterName,
    NetworkConfig network,
    CapacityConfig capacity,
    Map<String, String> agent,
    Map<String, String> tags,
    Path source) {
  public EnvironmentConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(clusterName, "clusterName");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(capacity, "capacity");
    Objects.requireNonNull(source, "source");
    // Order matters to people reading ecs.config and tag lists next to the file, so keep it.
    agent = Collections.unmodifiableMap(new LinkedHashMap<>(agent));
    tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
  }
}

package dev.deepdive.ecs.placement;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the placement model reads about one environment. The CDK app builds it from the environment file
 * and the task definition files, runs the model at synth, and records it in the cloud assembly
 * ({@link PlacementInputsJson}) so that {@code ecsctl review} can run the model again offline.
 *
 * @param name          the environment, e.g. {@code dev}
 * @param capacity      the container instances
 * @param agentSettings the ECS agent settings of {@code ecs.config}, as written; read by {@link AgentRegistration#parse}
 * @param services      the services in file order (the model places them in this order)
 */
public record EnvironmentInput(String name, CapacityInput capacity, Map<String, String> agentSettings,
    List<ServiceInput> services) {

  public EnvironmentInput {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(capacity, "capacity");
    agentSettings = Collections.unmodifiableMap(new LinkedHashMap<>(agentSettings));
    services = List.copyOf(services);
  }
}

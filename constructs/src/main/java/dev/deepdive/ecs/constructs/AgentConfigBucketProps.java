package dev.deepdive.ecs.constructs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awscdk.Token;

/**
 * What goes into the environment's {@code ecs.config}.
 *
 * @param clusterName          written as {@code ECS_CLUSTER}, the first line: the cluster the agent registers into;
 *                             a literal name, not a token (the file's SHA-256 is computed at synth)
 * @param agentSettings        further ECS agent settings ({@code ECS_*} keys), written in the given order; empty for
 *                             none. Each must be one {@link AgentSettings} accepts, with a value it accepts
 *                             ({@code ECS_CLUSTER} is not: it comes from {@code clusterName} alone).
 * @param spotInstanceDraining the container instances include Spot Instances: {@value #SPOT_INSTANCE_DRAINING}=true
 *                             is written, and {@code agentSettings} may not turn it off
 * @throws IllegalArgumentException for a blank or token cluster name, naming every setting {@link AgentSettings#check}
 *                             refuses, or a {@value #SPOT_INSTANCE_DRAINING} turned off with Spot
 */
public record AgentConfigBucketProps(String clusterName, Map<String, String> agentSettings,
    boolean spotInstanceDraining) {
  public AgentConfigBucketProps {
    if (clusterName == null || clusterName.isBlank()) {
      throw new IllegalArgumentException("clusterName: required, got '" + clusterName + "'");
    }
    if (Token.isUnresolved(clusterName)) {
      throw new IllegalArgumentException("clusterName: must be a literal name (ecs.config's SHA-256 is computed at"
          + " synth), got a token");
    }
    Objects.requireNonNull(agentSettings, "agentSettings");
    List<AgentSettings.Problem> problems = AgentSettings.check(agentSettings);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(problems.stream()
          .map(p -> "agentSettings." + p.setting() + ": " + p.message()).collect(Collectors.joining("; ")));
    }
    if (spotInstanceDraining) {
      spotDrainingProblem(agentSettings).ifPresent(problem -> {
        throw new IllegalArgumentException("agentSettings." + SPOT_INSTANCE_DRAINING + ": " + problem);
      });
    }
    agentSettings = Collections.unmodifiableMap(new LinkedHashMap<>(agentSettings));
  }

  /**
   * Written unless {@code agentSettings} sets it: tasks in {@code awsvpc} mode cannot reach the instance metadata
   * service, and so not the instance role's credentials. (Tasks in {@code bridge} mode are kept out by the launch
   * template's hop limit of 1; {@code awsvpc} tasks have their own network interface, where the hop limit does not
   * help.) An environment that must allow it sets {@code ECS_AWSVPC_BLOCK_IMDS} to {@code false} in its agent
   * settings. https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html
   */
  public static final String BLOCK_IMDS_FOR_AWSVPC_TASKS = "ECS_AWSVPC_BLOCK_IMDS";

  /**
   * With Spot capacity the agent watches instance metadata for the two-minute interruption notice and sets its
   * container instance to DRAINING, so ECS starts replacement tasks elsewhere before the instance goes (the
   * permission it needs follows from the setting, see {@code InstanceRoleGrants}).
   * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/spot-instance-draining-linux-container.html
   */
  public static final String SPOT_INSTANCE_DRAINING = "ECS_ENABLE_SPOT_INSTANCE_DRAINING";

  /**
   * Why these agent settings cannot go with Spot capacity, or empty: {@value #SPOT_INSTANCE_DRAINING} may be left
   * out (it is written as {@code true}) or set to true, nothing else. The one owner of this rule; the environment
   * file's checks call it.
   */
  public static Optional<String> spotDrainingProblem(Map<String, String> agentSettings) {
    String value = agentSettings.get(SPOT_INSTANCE_DRAINING);
    if (value == null || AgentSettings.isTrue(value)) {
      return Optional.empty();
    }
    return Optional.of("must be \"true\" or left out when the capacity includes Spot Instances (the agent then"
        + " drains an instance on its interruption notice), got \"" + value + "\"");
  }

  /**
   * The settings the agent gets besides {@code ECS_CLUSTER}: {@code ECS_AWSVPC_BLOCK_IMDS=true} unless the settings
   * set it themselves, {@code ECS_ENABLE_SPOT_INSTANCE_DRAINING=true} with Spot unless the settings set it, then the
   * settings in order.
   */
  public Map<String, String> effectiveSettings() {
    Map<String, String> effective = new LinkedHashMap<>();
    if (!agentSettings.containsKey(BLOCK_IMDS_FOR_AWSVPC_TASKS)) {
      effective.put(BLOCK_IMDS_FOR_AWSVPC_TASKS, "true");
    }
    if (spotInstanceDraining && !agentSettings.containsKey(SPOT_INSTANCE_DRAINING)) {
      effective.put(SPOT_INSTANCE_DRAINING, "true");
    }
    effective.putAll(agentSettings);
    return Collections.unmodifiableMap(effective);
  }

  /**
   * The file the agent reads: {@code ECS_CLUSTER} first, then {@link #effectiveSettings()}, one {@code KEY=value} a
   * line.
   */
  public String ecsConfig() {
    StringBuilder file = new StringBuilder("ECS_CLUSTER=").append(clusterName).append('\n');
    effectiveSettings().forEach((key, value) -> file.append(key).append('=').append(value).append('\n'));
    return file.toString();
  }
}

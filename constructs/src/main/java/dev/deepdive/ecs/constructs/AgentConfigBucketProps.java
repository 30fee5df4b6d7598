package dev.deepdive.ecs.constructs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What goes into the environment's {@code ecs.config}.
 *
 * @param clusterName   written as {@code ECS_CLUSTER}, the first line: the cluster the agent registers into
 * @param agentSettings further ECS agent settings ({@code ECS_*} keys), written in the given order; empty for none.
 *                      Each must be one {@link AgentSettings} accepts, with a value it accepts ({@code ECS_CLUSTER}
 *                      is not: it comes from {@code clusterName} alone).
 * @throws IllegalArgumentException naming every setting {@link AgentSettings#check} refuses
 */
public record AgentConfigBucketProps(String clusterName, Map<String, String> agentSettings) {
  public AgentConfigBucketProps {
    if (clusterName == null || clusterName.isBlank()) {
      throw new IllegalArgumentException("clusterName: required, got '" + clusterName + "'");
    }
    Objects.requireNonNull(agentSettings, "agentSettings");
    List<AgentSettings.Problem> problems = AgentSettings.check(agentSettings);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(problems.stream()
          .map(p -> "agentSettings." + p.setting() + ": " + p.message()).collect(Collectors.joining("; ")));
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
   * The settings the agent gets besides {@code ECS_CLUSTER}: {@code ECS_AWSVPC_BLOCK_IMDS=true} unless the settings
   * set it themselves, then the settings in order.
   */
  public Map<String, String> effectiveSettings() {
    Map<String, String> effective = new LinkedHashMap<>();
    if (!agentSettings.containsKey(BLOCK_IMDS_FOR_AWSVPC_TASKS)) {
      effective.put(BLOCK_IMDS_FOR_AWSVPC_TASKS, "true");
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

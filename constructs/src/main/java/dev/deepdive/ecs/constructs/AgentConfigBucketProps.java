package dev.deepdive.ecs.constructs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What goes into the environment's {@code ecs.config}.
 *
 * @param clusterName   written as {@code ECS_CLUSTER}, the first line: the cluster the agent registers into
 * @param agentSettings further ECS agent settings ({@code ECS_*} keys), written in the given order; empty for none.
 *                      {@code ECS_CLUSTER} is not allowed here: it comes from {@code clusterName} alone.
 */
public record AgentConfigBucketProps(String clusterName, Map<String, String> agentSettings) {
  private static final Pattern KEY = Pattern.compile("ECS_[A-Z0-9_]+");

  public AgentConfigBucketProps {
    if (clusterName == null || clusterName.isBlank()) {
      throw new IllegalArgumentException("clusterName: required, got '" + clusterName + "'");
    }
    Objects.requireNonNull(agentSettings, "agentSettings");
    agentSettings.forEach((key, value) -> {
      if (!KEY.matcher(key).matches()) {
        throw new IllegalArgumentException("agentSettings: keys must match ECS_[A-Z0-9_]+, got '" + key + "'");
      }
      if ("ECS_CLUSTER".equals(key)) {
        throw new IllegalArgumentException("agentSettings: ECS_CLUSTER is written from clusterName; remove it");
      }
      if (value == null || value.contains("\n") || value.contains("\r")) {
        throw new IllegalArgumentException("agentSettings." + key + ": must be one line of text, got '" + value + "'");
      }
    });
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
   * The file the agent reads: {@code ECS_CLUSTER} first, then {@code ECS_AWSVPC_BLOCK_IMDS=true} unless the settings
   * set it themselves, then the settings in order, one {@code KEY=value} a line.
   */
  public String ecsConfig() {
    StringBuilder file = new StringBuilder("ECS_CLUSTER=").append(clusterName).append('\n');
    if (!agentSettings.containsKey(BLOCK_IMDS_FOR_AWSVPC_TASKS)) {
      file.append(BLOCK_IMDS_FOR_AWSVPC_TASKS).append("=true\n");
    }
    agentSettings.forEach((key, value) -> file.append(key).append('=').append(value).append('\n'));
    return file.toString();
  }
}

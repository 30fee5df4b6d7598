package dev.deepdive.ecs.constructs.bootscript;

import dev.deepdive.ecs.constructs.AgentConfigFetchScript;
import java.util.ArrayList;
import java.util.List;

/** The dev environment the boot script tests use, and its user data assembled the way CDK does. */
final class Environment {

  static final String CLUSTER = "deep-dive-dev";
  static final String BUCKET = "deep-dive-dev-agentconfigbucket-1x2y3z";
  static final String KEY = "ecs.config";
  static final String REGION = "eu-west-1";

  /** The object the deployment writes: the cluster and the environment's agent settings. */
  static final String ECS_CONFIG_OBJECT = """
      ECS_CLUSTER=deep-dive-dev
      ECS_ENABLE_CONTAINER_METADATA=true
      ECS_CONTAINER_STOP_TIMEOUT=60s
      """;

  /** The lines CDK appends after ours for an ECS cluster (Cluster.addAsgCapacityProvider). */
  static final List<String> CLUSTER_LINES = List.of(
      "echo ECS_CLUSTER=deep-dive-dev >> /etc/ecs/ecs.config",
      "echo ECS_AWSVPC_BLOCK_IMDS=true >> /etc/ecs/ecs.config");

  private Environment() {}

  /** Our script followed by the cluster's lines, as UserData.forLinux().render() joins them. */
  static String userData() {
    return userDataFollowedBy(CLUSTER_LINES);
  }

  static String userDataFollowedBy(List<String> appended) {
    List<String> lines = new ArrayList<>();
    lines.add("#!/bin/bash");
    lines.addAll(AgentConfigFetchScript.render(BUCKET, KEY, CLUSTER, REGION));
    lines.addAll(appended);
    return String.join("\n", lines);
  }

  static BootScriptHarness harness() {
    return BootScriptHarness.forUserData(userData());
  }
}

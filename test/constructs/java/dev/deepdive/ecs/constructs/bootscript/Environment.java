package dev.deepdive.ecs.constructs.bootscript;

import dev.deepdive.ecs.constructs.InstanceBootScript;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The dev environment the boot script tests use, and its user data assembled the way CDK does. */
final class Environment {

  static final String CLUSTER = "deep-dive-dev";
  static final String BUCKET = "deep-dive-dev-agentconfigbucket-1x2y3z";
  static final String REGION = "eu-west-1";
  static final String STACK_ID =
      "arn:aws:cloudformation:eu-west-1:111111111111:stack/dev-Cluster/5f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9";
  static final String LOGICAL_ID = "ContainerInstancesAutoScalingGroupASG2C2B561D";
  /** Short, so that a test of an agent that never registers polls 12 times, not 84. */
  static final int REGISTRATION_TIMEOUT_SECONDS = 60;

  /** The object the deployment writes: the cluster and the environment's agent settings. */
  static final String ECS_CONFIG_OBJECT = """
      ECS_CLUSTER=deep-dive-dev
      ECS_ENABLE_CONTAINER_METADATA=true
      ECS_CONTAINER_STOP_TIMEOUT=60s
      """;

  /** Where the deployment writes ECS_CONFIG_OBJECT: under the SHA-256 of its content. */
  static final String KEY = keyOf(ECS_CONFIG_OBJECT);

  /** The lines CDK appends after ours for an ECS cluster (Cluster.addAsgCapacityProvider). */
  static final List<String> CLUSTER_LINES = List.of(
      "echo ECS_CLUSTER=deep-dive-dev >> /etc/ecs/ecs.config",
      "echo ECS_AWSVPC_BLOCK_IMDS=true >> /etc/ecs/ecs.config");

  private Environment() {}

  static String sha256(String content) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String keyOf(String content) {
    return sha256(content) + "/ecs.config";
  }

  /** The script's values for a deployment that wrote {@code object}. */
  static InstanceBootScript.Values values(String object) {
    return new InstanceBootScript.Values(BUCKET, keyOf(object), sha256(object), CLUSTER, REGION, STACK_ID,
        LOGICAL_ID, REGISTRATION_TIMEOUT_SECONDS);
  }

  /** The rendered script for a deployment that wrote ECS_CONFIG_OBJECT. */
  static List<String> script() {
    return InstanceBootScript.render(values(ECS_CONFIG_OBJECT));
  }

  /** Our script followed by the cluster's lines, as UserData.forLinux().render() joins them. */
  static String userData() {
    return userDataFollowedBy(CLUSTER_LINES);
  }

  static String userDataFollowedBy(List<String> appended) {
    return userData(InstanceBootScript.render(values(ECS_CONFIG_OBJECT)), appended);
  }

  /** The user data of a launch template made for {@code object}: the object the deployment wrote. */
  static String userDataFor(String object) {
    return userData(InstanceBootScript.render(values(object)), CLUSTER_LINES);
  }

  private static String userData(List<String> script, List<String> appended) {
    List<String> lines = new ArrayList<>();
    lines.add("#!/bin/bash");
    lines.addAll(script);
    lines.addAll(appended);
    return String.join("\n", lines);
  }

  static BootScriptHarness harness() {
    return BootScriptHarness.forUserData(userData());
  }

  /** A harness whose launch template was made for {@code object}, serving it. */
  static BootScriptHarness harnessServing(String object) {
    return BootScriptHarness.forUserData(userDataFor(object)).withS3Object(object);
  }
}

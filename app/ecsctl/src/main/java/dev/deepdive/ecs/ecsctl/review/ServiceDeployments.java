package dev.deepdive.ecs.ecsctl.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Each ECS service's deployment settings and its worst-case deploy and drain times ({@link DeploymentTiming}).
 *
 * <p>Where the template leaves a setting out, the AWS default applies and the service's {@code notes} say so:
 * a reviewer must be able to tell a chosen 300 s deregistration delay from a forgotten one.
 */
final class ServiceDeployments {
  // AWS defaults, each from the service's CloudFormation or API reference.
  /** AWS::ECS::Service DesiredCount: 1 when created without one. */
  static final int DEFAULT_DESIRED_COUNT = 1;
  /** DeploymentConfiguration for REPLICA services: MaximumPercent 200, MinimumHealthyPercent 100. */
  static final int DEFAULT_MAXIMUM_PERCENT = 200;
  static final int DEFAULT_MINIMUM_HEALTHY_PERCENT = 100;
  /** Container StopTimeout: 30 s before the agent sends SIGKILL. */
  static final int DEFAULT_STOP_TIMEOUT = 30;
  /** Target group attribute deregistration_delay.timeout_seconds: 300 s. */
  static final int DEFAULT_DEREGISTRATION_DELAY = 300;
  /** Target group HealthCheckIntervalSeconds 30 and HealthyThresholdCount 5 (instance and ip targets). */
  static final int DEFAULT_HEALTH_CHECK_INTERVAL = 30;
  static final int DEFAULT_HEALTHY_THRESHOLD = 5;

  private static final String TASK_DEFINITION = "AWS::ECS::TaskDefinition";
  private static final String TARGET_GROUP = "AWS::ElasticLoadBalancingV2::TargetGroup";

  /**
   * One service.
   *
   * @param stack the stack's display name
   * @param service the service's logical ID
   * @param cluster the cluster reference, rendered
   * @param taskDefinition the task definition reference, rendered
   * @param schedulingStrategy REPLICA or DAEMON
   * @param desiredCount the desired count; null when it is not a literal (a parameter, say)
   * @param maximumPercent DeploymentConfiguration.MaximumPercent, default applied
   * @param minimumHealthyPercent DeploymentConfiguration.MinimumHealthyPercent, default applied
   * @param circuitBreaker {@code off}, {@code on} or {@code on, rollback}
   * @param healthCheckGracePeriodSeconds HealthCheckGracePeriodSeconds, 0 when absent
   * @param placementStrategies as {@code spread(attribute:ecs.availability-zone)}
   * @param placementConstraints as {@code memberOf(expression)} or {@code distinctInstance}
   * @param capacityProviderStrategy as {@code provider (weight 1, base 0)}
   * @param loadBalancers as {@code web:80 -> TargetGroupLogicalId}
   * @param stopTimeoutSeconds the task's largest container StopTimeout, default applied
   * @param deregistrationDelaySeconds the largest deregistration delay of its target groups; null without one
   * @param healthCheckSeconds the largest interval × healthy threshold of its target groups; null without one
   * @param timing worst-case times; null when the desired count is unknown or the service is a DAEMON
   * @param notes defaults assumed and anything that limits the estimate
   */
  record ServiceDeployment(String stack, String service, String cluster, String taskDefinition,
      String schedulingStrategy, Integer desiredCount, int maximumPercent, int minimumHealthyPercent,
      String circuitBreaker, int healthCheckGracePeriodSeconds, List<String> placementStrategies,
      List<String> placementConstraints, List<String> capacityProviderStrategy, List<String> loadBalancers,
      int stopTimeoutSeconds, Integer deregistrationDelaySeconds, Integer healthCheckSeconds,
      DeploymentTiming timing, List<String> notes) {}

  private ServiceDeployments() {}

  static List<ServiceDeployment> of(String stack, StackResources resources) {
    List<ServiceDeployment> services = new ArrayList<>();
    resources.ofType("AWS::ECS::Service").forEach((id, service) ->
        services.add(service(stack, id, StackResources.properties(service), resources)));
    return services;
  }

  private static ServiceDeployment service(String stack, String id, JsonNode properties, StackResources resources) {
    List<String> notes = new ArrayList<>();
    String strategy = properties.path("SchedulingStrategy").asText("REPLICA");
    boolean daemon = strategy.equals("DAEMON");
    JsonNode deployment = properties.path("DeploymentConfiguration");

    Integer desired = null;
    if (!daemon) {
      if (!properties.has("DesiredCount")) {
        desired = DEFAULT_DESIRED_COUNT;
        notes.add("DesiredCount not set: " + DEFAULT_DESIRED_COUNT + " when the service is created");
      } else {
        OptionalInt literal = Intrinsics.literalInt(properties.path("DesiredCount"));
        if (literal.isPresent()) {
          desired = literal.getAsInt();
        } else {
          notes.add("DesiredCount is " + Intrinsics.render(properties.path("DesiredCount"))
              + ", not a number: deployment time not computed");
        }
      }
    }
    int maximum = setting(deployment.path("MaximumPercent"), daemon ? 100 : DEFAULT_MAXIMUM_PERCENT,
        "MaximumPercent", notes);
    int minimum = setting(deployment.path("MinimumHealthyPercent"), daemon ? 0 : DEFAULT_MINIMUM_HEALTHY_PERCENT,
        "MinimumHealthyPercent", notes);
    int grace = Intrinsics.literalInt(properties.path("HealthCheckGracePeriodSeconds")).orElse(0);

    int stopTimeout = stopTimeout(properties.path("TaskDefinition"), resources, notes);
    Integer deregistration = null;
    Integer healthCheck = null;
    List<String> loadBalancers = new ArrayList<>();
    for (JsonNode balancer : properties.path("LoadBalancers")) {
      JsonNode targetGroupArn = balancer.path("TargetGroupArn");
      String container = Intrinsics.render(balancer.path("ContainerName")) + ":"
          + Intrinsics.render(balancer.path("ContainerPort"));
      if (targetGroupArn.isMissingNode()) {
        loadBalancers.add(container + " -> " + Intrinsics.render(balancer.path("LoadBalancerName")));
        continue;
      }
      loadBalancers.add(container + " -> " + Intrinsics.render(targetGroupArn));
      JsonNode targetGroup = resources.referenced(targetGroupArn, TARGET_GROUP);
      JsonNode groupProperties = targetGroup == null ? null : StackResources.properties(targetGroup);
      if (groupProperties == null) {
        notes.add("target group " + Intrinsics.render(targetGroupArn)
            + " is defined elsewhere: AWS defaults assumed for its delay and health check");
      }
      int delay = deregistrationDelay(groupProperties, notes);
      int interval = groupSetting(groupProperties, "HealthCheckIntervalSeconds", DEFAULT_HEALTH_CHECK_INTERVAL, notes);
      int threshold = groupSetting(groupProperties, "HealthyThresholdCount", DEFAULT_HEALTHY_THRESHOLD, notes);
      deregistration = Math.max(deregistration == null ? 0 : deregistration, delay);
      healthCheck = Math.max(healthCheck == null ? 0 : healthCheck, interval * threshold);
    }

    DeploymentTiming timing = null;
    int healthy = grace + (healthCheck == null ? 0 : healthCheck);
    int stop = stopTimeout + (deregistration == null ? 0 : deregistration);
    if (daemon) {
      notes.add("DAEMON service: one task per instance, so the number of waves depends on the instance count");
    } else if (desired != null) {
      timing = DeploymentTiming.of(desired, maximum, minimum, healthy, stop);
    }
    return new ServiceDeployment(stack, id, Intrinsics.render(properties.path("Cluster")),
        Intrinsics.render(properties.path("TaskDefinition")), strategy, desired, maximum, minimum,
        circuitBreaker(deployment.path("DeploymentCircuitBreaker")), grace,
        placement(properties.path("PlacementStrategies"), "Type", "Field"),
        placement(properties.path("PlacementConstraints"), "Type", "Expression"),
        capacityProviders(properties.path("CapacityProviderStrategy")), List.copyOf(loadBalancers), stopTimeout,
        deregistration, healthCheck, timing, List.copyOf(notes));
  }

  private static int setting(JsonNode value, int defaultValue, String name, List<String> notes) {
    OptionalInt literal = Intrinsics.literalInt(value);
    if (literal.isPresent()) {
      return literal.getAsInt();
    }
    notes.add(name + (value.isMissingNode() ? " not set" : " is " + Intrinsics.render(value)) + ": "
        + defaultValue + " assumed (ECS default)");
    return defaultValue;
  }

  /** The largest StopTimeout of the task's containers: ECS stops a task when its last container has stopped. */
  private static int stopTimeout(JsonNode taskDefinitionRef, StackResources resources, List<String> notes) {
    JsonNode task = resources.referenced(taskDefinitionRef, TASK_DEFINITION);
    if (task == null) {
      notes.add("task definition " + Intrinsics.render(taskDefinitionRef) + " is defined elsewhere: StopTimeout "
          + DEFAULT_STOP_TIMEOUT + " s assumed (ECS default)");
      return DEFAULT_STOP_TIMEOUT;
    }
    int largest = 0;
    boolean defaulted = false;
    for (JsonNode container : StackResources.properties(task).path("ContainerDefinitions")) {
      OptionalInt timeout = Intrinsics.literalInt(container.path("StopTimeout"));
      defaulted |= timeout.isEmpty();
      largest = Math.max(largest, timeout.orElse(DEFAULT_STOP_TIMEOUT));
    }
    if (defaulted) {
      notes.add("a container without StopTimeout: " + DEFAULT_STOP_TIMEOUT + " s (ECS default)");
    }
    return largest == 0 ? DEFAULT_STOP_TIMEOUT : largest;
  }

  private static int deregistrationDelay(JsonNode groupProperties, List<String> notes) {
    if (groupProperties != null) {
      for (JsonNode attribute : groupProperties.path("TargetGroupAttributes")) {
        if (attribute.path("Key").asText().equals("deregistration_delay.timeout_seconds")) {
          OptionalInt delay = Intrinsics.literalInt(attribute.path("Value"));
          if (delay.isPresent()) {
            return delay.getAsInt();
          }
        }
      }
      notes.add("deregistration_delay.timeout_seconds not set: " + DEFAULT_DEREGISTRATION_DELAY + " s (AWS default)");
    }
    return DEFAULT_DEREGISTRATION_DELAY;
  }

  private static int groupSetting(JsonNode groupProperties, String name, int defaultValue, List<String> notes) {
    if (groupProperties == null) {
      return defaultValue;
    }
    OptionalInt literal = Intrinsics.literalInt(groupProperties.path(name));
    if (literal.isEmpty()) {
      notes.add(name + " not set: " + defaultValue + " (AWS default)");
    }
    return literal.orElse(defaultValue);
  }

  private static String circuitBreaker(JsonNode breaker) {
    if (!breaker.path("Enable").asBoolean(false)) {
      return "off";
    }
    return breaker.path("Rollback").asBoolean(false) ? "on, rollback" : "on";
  }

  private static List<String> placement(JsonNode list, String typeField, String detailField) {
    List<String> rendered = new ArrayList<>();
    for (JsonNode item : list) {
      String detail = Intrinsics.render(item.path(detailField));
      rendered.add(Intrinsics.render(item.path(typeField)) + (detail.isEmpty() ? "" : "(" + detail + ")"));
    }
    return List.copyOf(rendered);
  }

  private static List<String> capacityProviders(JsonNode strategy) {
    List<String> rendered = new ArrayList<>();
    for (JsonNode item : strategy) {
      rendered.add(Intrinsics.render(item.path("CapacityProvider")) + " (weight "
          + Intrinsics.literalInt(item.path("Weight")).orElse(0) + ", base "
          + Intrinsics.literalInt(item.path("Base")).orElse(0) + ")");
    }
    return List.copyOf(rendered);
  }
}

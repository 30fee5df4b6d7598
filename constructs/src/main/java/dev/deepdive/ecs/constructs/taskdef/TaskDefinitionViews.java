package dev.deepdive.ecs.constructs.taskdef;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepdive.ecs.constructs.EcrImageReference;
import dev.deepdive.ecs.placement.NetworkMode;
import dev.deepdive.ecs.placement.TaskDefinitionView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A task definition file's tree, checked by {@link SchemaChecker}, as the placement module's
 * {@link TaskDefinitionView}: what the registration rules and the scheduler model read. {@code ecr://} images are
 * left out (null): the tool resolves them to repository URIs, and {@link EcrImageReference} checks their form.
 */
final class TaskDefinitionViews {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TaskDefinitionViews() {}

  static TaskDefinitionView of(JsonNode root, NetworkMode networkMode) {
    List<TaskDefinitionView.Container> containers = new ArrayList<>();
    root.path("containerDefinitions").forEach(c -> containers.add(container(c)));
    List<String> volumes = new ArrayList<>();
    root.path("volumes").forEach(v -> volumes.add(v.path("name").asText()));
    List<String> constraints = new ArrayList<>();
    root.path("placementConstraints").forEach(c -> constraints.add(c.path("expression").asText("")));
    List<TaskDefinitionView.Tag> tags = new ArrayList<>();
    root.path("tags").forEach(t -> tags.add(new TaskDefinitionView.Tag(t.path("key").asText(),
        text(t, "value"))));
    JsonNode platform = root.path("runtimePlatform");
    return new TaskDefinitionView(
        text(root, "family"),
        networkMode,
        root.has("cpu") ? TaskSize.cpuUnits(root.get("cpu")).orElse(null) : null,
        root.has("memory") ? TaskSize.memoryMiB(root.get("memory")).orElse(null) : null,
        text(root, "pidMode"),
        text(root, "ipcMode"),
        text(platform, "cpuArchitecture"),
        text(platform, "operatingSystemFamily"),
        containers, volumes, constraints, tags, requestBytes(root));
  }

  private static TaskDefinitionView.Container container(JsonNode c) {
    List<TaskDefinitionView.PortMapping> ports = new ArrayList<>();
    c.path("portMappings").forEach(p -> ports.add(new TaskDefinitionView.PortMapping(integer(p, "containerPort"),
        integer(p, "hostPort"), text(p, "protocol"), text(p, "containerPortRange"))));
    List<TaskDefinitionView.Dependency> dependsOn = new ArrayList<>();
    c.path("dependsOn").forEach(d -> dependsOn.add(new TaskDefinitionView.Dependency(text(d, "containerName"),
        text(d, "condition"))));
    List<TaskDefinitionView.ResourceRequirement> resources = new ArrayList<>();
    c.path("resourceRequirements").forEach(r -> resources.add(new TaskDefinitionView.ResourceRequirement(
        text(r, "type"), text(r, "value"))));
    TaskDefinitionView.HealthCheck healthCheck = null;
    if (c.has("healthCheck")) {
      JsonNode h = c.get("healthCheck");
      List<String> command = new ArrayList<>();
      h.path("command").forEach(part -> command.add(part.asText()));
      healthCheck = new TaskDefinitionView.HealthCheck(command, integer(h, "interval"), integer(h, "timeout"),
          integer(h, "retries"), integer(h, "startPeriod"));
    }
    TaskDefinitionView.LinuxParameters linux = null;
    if (c.has("linuxParameters")) {
      JsonNode l = c.get("linuxParameters");
      List<Integer> tmpfs = new ArrayList<>();
      l.path("tmpfs").forEach(t -> tmpfs.add(integer(t, "size")));
      linux = new TaskDefinitionView.LinuxParameters(integer(l, "maxSwap"), integer(l, "swappiness"),
          integer(l, "sharedMemorySize"), tmpfs);
    }
    String image = text(c, "image");
    return new TaskDefinitionView.Container(text(c, "name"),
        image != null && EcrImageReference.isEcrReference(image) ? null : image,
        integer(c, "cpu"), integer(c, "memory"), integer(c, "memoryReservation"), c.path("essential").asBoolean(true),
        ports, dependsOn, healthCheck, resources, linux, text(c, "hostname"), c.has("dnsServers"),
        c.has("dnsSearchDomains"), c.has("extraHosts"));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() ? value.textValue() : null;
  }

  private static Integer integer(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isIntegralNumber() && value.canConvertToInt() ? value.intValue() : null;
  }

  /** The file as the request body: JSON without white space, in UTF-8. */
  private static int requestBytes(JsonNode root) {
    try {
      return JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8).length;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed tree always writes", e);
    }
  }
}

package dev.deepdive.ecs.constructs.taskdef;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deepdive.ecs.placement.NetworkMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rules ECS enforces only when it registers or places a task, checked at synth instead, so that a broken
 * file fails before deploy and not as a stuck or crash-looping service. Runs on a tree that passed
 * {@link ApiModelChecker}, so kinds are known to be right. Reports every problem, not the first.
 */
final class TaskDefinitionValidator {
  /** ECS quota: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html */
  static final int MAX_CONTAINERS = 10;
  /** Docker 20.10+ refuses a memory limit below 6 MiB; ECS documents the same floor for memory. */
  static final int DOCKER_MIN_MEMORY_MIB = 6;

  private final String displayPath;
  private final JsonNode root;
  private final NetworkMode networkMode;
  private final List<String> errors = new ArrayList<>();

  private TaskDefinitionValidator(String displayPath, JsonNode root, NetworkMode networkMode) {
    this.displayPath = displayPath;
    this.root = root;
    this.networkMode = networkMode;
  }

  static List<String> validate(String displayPath, JsonNode root, NetworkMode networkMode) {
    TaskDefinitionValidator v = new TaskDefinitionValidator(displayPath, root, networkMode);
    v.containerCount();
    v.uniqueContainerNames();
    v.essentialContainer();
    v.ec2Compatibility();
    v.memory();
    v.ports();
    v.volumes();
    v.links();
    v.dependencies();
    return v.errors;
  }

  private JsonNode containers() {
    return root.path("containerDefinitions");
  }

  private static String containerPath(int i) {
    return "containerDefinitions[" + i + "]";
  }

  private Map<String, Integer> containerIndexByName() {
    Map<String, Integer> byName = new LinkedHashMap<>();
    for (int i = 0; i < containers().size(); i++) {
      byName.putIfAbsent(containers().get(i).path("name").asText(), i);
    }
    return byName;
  }

  private void containerCount() {
    int n = containers().size();
    if (n == 0) {
      error("containerDefinitions", "no containers; a task definition needs at least one");
    } else if (n > MAX_CONTAINERS) {
      error("containerDefinitions", n + " containers; a task definition allows at most " + MAX_CONTAINERS);
    }
  }

  private void uniqueContainerNames() {
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < containers().size(); i++) {
      String name = containers().get(i).path("name").asText();
      Integer earlier = first.putIfAbsent(name, i);
      if (earlier != null) {
        error(containerPath(i) + ".name", "'" + name + "' is already the name of " + containerPath(earlier)
            + "; container names must be unique within a task definition");
      }
    }
  }

  private void essentialContainer() {
    if (containers().size() == 0) {
      return;
    }
    for (JsonNode c : containers()) {
      if (c.path("essential").asBoolean(true)) {
        return;
      }
    }
    error("containerDefinitions", "no essential container; at least one must be essential"
        + " (essential defaults to true when left out)");
  }

  private void ec2Compatibility() {
    JsonNode compat = root.path("requiresCompatibilities");
    if (compat.isArray() && compat.size() > 0) {
      for (JsonNode c : compat) {
        if (c.asText().equals("EC2")) {
          return;
        }
      }
      error("requiresCompatibilities", "this tool places tasks on EC2 container instances, so the list must"
          + " include \"EC2\"; got " + compat);
    }
  }

  private void memory() {
    boolean taskMemory = root.has("memory");
    for (int i = 0; i < containers().size(); i++) {
      JsonNode c = containers().get(i);
      String path = containerPath(i);
      if (!c.has("memory") && !c.has("memoryReservation") && !taskMemory) {
        error(path, "container '" + c.path("name").asText() + "' has neither memory nor memoryReservation and the"
            + " task has no task-level memory; on EC2 set one of them");
      }
      for (String field : List.of("memory", "memoryReservation")) {
        if (c.has(field) && c.get(field).intValue() < DOCKER_MIN_MEMORY_MIB) {
          error(path + "." + field, c.get(field).intValue() + " MiB is below Docker's minimum of "
              + DOCKER_MIN_MEMORY_MIB + " MiB per container");
        }
      }
      if (c.has("memory") && c.has("memoryReservation")
          && c.get("memoryReservation").intValue() > c.get("memory").intValue()) {
        error(path + ".memoryReservation", c.get("memoryReservation").intValue() + " MiB exceeds memory ("
            + c.get("memory").intValue() + " MiB); the soft limit must not exceed the hard limit");
      }
    }
  }

  private void ports() {
    Map<String, String> hostPortOwner = new HashMap<>();
    for (int i = 0; i < containers().size(); i++) {
      JsonNode mappings = containers().get(i).path("portMappings");
      for (int j = 0; j < mappings.size(); j++) {
        JsonNode pm = mappings.get(j);
        String path = containerPath(i) + ".portMappings[" + j + "]";
        if (!pm.has("containerPort") && !pm.has("containerPortRange")) {
          error(path, "needs containerPort (or containerPortRange)");
          continue;
        }
        if (!pm.has("containerPort")) {
          continue;
        }
        int containerPort = pm.get("containerPort").intValue();
        if (networkMode.hostPortIsContainerPort() && pm.has("hostPort")
            && pm.get("hostPort").intValue() != containerPort) {
          error(path + ".hostPort", "in " + networkMode.apiValue() + " network mode hostPort must equal"
              + " containerPort (" + containerPort + ") or be left out; got " + pm.get("hostPort").intValue());
          continue;
        }
        int hostPort = networkMode.hostPortIsContainerPort() ? containerPort : pm.path("hostPort").asInt(0);
        if (hostPort == 0) {
          continue;
        }
        String key = hostPort + "/" + pm.path("protocol").asText("tcp");
        String owner = hostPortOwner.putIfAbsent(key, path);
        if (owner != null) {
          error(path, "host port " + key + " is already taken by " + owner
              + "; a host port can be bound only once per task");
        }
      }
    }
  }

  private void volumes() {
    Map<String, Integer> declared = new LinkedHashMap<>();
    JsonNode vols = root.path("volumes");
    for (int i = 0; i < vols.size(); i++) {
      String name = vols.get(i).path("name").asText();
      Integer earlier = declared.putIfAbsent(name, i);
      if (earlier != null) {
        error("volumes[" + i + "].name", "'" + name + "' is already declared by volumes[" + earlier
            + "]; volume names must be unique");
      }
    }
    Map<String, Integer> byName = containerIndexByName();
    for (int i = 0; i < containers().size(); i++) {
      JsonNode c = containers().get(i);
      JsonNode mounts = c.path("mountPoints");
      for (int j = 0; j < mounts.size(); j++) {
        String source = mounts.get(j).path("sourceVolume").asText();
        if (!declared.containsKey(source)) {
          error(containerPath(i) + ".mountPoints[" + j + "].sourceVolume", "'" + source
              + "' is not a volume of this task; " + listOrNone("declared volumes", declared.keySet()));
        }
      }
      JsonNode from = c.path("volumesFrom");
      for (int j = 0; j < from.size(); j++) {
        String source = from.get(j).path("sourceContainer").asText();
        String path = containerPath(i) + ".volumesFrom[" + j + "].sourceContainer";
        if (source.equals(c.path("name").asText())) {
          error(path, "'" + source + "' is this container itself; name another container of the task");
        } else if (!byName.containsKey(source)) {
          error(path, "'" + source + "' is not a container of this task; " + listOrNone("containers", byName.keySet()));
        }
      }
    }
  }

  private void links() {
    Map<String, Integer> byName = containerIndexByName();
    for (int i = 0; i < containers().size(); i++) {
      JsonNode c = containers().get(i);
      JsonNode links = c.path("links");
      if (links.size() == 0) {
        continue;
      }
      if (networkMode != NetworkMode.BRIDGE) {
        error(containerPath(i) + ".links", "links work only in bridge network mode; this task uses "
            + networkMode.apiValue() + " (containers of an awsvpc or host task reach each other on localhost)");
        continue;
      }
      for (int j = 0; j < links.size(); j++) {
        // A link is "name" or "name:alias".
        String target = links.get(j).asText().split(":", 2)[0];
        String path = containerPath(i) + ".links[" + j + "]";
        if (target.equals(c.path("name").asText())) {
          error(path, "'" + target + "' is this container itself; link to another container of the task");
        } else if (!byName.containsKey(target)) {
          error(path, "'" + target + "' is not a container of this task; " + listOrNone("containers", byName.keySet()));
        }
      }
    }
  }

  private void dependencies() {
    Map<String, Integer> byName = containerIndexByName();
    for (int i = 0; i < containers().size(); i++) {
      JsonNode c = containers().get(i);
      JsonNode deps = c.path("dependsOn");
      for (int j = 0; j < deps.size(); j++) {
        JsonNode d = deps.get(j);
        String target = d.path("containerName").asText();
        String path = containerPath(i) + ".dependsOn[" + j + "]";
        Integer targetIndex = byName.get(target);
        if (target.equals(c.path("name").asText())) {
          error(path + ".containerName", "'" + target + "' is this container itself; a container cannot depend on"
              + " itself");
        } else if (targetIndex == null) {
          error(path + ".containerName", "'" + target + "' is not a container of this task; "
              + listOrNone("containers", byName.keySet()));
        } else if (d.path("condition").asText().equals("HEALTHY") && !containers().get(targetIndex).has("healthCheck")) {
          error(path + ".condition", "HEALTHY needs container '" + target + "' to define a healthCheck, and it has"
              + " none; add one or use START");
        }
      }
    }
  }

  private static String listOrNone(String what, Collection<String> names) {
    if (names.isEmpty()) {
      return "there are no " + what;
    }
    return what + ": " + names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
  }

  private void error(String jsonPath, String message) {
    errors.add(displayPath + ": " + jsonPath + ": " + message);
  }
}

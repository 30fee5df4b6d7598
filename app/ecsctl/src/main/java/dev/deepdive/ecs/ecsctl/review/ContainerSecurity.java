package dev.deepdive.ecs.ecsctl.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Container settings that weaken isolation from the instance, per task definition (AWS::ECS::TaskDefinition):
 * privileged mode, the host's network, PID or IPC namespace, added Linux capabilities, a writable root file
 * system, and host paths mounted into the container (the Docker socket above all: whoever holds it controls
 * every container on the instance). Each is a risk a reviewer should see by name, not as "ContainerDefinitions
 * changed". What each setting does:
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html and
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-tasks-containers.html
 */
final class ContainerSecurity {
  static final String TASK = "(every container)";
  static final List<String> DOCKER_SOCKETS = List.of("/var/run/docker.sock", "/run/docker.sock");

  /**
   * One risky setting.
   *
   * @param stack the stack's display name
   * @param taskDefinition the task definition's logical ID
   * @param container the container's name, or {@value #TASK} for a task-level setting
   * @param setting what is set, e.g. {@code privileged}, {@code host network}, {@code Docker socket mounted}
   * @param detail the value or what it gives, e.g. {@code SYS_ADMIN, NET_ADMIN}
   */
  record Risk(String stack, String taskDefinition, String container, String setting, String detail) {}

  private ContainerSecurity() {}

  static List<Risk> of(String stack, StackResources resources) {
    List<Risk> risks = new ArrayList<>();
    resources.ofType("AWS::ECS::TaskDefinition").forEach((id, taskDefinition) -> {
      JsonNode properties = StackResources.properties(taskDefinition);
      namespace(risks, stack, id, properties, "NetworkMode", "host network",
          "the containers share the instance's network stack and can reach what the instance reaches");
      namespace(risks, stack, id, properties, "PidMode", "host PID namespace",
          "the containers see and can signal every process on the instance");
      namespace(risks, stack, id, properties, "IpcMode", "host IPC namespace",
          "the containers share the instance's shared memory and semaphores");
      Map<String, String> hostPaths = hostPaths(properties.path("Volumes"));
      for (JsonNode container : properties.path("ContainerDefinitions")) {
        container(risks, stack, id, container, hostPaths);
      }
    });
    return risks;
  }

  private static void namespace(List<Risk> risks, String stack, String id, JsonNode properties, String property,
      String setting, String detail) {
    if ("host".equals(properties.path(property).asText())) {
      risks.add(new Risk(stack, id, TASK, setting, property + ": host; " + detail));
    }
  }

  private static void container(List<Risk> risks, String stack, String id, JsonNode container,
      Map<String, String> hostPaths) {
    String name = Intrinsics.render(container.path("Name"));
    if (isTrue(container.path("Privileged"))) {
      risks.add(new Risk(stack, id, name, "privileged", "root on the instance: every device, every capability"));
    }
    List<String> added = Intrinsics.renderAll(container.path("LinuxParameters").path("Capabilities").path("Add"));
    if (!added.isEmpty()) {
      risks.add(new Risk(stack, id, name, "added Linux capabilities", String.join(", ", added)));
    }
    if (!isTrue(container.path("ReadonlyRootFilesystem"))) {
      risks.add(new Risk(stack, id, name, "writable root file system",
          "readonlyRootFilesystem is not true: a compromised process can change the image's files"));
    }
    for (JsonNode mount : container.path("MountPoints")) {
      String hostPath = hostPaths.get(mount.path("SourceVolume").asText());
      if (hostPath == null) {
        continue;
      }
      String access = isTrue(mount.path("ReadOnly")) ? "read-only" : "writable";
      String where = hostPath + " at " + Intrinsics.render(mount.path("ContainerPath")) + ", " + access;
      if (DOCKER_SOCKETS.contains(hostPath)) {
        risks.add(new Risk(stack, id, name, "Docker socket mounted", where
            + ": control of every container on the instance"));
      } else {
        risks.add(new Risk(stack, id, name, "host path mounted", where));
      }
    }
  }

  /** Volume name to host source path, for bind mounts of the instance's file system. */
  private static Map<String, String> hostPaths(JsonNode volumes) {
    Map<String, String> paths = new HashMap<>();
    for (JsonNode volume : volumes) {
      JsonNode sourcePath = volume.path("Host").path("SourcePath");
      if (sourcePath.isTextual()) {
        paths.put(volume.path("Name").asText(), sourcePath.asText());
      }
    }
    return paths;
  }

  private static boolean isTrue(JsonNode value) {
    return value.isBoolean() ? value.asBoolean() : "true".equalsIgnoreCase(value.asText());
  }
}

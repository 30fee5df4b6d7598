package dev.deepdive.ecs.constructs.taskdef;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import software.amazon.awscdk.services.iam.IRole;

/**
 * What {@link TaskDefinitionFromJson} needs.
 *
 * @param document             the parsed file
 * @param executionRole        the task execution role the services layer generates (ECR pull, logs, secrets);
 *                             its ARN replaces the file's executionRoleArn
 * @param taskRole             the role the containers assume; its ARN replaces the file's taskRoleArn
 * @param instanceTypes        the environment's instance types; the task must fit at least one of them
 * @param ecsReservedMemoryMiB the cluster's {@code ECS_RESERVED_MEMORY}; 0 (the agent's default) when it sets none
 * @param renderOptions        image resolver and default log configuration; {@link RenderOptions#NONE} for
 *                             images as written and no log configuration added
 */
public record TaskDefinitionFromJsonProps(
    TaskDefinitionDocument document,
    IRole executionRole,
    IRole taskRole,
    List<String> instanceTypes,
    int ecsReservedMemoryMiB,
    RenderOptions renderOptions) {

  public TaskDefinitionFromJsonProps {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(executionRole, "executionRole");
    Objects.requireNonNull(taskRole, "taskRole");
    Objects.requireNonNull(renderOptions, "renderOptions");
    instanceTypes = List.copyOf(Objects.requireNonNull(instanceTypes, "instanceTypes"));
    if (instanceTypes.isEmpty()) {
      throw new IllegalArgumentException("instanceTypes: at least one instance type is needed, got none");
    }
    if (new HashSet<>(instanceTypes).size() != instanceTypes.size()) {
      throw new IllegalArgumentException("instanceTypes: each type may appear once, got " + instanceTypes);
    }
    if (ecsReservedMemoryMiB < 0) {
      throw new IllegalArgumentException("ecsReservedMemoryMiB: must be at least 0, got " + ecsReservedMemoryMiB);
    }
  }

  /** No ECS_RESERVED_MEMORY, images as written, no default log configuration. */
  public static TaskDefinitionFromJsonProps of(TaskDefinitionDocument document, IRole executionRole, IRole taskRole,
      List<String> instanceTypes) {
    return new TaskDefinitionFromJsonProps(document, executionRole, taskRole, instanceTypes, 0, RenderOptions.NONE);
  }

  public TaskDefinitionFromJsonProps withRenderOptions(RenderOptions options) {
    return new TaskDefinitionFromJsonProps(document, executionRole, taskRole, instanceTypes, ecsReservedMemoryMiB,
        options);
  }

  public TaskDefinitionFromJsonProps withEcsReservedMemoryMiB(int mib) {
    return new TaskDefinitionFromJsonProps(document, executionRole, taskRole, instanceTypes, mib, renderOptions);
  }
}

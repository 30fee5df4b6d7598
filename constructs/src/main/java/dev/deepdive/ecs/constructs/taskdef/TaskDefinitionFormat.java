package dev.deepdive.ecs.constructs.taskdef;

import dev.deepdive.ecs.constructs.taskdef.EcsApiModel.Shape;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a task definition file of this tool differs from the bare ECS API model ({@link EcsApiModel}): what
 * CloudFormation spells differently or cannot express, what this tool refuses and why, and what it requires. Fields
 * are named {@code <SDK shape>.<JSON name>}, e.g. {@code ContainerDefinition.image}.
 *
 * <p>The CloudFormation facts are those of {@code AWS::ECS::TaskDefinition} as aws-cdk-lib 2.263.0's
 * {@code CfnTaskDefinition} models it; a test holds this table against that class, so an SDK or CDK upgrade that
 * changes them fails until the table follows.
 */
final class TaskDefinitionFormat {
  /** CloudFormation's property names that are not the API name with a capital first letter. */
  private static final Map<String, String> CLOUDFORMATION_NAMES = Map.of(
      "Volume.efsVolumeConfiguration", "EFSVolumeConfiguration",
      "EFSVolumeConfiguration.fileSystemId", "FilesystemId",
      "EFSAuthorizationConfig.iam", "IAM",
      "Volume.fsxWindowsFileServerVolumeConfiguration", "FSxWindowsFileServerVolumeConfiguration",
      "Volume.s3filesVolumeConfiguration", "S3FilesVolumeConfiguration",
      "ProxyConfiguration.properties", "ProxyConfigurationProperties");

  /** API fields {@code AWS::ECS::TaskDefinition} has no property for. */
  static final Set<String> NOT_IN_CLOUDFORMATION = Set.of("ResourceRequirement.sharingStrategy");

  /** API fields CloudFormation could deploy but this tool refuses, with the reason shown to the user. */
  private static final Map<String, String> REFUSED = Map.of(
      "RegisterTaskDefinitionRequest.ephemeralStorage",
      "Fargate only; on EC2 the task uses the instance's Docker storage",
      "RegisterTaskDefinitionRequest.inferenceAccelerators",
      "Amazon Elastic Inference accelerators, which AWS no longer offers; use resourceRequirements of type GPU",
      "Volume.fsxWindowsFileServerVolumeConfiguration",
      "Windows containers only; the container instances of this tool run Amazon Linux",
      "Volume.configuredAtLaunch",
      "the volume would be configured when a service starts (Amazon EBS), which this tool's services do not do");

  /**
   * Fields a file must give: those the ECS API reference marks required
   * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html and the data types
   * it links; the SDK model does not carry that mark), and container {@code name} and {@code image}, volume and
   * mount point names, and both parts of a tag (CloudFormation's tags need a value), without which ECS or
   * CloudFormation refuses the task definition.
   */
  private static final Set<String> REQUIRED = Set.of(
      "RegisterTaskDefinitionRequest.family", "RegisterTaskDefinitionRequest.containerDefinitions",
      "ContainerDefinition.name", "ContainerDefinition.image",
      "Secret.name", "Secret.valueFrom", "EnvironmentFile.type", "EnvironmentFile.value",
      "MountPoint.sourceVolume", "MountPoint.containerPath", "VolumeFrom.sourceContainer", "HealthCheck.command",
      "LogConfiguration.logDriver", "Ulimit.name", "Ulimit.softLimit", "Ulimit.hardLimit",
      "ContainerDependency.containerName", "ContainerDependency.condition", "Device.hostPath",
      "Tmpfs.containerPath", "Tmpfs.size", "HostEntry.hostname", "HostEntry.ipAddress",
      "ResourceRequirement.type", "ResourceRequirement.value", "RepositoryCredentials.credentialsParameter",
      "FirelensConfiguration.type", "Volume.name", "EFSVolumeConfiguration.fileSystemId",
      "TaskDefinitionPlacementConstraint.type",
      "ContainerRestartPolicy.enabled", "ProxyConfiguration.containerName", "Tag.key", "Tag.value");

  /**
   * Task-level cpu and memory: the API takes strings ({@code "1024"}, {@code "1 vCPU"}); files may also give
   * numbers, as the console writes them. Checked by {@link TaskSize}, rendered as strings.
   */
  static final Set<String> TASK_SIZE = Set.of("RegisterTaskDefinitionRequest.cpu",
      "RegisterTaskDefinitionRequest.memory");

  /** Replaced by the roles this tool generates; see {@link TaskDefinitionDocument#replacedFields()}. */
  static final Set<String> REPLACED_ROOT_FIELDS = Set.of("executionRoleArn", "taskRoleArn");

  private TaskDefinitionFormat() {}

  /** The field's name in {@code AWS::ECS::TaskDefinition}, e.g. {@code ContainerDefinitions}, {@code FilesystemId}. */
  static String cloudFormationName(Shape shape, String field) {
    return CLOUDFORMATION_NAMES.getOrDefault(shape.key(field),
        Character.toUpperCase(field.charAt(0)) + field.substring(1));
  }

  /** Why the file may not use this API field, or empty when it may. */
  static Optional<String> refusal(Shape shape, String field) {
    if (NOT_IN_CLOUDFORMATION.contains(shape.key(field))) {
      return Optional.of("CloudFormation's AWS::ECS::TaskDefinition has no such property, so this tool cannot deploy"
          + " it; remove it");
    }
    return Optional.ofNullable(REFUSED.get(shape.key(field)));
  }

  static boolean required(Shape shape, String field) {
    return REQUIRED.contains(shape.key(field));
  }

  static boolean taskSize(Shape shape, String field) {
    return TASK_SIZE.contains(shape.key(field));
  }

  /**
   * The fields describe-task-definition returns that register-task-definition does not take ({@code revision},
   * {@code status}, ...), from the API model: present in a file, they mark pasted describe output.
   */
  static Set<String> readOnlyFields() {
    Set<String> readOnly = new LinkedHashSet<>(EcsApiModel.DESCRIBED_TASK_DEFINITION.fields().keySet());
    readOnly.removeAll(EcsApiModel.TASK_DEFINITION.fields().keySet());
    return readOnly;
  }
}

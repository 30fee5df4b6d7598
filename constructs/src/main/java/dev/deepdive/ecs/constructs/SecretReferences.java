package dev.deepdive.ecs.constructs;

import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The secrets a task definition makes the ECS agent read: container {@code secrets}, log driver
 * {@code secretOptions}, and private registry {@code repositoryCredentials}. Each is a Secrets Manager ARN, an
 * SSM parameter ARN, or a parameter name in the task's own account and region.
 */
final class SecretReferences {
  private SecretReferences() {}

  @SuppressWarnings("unchecked")
  static List<String> of(TaskDefinitionDocument document) {
    Map<String, Object> properties = document.toCloudFormationProperties("execution-role", "task-role");
    List<String> references = new ArrayList<>();
    for (Object container : (List<Object>) properties.getOrDefault("ContainerDefinitions", List.of())) {
      Map<String, Object> definition = (Map<String, Object>) container;
      valuesFrom(definition.get("Secrets"), references);
      if (definition.get("LogConfiguration") instanceof Map<?, ?> log) {
        valuesFrom(log.get("SecretOptions"), references);
      }
      if (definition.get("RepositoryCredentials") instanceof Map<?, ?> credentials
          && credentials.get("CredentialsParameter") instanceof String parameter) {
        references.add(parameter);
      }
    }
    return references;
  }

  private static void valuesFrom(Object secrets, List<String> references) {
    if (secrets instanceof List<?> list) {
      for (Object secret : list) {
        if (secret instanceof Map<?, ?> map && map.get("ValueFrom") instanceof String valueFrom) {
          references.add(valueFrom);
        }
      }
    }
  }
}

package dev.deepdive.ecs.app;

import dev.deepdive.ecs.app.config.ConfigException;
import dev.deepdive.ecs.app.config.EnvironmentConfig;
import dev.deepdive.ecs.app.config.ServiceConfig;
import dev.deepdive.ecs.app.config.ServiceLoadBalancerConfig;
import dev.deepdive.ecs.app.config.TaskConfig;
import dev.deepdive.ecs.constructs.EcrImageReference;
import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionDocument;
import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionProblems;
import dev.deepdive.ecs.constructs.taskdef.ValidationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the task definition files the environments' services and tasks name, each once, and checks them against
 * each environment: every file problem, every load-balanced container or port the file does not declare, and every
 * overridden container it does not have. All problems of all files come back together. Whether the tasks fit the
 * environment's instances (next to what its DAEMON services take on every one) is the placement model's finding
 * ({@link EnvironmentPlacement}), with the environment's agent settings. Each environment gets the documents under
 * its own families ({@code taskDefinitionFamilies}: {@code qa-web} for the file's {@code web} by default).
 */
final class TaskDefinitionFiles {
  private final Map<Path, Optional<TaskDefinitionDocument>> parsed = new HashMap<>();
  private final List<String> problems = new ArrayList<>();

  /** The documents of each environment by file name, or a {@link ConfigException} with every problem. */
  static Map<String, Map<String, TaskDefinitionDocument>> load(List<EnvironmentConfig> environments) {
    TaskDefinitionFiles files = new TaskDefinitionFiles();
    Map<String, Map<String, TaskDefinitionDocument>> byEnvironment = new LinkedHashMap<>();
    for (EnvironmentConfig environment : environments) {
      byEnvironment.put(environment.name(), files.documentsOf(environment));
    }
    if (!files.problems.isEmpty()) {
      throw new ConfigException(files.problems.stream().distinct().toList());
    }
    return byEnvironment;
  }

  private Map<String, TaskDefinitionDocument> documentsOf(EnvironmentConfig environment) {
    Map<String, TaskDefinitionDocument> documents = new LinkedHashMap<>();
    List<ServiceConfig> services = environment.services();
    for (int i = 0; i < services.size(); i++) {
      ServiceConfig service = services.get(i);
      String at = environment.source() + ": services[" + i + "]";
      Optional<TaskDefinitionDocument> document = document(environment, service.taskDefinition(), at, documents);
      if (document.isEmpty()) {
        continue;
      }
      service.loadBalancer().ifPresent(lb -> checkTarget(document.get(), lb, at));
      checkRepositories(document.get(), environment, at);
    }
    List<TaskConfig> tasks = environment.tasks();
    for (int i = 0; i < tasks.size(); i++) {
      TaskConfig task = tasks.get(i);
      String at = environment.source() + ": tasks[" + i + "]";
      Optional<TaskDefinitionDocument> document = document(environment, task.taskDefinition(), at, documents);
      if (document.isEmpty()) {
        continue;
      }
      checkOverrides(document.get(), task, at);
      checkRepositories(document.get(), environment, at);
    }
    return documents;
  }

  /**
   * The file {@code fileName} read once and checked, and put into {@code documents} under the environment's family
   * for it when that family is valid; empty when the file has problems.
   */
  private Optional<TaskDefinitionDocument> document(EnvironmentConfig environment, String fileName, String at,
      Map<String, TaskDefinitionDocument> documents) {
    Path file = environment.taskDefinitionsDir().resolve(fileName);
    Optional<TaskDefinitionDocument> document = parsed.computeIfAbsent(file, f -> parse(f, at));
    if (document.isEmpty()) {
      return document;
    }
    String family = environment.taskDefinitionFamilies().family(environment.name(), document.get().family());
    Optional<String> familyProblem = TaskDefinitionDocument.familyProblem(family);
    if (familyProblem.isPresent()) {
      problems.add(at + ".taskDefinition: " + document.get().displayPath() + ": family: " + familyProblem.get()
          + (family.equals(document.get().family()) ? "" : " (the file's \"" + document.get().family()
              + "\" with the environment's name in front, see taskDefinitionFamilies)"));
    } else {
      documents.put(fileName, document.get().withFamily(family));
    }
    return document;
  }

  /** Each container override names a container of the task definition. */
  private void checkOverrides(TaskDefinitionDocument document, TaskConfig task, String at) {
    for (int i = 0; i < task.containerOverrides().size(); i++) {
      String container = task.containerOverrides().get(i).container();
      if (!document.containerNames().contains(container)) {
        problems.add(at + ".containerOverrides[" + i + "].container: " + document.displayPath() + " has no container"
            + " '" + container + "'; its containers: " + String.join(", ", document.containerNames()));
      }
    }
  }

  private Optional<TaskDefinitionDocument> parse(Path file, String at) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      problems.add(at + ".taskDefinition: file " + file + " does not exist; task definitions live in "
          + file.getParent());
      return Optional.empty();
    } catch (IOException e) {
      problems.add(at + ".taskDefinition: cannot read " + file + ": " + e.getMessage());
      return Optional.empty();
    }
    try {
      TaskDefinitionDocument document = TaskDefinitionDocument.parse(file.toString(), text);
      ValidationReport report = document.validate();
      problems.addAll(report.errors());
      return report.hasErrors() ? Optional.empty() : Optional.of(document);
    } catch (TaskDefinitionProblems e) {
      problems.addAll(e.problems());
      return Optional.empty();
    }
  }

  /** An {@code ecr://name:tag} image must name one of the environment's repositories. */
  @SuppressWarnings("unchecked")
  private void checkRepositories(TaskDefinitionDocument document, EnvironmentConfig environment, String at) {
    List<String> known = List.copyOf(environment.ecrRepositories().keySet());
    Object containers = document.toCloudFormationProperties(null, null).get("ContainerDefinitions");
    for (Object container : (List<Object>) containers) {
      String image = String.valueOf(((Map<String, Object>) container).get("Image"));
      if (!EcrImageReference.isEcrReference(image)) {
        continue;
      }
      Optional<String> repository = EcrImageReference.parse(image).map(EcrImageReference::repository);
      if (repository.isEmpty()) {
        problems.add(at + ".taskDefinition: " + document.displayPath() + " uses image '" + image
            + "', which is not ecr://<repository>[:tag] (a lowercase repository name, a tag of letters, digits,"
            + " '.', '_' and '-')");
      } else if (!known.contains(repository.get())) {
        problems.add(at + ".taskDefinition: " + document.displayPath() + " uses image '" + image
            + "', but environment " + environment.name() + " has no ECR repository '" + repository.get() + "'; "
            + (known.isEmpty() ? "add it under ecrRepositories" : "its repositories: " + String.join(", ", known)));
      }
    }
  }

  private void checkTarget(TaskDefinitionDocument document, ServiceLoadBalancerConfig lb, String at) {
    if (!document.containerNames().contains(lb.container())) {
      problems.add(at + ".loadBalancer.container: " + document.displayPath() + " has no container '"
          + lb.container() + "'; its containers: " + String.join(", ", document.containerNames()));
    } else if (document.containerPort(lb.container(), lb.containerPort()).isEmpty()) {
      problems.add(at + ".loadBalancer.containerPort: container '" + lb.container() + "' in "
          + document.displayPath() + " declares no portMapping for " + lb.containerPort() + "; declared: "
          + document.containerPorts().stream().filter(p -> p.containerName().equals(lb.container()))
              .map(p -> String.valueOf(p.containerPort())).toList());
    }
  }
}

package dev.deepdive.ecs.constructs.taskdef;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepdive.ecs.placement.NetworkMode;
import dev.deepdive.ecs.placement.RegistrationRules;
import dev.deepdive.ecs.placement.TaskDefinitionView;
import dev.deepdive.ecs.placement.TaskRequirements;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A task definition as teams keep it: the JSON they would give to
 * {@code aws ecs register-task-definition --cli-input-json} (camelCase API field names).
 *
 * <p>{@link #parse} holds the file against the ECS API's own model (the AWS SDK's RegisterTaskDefinitionRequest and its
 * shapes, {@link EcsApiModel}): it rejects every unknown or refused field by name, every wrong type and every value
 * outside an enumeration, with the file's display path and the JSON path; pasted describe-task-definition output
 * gets one line ({@link PastedDescribeOutput}). The parsed tree stays available as JSON ({@link #json()}) to rules
 * that read it. {@link #validate} and {@link #validateFits} check what ECS would otherwise
 * only refuse at registration or placement. {@link #toCloudFormationProperties} renders the
 * {@code AWS::ECS::TaskDefinition} Properties. The document is immutable.
 */
public final class TaskDefinitionDocument {
  private static final ObjectMapper JSON = JsonMapper.builder()
      // A key given twice is almost always a merge mistake; Jackson would otherwise keep the last one silently.
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  private static final Pattern JACKSON_LOCATION =
      Pattern.compile("\\s*\\[Source: .*?; line: (\\d+), column: (\\d+)\\]", Pattern.DOTALL);

  /** The longest family ECS accepts. */
  public static final int MAX_FAMILY_CHARS = 255;
  private static final Pattern FAMILY = Pattern.compile("[A-Za-z0-9_-]+");

  private final String displayPath;
  private final JsonNode root;
  private final NetworkMode networkMode;

  private TaskDefinitionDocument(String displayPath, JsonNode root) {
    this.displayPath = displayPath;
    this.root = root;
    this.networkMode = root.has("networkMode")
        ? NetworkMode.fromApiValue(root.get("networkMode").textValue())
        : NetworkMode.BRIDGE;
  }

  /**
   * Reads one task definition file.
   *
   * @param displayPath how messages name the file, e.g. {@code app/task-definitions/web.json}
   * @param json        the file's text
   * @throws TaskDefinitionProblems with one line per problem when the JSON is malformed or does not match the
   *                                supported fields and types
   */
  public static TaskDefinitionDocument parse(String displayPath, String json) {
    Objects.requireNonNull(displayPath, "displayPath");
    Objects.requireNonNull(json, "json");
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new TaskDefinitionProblems(List.of(malformed(displayPath, e)));
    }
    if (root == null || root.isMissingNode()) {
      throw new TaskDefinitionProblems(List.of(displayPath + ": empty file; expected a task definition object"));
    }
    if (!root.isObject()) {
      throw new TaskDefinitionProblems(List.of(displayPath + ": expected a JSON object at the top level, got "
          + JsonPaths.describe(root)));
    }
    Optional<String> pasted = PastedDescribeOutput.problem(displayPath, root);
    if (pasted.isPresent()) {
      throw new TaskDefinitionProblems(List.of(pasted.get()));
    }
    List<String> problems = ApiModelChecker.check(displayPath, root, EcsApiModel.TASK_DEFINITION);
    if (!problems.isEmpty()) {
      throw new TaskDefinitionProblems(problems);
    }
    return new TaskDefinitionDocument(displayPath, root.deepCopy());
  }

  private static String malformed(String displayPath, JsonProcessingException e) {
    String message = JACKSON_LOCATION.matcher(e.getOriginalMessage()).replaceAll(" (line $1, column $2)");
    String where = e.getLocation() == null ? ""
        : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": ";
    return displayPath + ": " + where + "malformed JSON: " + message.lines().findFirst().orElse(message).strip();
  }

  /** How messages name the file. */
  public String displayPath() {
    return displayPath;
  }

  /**
   * The file's JSON as read (register-task-definition input, camelCase field names), for readers of fields this
   * class has no accessor for; a copy, so the document stays immutable.
   */
  public JsonNode json() {
    return root.deepCopy();
  }

  /** The task definition family: the file's, or the one given to {@link #withFamily}. */
  public String family() {
    return root.get("family").textValue();
  }

  /**
   * The same task definition registered under another family, e.g. {@code qa-web} for the file's {@code web}.
   *
   * @throws IllegalArgumentException when {@code family} is not one ECS accepts ({@link #familyProblem})
   */
  public TaskDefinitionDocument withFamily(String family) {
    familyProblem(family).ifPresent(problem -> {
      throw new IllegalArgumentException("family: " + problem);
    });
    ObjectNode renamed = root.deepCopy();
    renamed.put("family", family);
    return new TaskDefinitionDocument(displayPath, renamed);
  }

  /**
   * What is wrong with {@code family} as a task definition family, or empty when ECS accepts it: up to
   * {@value #MAX_FAMILY_CHARS} letters, digits, underscores and hyphens
   * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html).
   */
  public static Optional<String> familyProblem(String family) {
    if (family.isEmpty() || family.length() > MAX_FAMILY_CHARS || !FAMILY.matcher(family).matches()) {
      return Optional.of("\"" + family + "\" is not a task definition family: ECS takes 1 to " + MAX_FAMILY_CHARS
          + " letters, digits, '_' and '-'" + (family.length() > MAX_FAMILY_CHARS ? ", got " + family.length() : ""));
    }
    return Optional.empty();
  }

  /** The file's networkMode, or {@link NetworkMode#BRIDGE} (the EC2 default) when it has none. */
  public NetworkMode networkMode() {
    return networkMode;
  }

  /** Container names in file order. */
  public List<String> containerNames() {
    List<String> names = new ArrayList<>();
    root.get("containerDefinitions").forEach(c -> names.add(c.get("name").textValue()));
    return List.copyOf(names);
  }

  /**
   * Every containerPort the containers map, with the effective host port and protocol. Port ranges
   * ({@code containerPortRange}) are left out: a load balancer target needs a single port.
   */
  public List<ContainerPort> containerPorts() {
    List<ContainerPort> ports = new ArrayList<>();
    for (JsonNode c : root.get("containerDefinitions")) {
      for (JsonNode pm : c.path("portMappings")) {
        if (!pm.has("containerPort")) {
          continue;
        }
        int containerPort = pm.get("containerPort").intValue();
        int hostPort = networkMode.hostPortIsContainerPort() ? containerPort : pm.path("hostPort").asInt(0);
        ports.add(new ContainerPort(c.get("name").textValue(), containerPort, hostPort,
            pm.path("protocol").asText("tcp")));
      }
    }
    return List.copyOf(ports);
  }

  /** The mapping of {@code containerName} for {@code containerPort}, if the file declares it. */
  public Optional<ContainerPort> containerPort(String containerName, int containerPort) {
    return containerPorts().stream()
        .filter(p -> p.containerName().equals(containerName) && p.containerPort() == containerPort)
        .findFirst();
  }

  /** {@code executionRoleArn} and/or {@code taskRoleArn} when the file sets them; the tool replaces both. */
  public List<String> replacedFields() {
    List<String> replaced = new ArrayList<>();
    root.fieldNames().forEachRemaining(name -> {
      if (TaskDefinitionFormat.REPLACED_ROOT_FIELDS.contains(name)) {
        replaced.add(name);
      }
    });
    return List.copyOf(replaced);
  }

  /** One line per replaced field, for the caller to show: the tool's generated role is used instead. */
  public List<String> replacementNotices() {
    List<String> notices = new ArrayList<>();
    for (String field : replacedFields()) {
      String role = field.equals("executionRoleArn") ? "task execution role" : "task role";
      notices.add(displayPath + ": " + field + ": replaced by the " + role + " this tool generates for the"
          + " service; the file's value (" + root.get(field).textValue() + ") is not used");
    }
    return notices;
  }

  /**
   * The rules that need no knowledge of the environment: container count and names, essential, memory,
   * ports, volumes, links, dependsOn, and what RegisterTaskDefinition refuses ({@link RegistrationRules}: health
   * check ranges, image references, dependency conditions, sizes, ...) (errors), and the JVM memory rule
   * (warnings).
   */
  public ValidationReport validate() {
    List<String> errors = new ArrayList<>(TaskDefinitionValidator.validate(displayPath, root, networkMode));
    errors.addAll(RegistrationRules.check(displayPath, view()));
    return new ValidationReport(errors, JvmImageMemoryRule.warnings(displayPath, root));
  }

  /**
   * The file as the placement module reads task definitions, for the registration rules and the scheduler model;
   * {@code ecr://} images are null (the tool resolves them).
   */
  public TaskDefinitionView view() {
    return TaskDefinitionViews.of(root, networkMode);
  }

  /** What a task of this file reserves and binds on a container instance, as the ECS scheduler counts it. */
  public TaskRequirements requirements() {
    return TaskRequirements.of(displayPath, view());
  }

  /** {@link #validateFits(List, int)} for instances without {@code ECS_RESERVED_MEMORY}. */
  public ValidationReport validateFits(List<String> instanceTypes) {
    return validateFits(instanceTypes, 0);
  }

  /**
   * Checks that at least one of {@code instanceTypes} can ever place the task, by CPU and memory; the instance
   * types' facts and what the agent registers of them come from the placement module
   * ({@code dev.deepdive.ecs.placement.InstanceTypes}, {@code RegisteredResources}).
   *
   * @param ecsReservedMemoryMiB the cluster's {@code ECS_RESERVED_MEMORY}, 0 when it sets none
   */
  public ValidationReport validateFits(List<String> instanceTypes, int ecsReservedMemoryMiB) {
    if (instanceTypes == null || instanceTypes.isEmpty()) {
      throw new IllegalArgumentException("instanceTypes: at least one instance type is needed, got none");
    }
    if (ecsReservedMemoryMiB < 0) {
      throw new IllegalArgumentException("ecsReservedMemoryMiB: must be at least 0, got " + ecsReservedMemoryMiB);
    }
    return TaskFitCheck.check(displayPath, requirements(), instanceTypes, ecsReservedMemoryMiB);
  }

  /** {@link #toCloudFormationProperties(String, String, RenderOptions)} with {@link RenderOptions#NONE}. */
  public Map<String, Object> toCloudFormationProperties(String executionRoleArn, String taskRoleArn) {
    return toCloudFormationProperties(executionRoleArn, taskRoleArn, RenderOptions.NONE);
  }

  /**
   * The {@code AWS::ECS::TaskDefinition} Properties, PascalCase as CloudFormation names them.
   *
   * @param executionRoleArn replaces the file's executionRoleArn; null leaves ExecutionRoleArn out
   * @param taskRoleArn      replaces the file's taskRoleArn; null leaves TaskRoleArn out
   * @throws IllegalArgumentException when the default log configuration is not a valid logConfiguration
   */
  public Map<String, Object> toCloudFormationProperties(String executionRoleArn, String taskRoleArn,
      RenderOptions options) {
    Objects.requireNonNull(options, "options");
    JsonNode defaultLog = null;
    if (options.defaultLogConfiguration().isPresent()) {
      defaultLog = JSON.valueToTree(options.defaultLogConfiguration().get());
      List<String> problems = ApiModelChecker.check("defaultLogConfiguration", defaultLog,
          EcsApiModel.TASK_DEFINITION.fields().get("containerDefinitions").element().shape().fields()
              .get("logConfiguration").shape());
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(String.join("\n", problems));
      }
    }
    return CloudFormationRenderer.render(root, executionRoleArn, taskRoleArn, options, defaultLog);
  }
}

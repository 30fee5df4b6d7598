package dev.deepdive.ecs.placement;

import dev.deepdive.ecs.placement.TaskDefinitionView.Container;
import dev.deepdive.ecs.placement.TaskDefinitionView.HealthCheck;
import dev.deepdive.ecs.placement.TaskDefinitionView.LinuxParameters;
import dev.deepdive.ecs.placement.TaskDefinitionView.PortMapping;
import dev.deepdive.ecs.placement.TaskDefinitionView.ResourceRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The constraints ECS enforces when it registers a task definition, which CloudFormation reports only at deploy
 * time, as a failed {@code AWS::ECS::TaskDefinition}. Each rule names its source: the RegisterTaskDefinition API
 * reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html) and the
 * pages of the shapes it contains (API_ContainerDefinition.html, API_HealthCheck.html, API_ContainerDependency.html,
 * API_PortMapping.html, API_ResourceRequirement.html, API_LinuxParameters.html, API_Tag.html). Left out on purpose:
 * one container port for TCP and UDP, which older pages said ECS rejects and AWS has since documented as supported
 * (awsdocs/amazon-ecs-developer-guide#128).
 *
 * <p>Pure functions of a {@link TaskDefinitionView}; every problem, one line each:
 * {@code <file>: <JSON path>: <what is wrong and what is allowed>}. The rules that need no ECS knowledge beyond the
 * file (unique names, references between containers and volumes, at least one essential container, memory floors,
 * host ports equal to container ports in awsvpc and host modes) live where task definition files are read.
 */
public final class RegistrationRules {
  /**
   * Family, container and volume names: "Up to 255 letters (uppercase and lowercase), numbers, underscores, and
   * hyphens".
   */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
  /**
   * Image references (ContainerDefinition.image): up to 255 letters, numbers, hyphens, underscores, colons,
   * periods, forward slashes and number signs; with a digest, the limit applies before the {@code @}, and the digest
   * is {@code sha256:} and 64 hexadecimal digits.
   */
  static final Pattern IMAGE = Pattern.compile("[A-Za-z0-9_:./#-]{1,255}");
  static final Pattern DIGEST = Pattern.compile("sha256:[A-Fa-f0-9]{64}");
  /** Marks of a template that was not filled in: {@code {{name}}}, {@code ${NAME}}, {@code <account-id>}. */
  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}|\\$\\{.*?}|<[^>]*>");
  /** Task-level cpu on EC2: 128 (0.125 vCPU) to 196608 (192 vCPUs) CPU units (RegisterTaskDefinition, cpu). */
  static final int MIN_TASK_CPU = 128;
  static final int MAX_TASK_CPU = 196608;
  /**
   * HealthCheck: interval 5-300 s (default 30), timeout 2-60 s (default 5), retries 1-10 (default 3), startPeriod
   * 0-300 s.
   */
  static final int[] INTERVAL = {5, 300};
  static final int[] TIMEOUT = {2, 60};
  static final int[] RETRIES = {1, 10};
  static final int[] START_PERIOD = {0, 300};
  /** Tags: at most 50 per resource; keys 1 to 128 characters, values up to 256; the aws: prefix is AWS's. */
  static final int MAX_TAGS = 50;
  static final int MAX_TAG_KEY = 128;
  static final int MAX_TAG_VALUE = 256;
  /**
   * The largest register-task-definition request, 64 KiB
   * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html, "Task definition size").
   */
  static final int MAX_REQUEST_BYTES = 64 * 1024;
  private static final Pattern PORT_RANGE = Pattern.compile("(\\d+)-(\\d+)");

  private final String file;
  private final TaskDefinitionView task;
  private final List<String> problems = new ArrayList<>();

  private RegistrationRules(String file, TaskDefinitionView task) {
    this.file = file;
    this.task = task;
  }

  /**
   * Every registration problem of {@code task}, in file order.
   *
   * @param file how messages name the file, e.g. {@code app/task-definitions/web.json}
   */
  public static List<String> check(String file, TaskDefinitionView task) {
    RegistrationRules rules = new RegistrationRules(file, task);
    rules.taskLevel();
    for (int i = 0; i < task.containers().size(); i++) {
      rules.container(i, task.containers().get(i));
    }
    rules.sizes();
    return List.copyOf(rules.problems);
  }

  private void taskLevel() {
    if (task.family() != null) {
      name("family", task.family(), "family");
    }
    if (task.cpu() != null && (task.cpu() < MIN_TASK_CPU || task.cpu() > MAX_TASK_CPU)) {
      problem("cpu", task.cpu() + " CPU units is outside what ECS registers for EC2, " + MIN_TASK_CPU + " (0.125 vCPU)"
          + " to " + MAX_TASK_CPU + " (192 vCPUs)");
    }
    for (int i = 0; i < task.volumeNames().size(); i++) {
      name("volumes[" + i + "].name", task.volumeNames().get(i), "volume name");
    }
    if (task.placementConstraints().size() > ServiceInput.MAX_CONSTRAINTS) {
      problem("placementConstraints", task.placementConstraints().size() + " constraints; ECS allows "
          + ServiceInput.MAX_CONSTRAINTS + " per task, the service's included");
    }
    if (!linux()) {
      if (task.pidMode() != null) {
        problem("pidMode", "not supported for Windows containers (runtimePlatform.operatingSystemFamily "
            + task.operatingSystemFamily() + "); remove it");
      }
      if (task.ipcMode() != null) {
        problem("ipcMode", "not supported for Windows containers (runtimePlatform.operatingSystemFamily "
            + task.operatingSystemFamily() + "); remove it");
      }
    }
    tags();
  }

  private boolean linux() {
    return task.operatingSystemFamily() == null || task.operatingSystemFamily().equals(TaskRequirements.LINUX);
  }

  private void container(int index, Container c) {
    String at = "containerDefinitions[" + index + "]";
    if (c.name() != null) {
      name(at + ".name", c.name(), "container name");
    }
    if (c.image() != null) {
      image(at + ".image", c.image());
    }
    for (int j = 0; j < c.dependsOn().size(); j++) {
      dependency(at + ".dependsOn[" + j + "]", c.dependsOn().get(j));
    }
    if (c.healthCheck() != null) {
      healthCheck(at + ".healthCheck", c.healthCheck());
    }
    ports(at, c);
    for (int j = 0; j < c.resourceRequirements().size(); j++) {
      resource(at + ".resourceRequirements[" + j + "]", c.resourceRequirements().get(j));
    }
    if (c.linuxParameters() != null) {
      linuxParameters(at + ".linuxParameters", c.linuxParameters());
    }
    if (task.networkMode() == NetworkMode.AWSVPC) {
      // ContainerDefinition: "not supported ... for tasks that use the awsvpc network mode".
      if (c.hostname() != null) {
        problem(at + ".hostname", "not supported in awsvpc network mode (the task's network interface has its own"
            + " DNS name); remove it");
      }
      awsvpcUnsupported(at + ".dnsServers", c.dnsServers());
      awsvpcUnsupported(at + ".dnsSearchDomains", c.dnsSearchDomains());
      awsvpcUnsupported(at + ".extraHosts", c.extraHosts());
    }
  }

  private void awsvpcUnsupported(String path, boolean given) {
    if (given) {
      problem(path, "not supported in awsvpc network mode (the task uses the VPC's DNS); remove it");
    }
  }

  private void name(String path, String name, String what) {
    if (!NAME.matcher(name).matches()) {
      problem(path, "\"" + name + "\" is not a valid " + what + "; ECS allows 1 to 255 letters, digits, underscores"
          + " and hyphens");
    }
  }

  private void image(String path, String image) {
    Matcher placeholder = PLACEHOLDER.matcher(image);
    if (placeholder.find()) {
      problem(path, "\"" + image + "\" is an unfilled template placeholder (" + placeholder.group() + "); put the"
          + " image reference there, e.g. \"public.ecr.aws/nginx/nginx:1.27\" or \"ecr://web:1.4.2\"");
      return;
    }
    String before = image;
    int at = image.indexOf('@');
    if (at >= 0) {
      before = image.substring(0, at);
      String digest = image.substring(at + 1);
      if (!DIGEST.matcher(digest).matches()) {
        problem(path, "\"" + image + "\" has digest \"" + digest + "\"; ECS accepts sha256: followed by 64"
            + " hexadecimal digits");
        return;
      }
    }
    if (!IMAGE.matcher(before).matches()) {
      String what = before.isEmpty() ? "is empty"
          : before.length() > 255 ? "is " + before.length() + " characters long"
          : "contains '" + firstInvalid(before) + "'";
      problem(path, "\"" + image + "\" " + what + "; ECS accepts image references of up to 255 letters, digits,"
          + " hyphens, underscores, colons, periods, forward slashes and number signs, optionally followed by"
          + " @sha256:<digest>");
    }
  }

  private static String firstInvalid(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!IMAGE.matcher(String.valueOf(text.charAt(i))).matches()) {
        return text.charAt(i) == ' ' ? " " : String.valueOf(text.charAt(i));
      }
    }
    return "";
  }

  /** ContainerDependency: COMPLETE and SUCCESS wait for the container to exit, so it cannot be essential. */
  private void dependency(String path, TaskDefinitionView.Dependency dependency) {
    String condition = dependency.condition();
    if (!"COMPLETE".equals(condition) && !"SUCCESS".equals(condition)) {
      return;
    }
    for (int i = 0; i < task.containers().size(); i++) {
      Container target = task.containers().get(i);
      if (target.name() != null && target.name().equals(dependency.containerName()) && target.essential()) {
        problem(path + ".condition", condition + " waits for container '" + target.name() + "' to exit, but it is"
            + " essential (essential defaults to true), and ECS rejects " + condition + " on an essential container;"
            + " set containerDefinitions[" + i + "].essential to false, or use START or HEALTHY");
        return;
      }
    }
  }

  private void healthCheck(String path, HealthCheck check) {
    List<String> command = check.command();
    if (command.isEmpty() || !command.get(0).equals("CMD") && !command.get(0).equals("CMD-SHELL")) {
      problem(path + ".command", "must start with \"CMD\" (run the arguments directly) or \"CMD-SHELL\" (run them"
          + " with the container's shell), got " + (command.isEmpty() ? "an empty list" : "\"" + command.get(0) + "\"")
          + "; e.g. [\"CMD-SHELL\", \"curl -f http://localhost/ || exit 1\"]");
    } else if (command.size() < 2) {
      problem(path + ".command", "\"" + command.get(0) + "\" needs the command to run after it");
    }
    range(path + ".interval", check.interval(), INTERVAL, " seconds (default 30)");
    range(path + ".timeout", check.timeout(), TIMEOUT, " seconds (default 5)");
    range(path + ".retries", check.retries(), RETRIES, " (default 3)");
    range(path + ".startPeriod", check.startPeriod(), START_PERIOD, " seconds (default: none)");
  }

  private void range(String path, Integer value, int[] bounds, String unit) {
    if (value != null && (value < bounds[0] || value > bounds[1])) {
      problem(path, value + " is outside what ECS allows, " + bounds[0] + " to " + bounds[1] + unit);
    }
  }

  private void ports(String at, Container c) {
    for (int j = 0; j < c.portMappings().size(); j++) {
      PortMapping pm = c.portMappings().get(j);
      String path = at + ".portMappings[" + j + "]";
      if (pm.containerPort() != null && (pm.containerPort() < 1 || pm.containerPort() > 65535)) {
        problem(path + ".containerPort", pm.containerPort() + " is not a port; ECS allows 1 to 65535");
      }
      if (pm.hostPort() != null && (pm.hostPort() < 0 || pm.hostPort() > 65535)) {
        problem(path + ".hostPort", pm.hostPort() + " is not a port; ECS allows 0 (a dynamic port) to 65535");
      }
      if (pm.containerPortRange() != null) {
        portRange(path, pm);
      }
    }
  }

  /** PortMapping.containerPortRange: "start-end" within 1-65535; no containerPort or hostPort beside it. */
  private void portRange(String path, PortMapping pm) {
    Matcher m = PORT_RANGE.matcher(pm.containerPortRange());
    if (!m.matches() || Long.parseLong(m.group(1)) < 1 || Long.parseLong(m.group(2)) > 65535
        || Long.parseLong(m.group(1)) >= Long.parseLong(m.group(2))) {
      problem(path + ".containerPortRange", "\"" + pm.containerPortRange() + "\" is not a port range; ECS expects"
          + " \"<first>-<last>\" with 1 <= first < last <= 65535, e.g. \"8000-8010\"");
    }
    if (pm.containerPort() != null) {
      problem(path + ".containerPort", "not allowed beside containerPortRange; give one or the other");
    }
    if (pm.hostPort() != null) {
      problem(path + ".hostPort", "not allowed with containerPortRange: ECS assigns the host port range");
    }
    if (task.networkMode() != NetworkMode.BRIDGE && task.networkMode() != NetworkMode.AWSVPC) {
      problem(path + ".containerPortRange", "works only in bridge and awsvpc network modes; this task uses "
          + task.networkMode().apiValue());
    }
  }

  private void resource(String path, ResourceRequirement requirement) {
    if ("InferenceAccelerator".equals(requirement.type())) {
      problem(path + ".type", "InferenceAccelerator must name a device of the task's inferenceAccelerators, which"
          + " this tool does not support; remove it");
      return;
    }
    if (!"GPU".equals(requirement.type())) {
      return;
    }
    if (requirement.value() == null || !requirement.value().matches("[1-9][0-9]{0,3}")) {
      problem(path + ".value", "\"" + requirement.value() + "\" is not a number of GPUs; ECS expects a whole number"
          + " of at least 1, as a string such as \"1\"");
    }
    if (!linux()) {
      problem(path, "GPUs are not supported for Windows containers (runtimePlatform.operatingSystemFamily "
          + task.operatingSystemFamily() + ")");
    }
  }

  private void linuxParameters(String path, LinuxParameters p) {
    if (p.swappiness() != null && (p.swappiness() < 0 || p.swappiness() > 100)) {
      problem(path + ".swappiness", p.swappiness() + " is outside what ECS allows, 0 to 100");
    }
    if (p.maxSwap() != null && p.maxSwap() < 0) {
      problem(path + ".maxSwap", p.maxSwap() + " MiB is negative; ECS allows 0 (no swap) or more");
    }
    if (p.sharedMemorySize() != null && p.sharedMemorySize() < 1) {
      problem(path + ".sharedMemorySize", p.sharedMemorySize() + " MiB; the /dev/shm size must be at least 1");
    }
    for (int i = 0; i < p.tmpfsSizes().size(); i++) {
      Integer size = p.tmpfsSizes().get(i);
      if (size != null && size < 1) {
        problem(path + ".tmpfs[" + i + "].size", size + " MiB; a tmpfs mount must be at least 1 MiB");
      }
    }
  }

  /** Task-level sizes bound the containers' (ContainerDefinition cpu and memoryReservation). */
  private void sizes() {
    if (task.cpu() != null) {
      int sum = task.containers().stream().mapToInt(c -> c.cpu() == null ? 0 : c.cpu()).sum();
      if (sum > task.cpu()) {
        problem("cpu", "the containers reserve " + sum + " CPU units together, more than the task's " + task.cpu()
            + "; raise cpu or lower the containers' cpu");
      }
    }
    if (task.memory() != null) {
      int sum = task.containers().stream().mapToInt(c -> c.memoryReservation() != null ? c.memoryReservation()
          : c.memory() != null ? c.memory() : 0).sum();
      if (sum > task.memory()) {
        problem("memory", "the containers reserve " + sum + " MiB together (memoryReservation, else memory), more"
            + " than the task's " + task.memory() + " MiB; raise memory or lower the containers' reservations");
      }
    }
    if (task.requestBytes() > MAX_REQUEST_BYTES) {
      problem("containerDefinitions", "the task definition is " + task.requestBytes() + " bytes as JSON, more than"
          + " the " + MAX_REQUEST_BYTES + " (64 KiB) ECS registers; move large values (environment, commands) into"
          + " environmentFiles, secrets or the image");
    }
  }

  private void tags() {
    if (task.tags().size() > MAX_TAGS) {
      problem("tags", task.tags().size() + " tags; ECS allows " + MAX_TAGS + " per task definition");
    }
    for (int i = 0; i < task.tags().size(); i++) {
      TaskDefinitionView.Tag tag = task.tags().get(i);
      String path = "tags[" + i + "]";
      if (tag.key() == null || tag.key().isEmpty() || tag.key().codePointCount(0, tag.key().length()) > MAX_TAG_KEY) {
        problem(path + ".key", "a tag key has 1 to " + MAX_TAG_KEY + " characters, got "
            + (tag.key() == null ? "none" : tag.key().codePointCount(0, tag.key().length())));
      } else if (tag.key().toLowerCase(Locale.ROOT).startsWith("aws:")) {
        problem(path + ".key", "\"" + tag.key() + "\" starts with aws:, a prefix AWS keeps for its own tags");
      }
      if (tag.value() != null && tag.value().codePointCount(0, tag.value().length()) > MAX_TAG_VALUE) {
        problem(path + ".value", "a tag value has at most " + MAX_TAG_VALUE + " characters, got "
            + tag.value().codePointCount(0, tag.value().length()));
      }
    }
  }

  private void problem(String path, String message) {
    problems.add(file + ": " + path + ": " + message);
  }
}

package dev.deepdive.ecs.app.config;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads and checks a service's {@code loadBalancer} object into a {@link ServiceLoadBalancerConfig}.
 *
 * <p>Condition limits are the Application Load Balancer's
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-rules.html): at most three
 * values per condition and five per rule; CloudFormation would otherwise fail halfway through a deploy.
 */
final class ServiceLoadBalancerSection {
  static final List<String> FIELDS = List.of("container", "containerPort", "pathPatterns", "hostHeaders",
      "priority", "healthCheck", "deregistrationDelaySeconds");

  private static final Pattern CONTAINER = Pattern.compile("[A-Za-z0-9_-]{1,255}");
  private static final IntRange CONTAINER_PORT = IntRange.between(1, 65535);
  private static final IntRange PRIORITY = IntRange.between(1, 50000);
  private static final IntRange DEREGISTRATION_DELAY = IntRange.between(0, 3600);
  private static final int MAX_VALUES_PER_CONDITION = 3;
  private static final int MAX_VALUES_PER_RULE = 5;
  private static final int MAX_VALUE_CHARS = 128;
  /** The characters a path-pattern condition accepts, '*' and '?' being wildcards. */
  private static final Pattern PATH_PATTERN = Pattern.compile("/[A-Za-z0-9_.$/~\"'@:+&*?-]*");
  private static final Pattern HOST_HEADER = Pattern.compile("[A-Za-z0-9.*?-]+");

  /**
   * What was read: the values the cross-service checks compare, each present when valid on its own, so that a
   * clash is reported even when the service has other mistakes.
   *
   * @param priorityDefaulted true when the file left the priority out
   */
  record Read(
      Optional<Integer> priority,
      boolean priorityDefaulted,
      Optional<ListenerRuleConditions> conditions,
      Optional<ServiceLoadBalancerConfig> config) {}

  private ServiceLoadBalancerSection() {}

  /** @param index the service's position in {@code services}, which sets the default priority */
  static Read read(ObjectFields fields, int index) {
    Problems problems = fields.problems();
    int before = problems.count();

    Optional<String> container = fields.requiredString("container").filter(name -> TextChecks.matches(name,
        CONTAINER, problems, fields.path("container"), "not a container name, got %s; expected 1 to 255 letters,"
            + " digits, '-' and '_', the name of a container in the task definition"));
    Optional<Integer> containerPort = fields.requiredInt("containerPort", CONTAINER_PORT);
    Optional<ListenerRuleConditions> conditions = conditions(fields);
    Optional<Integer> priority = priority(fields, index);
    Optional<HealthCheckConfig> healthCheck = HealthCheckSection.read(fields, "healthCheck");
    Optional<Integer> deregistrationDelay = fields.optionalInt(
        "deregistrationDelaySeconds", ConfigDefaults.DEREGISTRATION_DELAY_SECONDS, DEREGISTRATION_DELAY);

    Optional<ServiceLoadBalancerConfig> config = Optional.empty();
    if (problems.count() == before) {
      config = Optional.of(new ServiceLoadBalancerConfig(container.orElseThrow(), containerPort.orElseThrow(),
          conditions.orElseThrow().pathPatterns(), conditions.orElseThrow().hostHeaders(), priority.orElseThrow(),
          healthCheck.orElseThrow(), deregistrationDelay.orElseThrow()));
    }
    return new Read(priority, !fields.has("priority"), conditions, config);
  }

  private static Optional<Integer> priority(ObjectFields fields, int index) {
    if (fields.has("priority")) {
      return fields.requiredInt("priority", PRIORITY);
    }
    int priority = ConfigDefaults.listenerRulePriority(index);
    if (priority > PRIORITY.max()) {
      fields.problems().at(fields.path("priority"), "the default priority ("
          + ConfigDefaults.LISTENER_RULE_PRIORITY_STEP + " x position) is above " + PRIORITY.max() + ", got "
          + priority + "; give a priority of 1 to " + PRIORITY.max());
      return Optional.empty();
    }
    return Optional.of(priority);
  }

  /** Both lists, each empty when absent; empty when either is invalid or both are missing. */
  private static Optional<ListenerRuleConditions> conditions(ObjectFields fields) {
    Problems problems = fields.problems();
    int before = problems.count();
    Optional<List<String>> paths = fields.optionalStringList("pathPatterns")
        .filter(list -> valuesValid(list, fields, "pathPatterns", "path patterns", "hostHeaders"));
    paths.ifPresent(list -> eachValid(list, fields, "pathPatterns", PATH_PATTERN, "must start with '/' and hold"
        + " only letters, digits and _ - . $ / ~ \" ' @ : + & * ?, got %s; e.g. \"/api/*\""));
    Optional<List<String>> hosts = fields.optionalStringList("hostHeaders")
        .filter(list -> valuesValid(list, fields, "hostHeaders", "host names", "pathPatterns"));
    hosts.ifPresent(list -> eachValid(list, fields, "hostHeaders", HOST_HEADER, "not a host name, got %s;"
        + " expected letters, digits, '-', '.' and the wildcards '*' and '?', e.g. \"web.example.com\""));
    if (!fields.has("pathPatterns") && !fields.has("hostHeaders")) {
      problems.at(fields.path(), "needs pathPatterns, hostHeaders or both for its listener rule, got neither;"
          + " e.g. \"pathPatterns\": [\"/*\"]");
    }
    if (problems.count() > before) {
      return Optional.empty();
    }
    List<String> pathList = paths.orElse(List.of());
    List<String> hostList = hosts.orElse(List.of());
    if (pathList.size() + hostList.size() > MAX_VALUES_PER_RULE) {
      problems.at(fields.path(), "must have at most " + MAX_VALUES_PER_RULE + " path patterns and"
          + " host names together (the most an Application Load Balancer rule evaluates), got " + pathList.size()
          + " + " + hostList.size());
      return Optional.empty();
    }
    return Optional.of(new ListenerRuleConditions(pathList, hostList));
  }

  private static boolean valuesValid(List<String> values, ObjectFields fields, String name, String what,
      String other) {
    JsonPath at = fields.path(name);
    if (values.isEmpty()) {
      fields.problems().at(at, "must list 1 to " + MAX_VALUES_PER_CONDITION + " " + what + ", got an empty list;"
          + " leave " + name + " out to route by " + other + " alone");
      return false;
    }
    if (values.size() > MAX_VALUES_PER_CONDITION) {
      fields.problems().at(at, "must list at most " + MAX_VALUES_PER_CONDITION + " " + what + " (the most an"
          + " Application Load Balancer condition matches), got " + values.size());
      return false;
    }
    return true;
  }

  private static void eachValid(List<String> values, ObjectFields fields, String name, Pattern pattern,
      String message) {
    for (int i = 0; i < values.size(); i++) {
      JsonPath at = fields.path(name).index(i);
      String value = values.get(i);
      if (TextChecks.matches(value, pattern, fields.problems(), at, message)) {
        TextChecks.atMost(value, MAX_VALUE_CHARS, fields.problems(), at, "the longest condition value");
      }
    }
  }
}

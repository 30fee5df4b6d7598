package dev.deepdive.ecs.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads and checks the {@code services} list into {@link ServiceConfig}s: each service's own fields here, its
 * objects in their section readers, and the rules between services in {@link ServiceListChecks}.
 */
final class ServicesSection {
  static final List<String> FIELDS = List.of("name", "taskDefinition", "desiredCount", "loadBalancer", "deployment",
      "healthCheckGracePeriodSeconds", "placement", "taskRole", "logRetentionDays", "autoScaling",
      "enableExecuteCommand");

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");
  private static final Pattern TASK_DEFINITION = Pattern.compile("[A-Za-z0-9._-]+\\.json");
  private static final IntRange DESIRED_COUNT = IntRange.between(0, 1000);
  private static final IntRange GRACE_PERIOD = IntRange.between(0, Integer.MAX_VALUE);
  /** The values CloudWatch Logs accepts for a log group's retention (PutRetentionPolicy). */
  static final List<Integer> LOG_RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,
      731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);
  private static final IntRange ANY_INT = IntRange.between(Integer.MIN_VALUE, Integer.MAX_VALUE);

  /**
   * One service as read: the values the cross-service checks compare, each present when valid on its own.
   *
   * @param loadBalancer present when the service has a readable {@code loadBalancer} object
   */
  record Read(
      JsonPath path,
      Optional<String> name,
      Optional<ServiceLoadBalancerSection.Read> loadBalancer,
      Optional<ServiceConfig> config) {}

  private ServicesSection() {}

  /**
   * The services in file order (empty when absent), or empty when anything is invalid.
   *
   * @param taskDefinitionsDir where task definition files live, named in messages
   */
  static Optional<List<ServiceConfig>> read(ObjectFields top, String name, Path taskDefinitionsDir) {
    if (!top.has(name)) {
      return Optional.of(List.of());
    }
    Problems problems = top.problems();
    int before = problems.count();
    Optional<List<JsonNode>> items = top.optionalList(name, "service objects");
    if (items.isEmpty()) {
      return Optional.empty();
    }
    List<Read> services = new ArrayList<>();
    for (int i = 0; i < items.get().size(); i++) {
      services.add(service(items.get().get(i), top.path(name).index(i), i, problems, taskDefinitionsDir));
    }
    ServiceListChecks.check(services, problems);
    if (problems.count() > before) {
      return Optional.empty();
    }
    return Optional.of(services.stream().map(service -> service.config().orElseThrow()).toList());
  }

  private static Read service(JsonNode node, JsonPath at, int index, Problems problems, Path taskDefinitionsDir) {
    Optional<ObjectFields> opened = ObjectFields.open(node, at, problems, FIELDS);
    if (opened.isEmpty()) {
      return new Read(at, Optional.empty(), Optional.empty(), Optional.empty());
    }
    ObjectFields fields = opened.get();
    int before = problems.count();

    Optional<String> name = fields.requiredString("name").filter(value -> TextChecks.matches(value, NAME, problems,
        fields.path("name"), "must start with a lowercase letter and hold only lowercase letters, digits and '-',"
            + " at most 32 characters, got %s; it is the ECS service name people type"));
    Optional<String> taskDefinition = fields.requiredString("taskDefinition").filter(value -> TextChecks.matches(
        value, TASK_DEFINITION, problems, fields.path("taskDefinition"), "not a task definition file name, got %s;"
            + " expected the name of a .json file in " + taskDefinitionsDir + ", such as \"web.json\": letters,"
            + " digits, '.', '_' and '-', no folders"));
    boolean scaled = fields.has("autoScaling");
    Optional<Integer> desiredCount = scaled ? Optional.empty() : fields.requiredInt("desiredCount", DESIRED_COUNT);
    Optional<ServiceLoadBalancerSection.Read> loadBalancer = fields
        .optionalObject("loadBalancer", ServiceLoadBalancerSection.FIELDS)
        .map(lb -> ServiceLoadBalancerSection.read(lb, index));
    Optional<AutoScalingConfig> autoScaling = AutoScalingSection.read(fields, "autoScaling",
        fields.has("loadBalancer"), fields.has("desiredCount"));
    if (scaled) {
      desiredCount = autoScaling.map(AutoScalingConfig::minCount);
    }
    Optional<DeploymentConfig> deployment = DeploymentSection.read(fields, "deployment",
        autoScaling.isPresent() ? Optional.of(DeploymentSection.Counts.scaled(autoScaling.get().minCount(),
            autoScaling.get().maxCount())) : desiredCount.map(DeploymentSection.Counts::fixed));
    Optional<Boolean> exec = fields.optionalBoolean("enableExecuteCommand", ConfigDefaults.ENABLE_EXECUTE_COMMAND);
    Optional<Integer> gracePeriod = gracePeriod(fields);
    Optional<PlacementConfig> placement = PlacementSection.read(fields, "placement");
    Optional<List<PolicyStatementConfig>> statements = TaskRoleSection.read(fields, "taskRole");
    Optional<Integer> logRetention = fields.optionalInt("logRetentionDays", ConfigDefaults.LOG_RETENTION_DAYS, ANY_INT)
        .filter(days -> retentionValid(days, fields));

    Optional<ServiceConfig> config = Optional.empty();
    if (problems.count() == before) {
      Optional<ServiceLoadBalancerConfig> lbConfig = loadBalancer.flatMap(ServiceLoadBalancerSection.Read::config);
      config = Optional.of(new ServiceConfig(name.orElseThrow(), taskDefinition.orElseThrow(),
          desiredCount.orElseThrow(), lbConfig, deployment.orElseThrow(),
          lbConfig.isPresent() ? gracePeriod : Optional.empty(), placement.orElseThrow(), statements.orElseThrow(),
          logRetention.orElseThrow(), autoScaling, exec.orElseThrow(), at.toString()));
    }
    return new Read(at, name, loadBalancer, config);
  }

  /**
   * The grace period delays load balancer health checks after a task starts; a service without a load
   * balancer has nothing for it to delay, so it is rejected rather than silently dropped.
   */
  private static Optional<Integer> gracePeriod(ObjectFields fields) {
    String name = "healthCheckGracePeriodSeconds";
    Optional<Integer> seconds =
        fields.optionalInt(name, ConfigDefaults.HEALTH_CHECK_GRACE_PERIOD_SECONDS, GRACE_PERIOD);
    if (seconds.isPresent() && fields.has(name) && !fields.has("loadBalancer")) {
      fields.problems().at(fields.path(name), "only allowed on a service with a loadBalancer, got " + seconds.get()
          + "; it delays load balancer health checks, so remove it or add a loadBalancer");
      return Optional.empty();
    }
    return seconds;
  }

  private static boolean retentionValid(int days, ObjectFields fields) {
    if (LOG_RETENTION_DAYS.contains(days)) {
      return true;
    }
    fields.problems().at(fields.path("logRetentionDays"), "not a CloudWatch Logs retention period, got " + days
        + "; allowed: " + LOG_RETENTION_DAYS.stream().map(String::valueOf).collect(Collectors.joining(", ")));
    return false;
  }
}

package dev.deepdive.ecs.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;

/**
 * The rules of {@code services} that a JSON Schema cannot state: within a service (grace period, listener rule,
 * health check, deployment, placement constraints, task role) and between services (names, listener rule
 * priorities and conditions are unique, because the load balancer would never send a request to the second of two
 * rules that match the same requests). A clash is reported on the later service, naming the earlier one.
 */
final class ServiceRules {
  private static final JsonPath SERVICES = JsonPath.root().field("services");
  private static final int MAX_PRIORITY = 50000;
  /** The most values an Application Load Balancer rule evaluates, its conditions together. */
  private static final int MAX_VALUES_PER_RULE = 5;
  /** What an Application Load Balancer accepts as success codes. */
  private static final int MIN_CODE = 200;
  private static final int MAX_CODE = 499;
  private static final int MIN_REASON_CHARS = 10;
  private static final String DISTINCT_INSTANCE = "distinctInstance";

  private final CheckedValues values;
  private final Problems problems;

  private ServiceRules(CheckedValues values) {
    this.values = values;
    this.problems = values.problems();
  }

  static void check(CheckedValues values) {
    ServiceRules rules = new ServiceRules(values);
    int count = values.size(SERVICES);
    for (int i = 0; i < count; i++) {
      rules.service(SERVICES.index(i));
    }
    rules.unique(count);
  }

  private void service(JsonPath at) {
    if (daemon(at)) {
      daemonService(at);
      return;
    }
    gracePeriodNeedsALoadBalancer(at);
    JsonPath lb = at.field("loadBalancer");
    if (values.given(lb)) {
      defaultPriorityInRange(lb);
      conditionsFitOneRule(lb);
      timeoutBelowInterval(lb.field("healthCheck"));
      healthyCodes(lb.field("healthCheck").field("healthyHttpCodes"));
    }
    countOwner(at);
    deploymentCanProgress(at);
    JsonPath scaling = at.field("autoScaling");
    if (values.given(scaling)) {
      autoScaling(scaling, values.given(lb));
    }
    JsonPath constraints = at.field("placement").field("constraints");
    for (int i = 0; i < values.size(constraints); i++) {
      expressionFitsTheType(constraints.index(i));
    }
    taskRole(at.field("taskRole"));
  }

  /** The statements of a task role, a service's or a task's ({@link TaskRules}): wildcards justified, and only then. */
  static void taskRole(CheckedValues values, JsonPath taskRole) {
    new ServiceRules(values).taskRole(taskRole);
  }

  private void taskRole(JsonPath taskRole) {
    JsonPath statements = taskRole.field("statements");
    for (int i = 0; i < values.size(statements); i++) {
      wildcardsJustified(statements.index(i));
    }
  }

  /** True for a service whose schedulingStrategy is DAEMON (as written and valid). */
  private boolean daemon(JsonPath service) {
    JsonPath at = service.field("schedulingStrategy");
    return values.given(at) && values.text(at).filter(SchedulingStrategy.DAEMON.name()::equals).isPresent();
  }

  /**
   * A DAEMON service runs one task on every container instance
   * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_service-options.html): the fields that size,
   * scale, route or spread a replica service do not apply, ECS refuses a placement strategy for it, and its
   * deployment replaces the task on each instance in place (maximumPercent 100, minimumHealthyPercent below it).
   */
  private void daemonService(JsonPath service) {
    notOnADaemon(service.field("desiredCount"), "ECS runs one task on every container instance; remove desiredCount,"
        + " or make it a REPLICA service");
    notOnADaemon(service.field("autoScaling"), "ECS runs one task on every container instance, so the number of"
        + " instances sets its count; scale the capacity instead");
    notOnADaemon(service.field("loadBalancer"), "daemons are agents (log routers, metrics, security); a service that"
        + " takes traffic is a REPLICA service");
    notOnADaemon(service.field("healthCheckGracePeriodSeconds"), "it delays load balancer health checks, and a"
        + " DAEMON service takes no load balancer");
    notOnADaemon(service.field("placement").field("strategy"), "ECS places one task on every instance and refuses a"
        + " placement strategy; keep constraints to choose the instances");
    JsonPath deployment = service.field("deployment");
    JsonPath maximumAt = deployment.field("maximumPercent");
    values.integer(maximumAt).filter(m -> m != ConfigDefaults.DAEMON_MAXIMUM_PERCENT).ifPresent(m -> problems.at(
        maximumAt, "must be " + ConfigDefaults.DAEMON_MAXIMUM_PERCENT + " for a DAEMON service, got " + m + "; an"
            + " instance runs one copy, so ECS stops the old task before it starts the new one"));
    JsonPath minimumAt = deployment.field("minimumHealthyPercent");
    values.integer(minimumAt).filter(m -> m >= ConfigDefaults.DAEMON_MAXIMUM_PERCENT).ifPresent(m -> problems.at(
        minimumAt, "must be below " + ConfigDefaults.DAEMON_MAXIMUM_PERCENT + " for a DAEMON service, got " + m
            + "; with maximumPercent 100 ECS could never stop an old task to start a new one"));
    JsonPath constraints = service.field("placement").field("constraints");
    for (int i = 0; i < values.size(constraints); i++) {
      expressionFitsTheType(constraints.index(i));
    }
    taskRole(service.field("taskRole"));
  }

  private void notOnADaemon(JsonPath at, String why) {
    if (values.given(at)) {
      values.valid(at).ifPresent(value -> problems.at(at, "not allowed on a DAEMON service, got "
          + Shown.typed(value) + "; " + why));
    }
  }

  /**
   * The grace period delays load balancer health checks after a task starts; a service without a load balancer has
   * nothing for it to delay, so it is rejected rather than silently dropped.
   */
  private void gracePeriodNeedsALoadBalancer(JsonPath service) {
    JsonPath at = service.field("healthCheckGracePeriodSeconds");
    if (values.given(at) && !values.given(service.field("loadBalancer"))) {
      values.integer(at).ifPresent(seconds -> problems.at(at, "only allowed on a service with a loadBalancer, got "
          + seconds + "; it delays load balancer health checks, so remove it or add a loadBalancer"));
    }
  }

  private void defaultPriorityInRange(JsonPath lb) {
    JsonPath at = lb.field("priority");
    if (!values.given(at)) {
      values.integer(at).filter(priority -> priority > MAX_PRIORITY).ifPresent(priority -> problems.at(at,
          "the default priority (" + ConfigDefaults.LISTENER_RULE_PRIORITY_STEP + " x position) is above "
              + MAX_PRIORITY + ", got " + priority + "; give a priority of 1 to " + MAX_PRIORITY));
    }
  }

  /**
   * The Application Load Balancer's limits
   * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-rules.html): five values per rule
   * (the schema holds each condition to three); CloudFormation would otherwise fail halfway through a deploy.
   */
  private void conditionsFitOneRule(JsonPath lb) {
    Optional<ListenerRuleConditions> conditions = conditions(lb);
    conditions.filter(c -> c.pathPatterns().size() + c.hostHeaders().size() > MAX_VALUES_PER_RULE)
        .ifPresent(c -> problems.at(lb, "must have at most " + MAX_VALUES_PER_RULE + " path patterns and host names"
            + " together (the most an Application Load Balancer rule evaluates), got " + c.pathPatterns().size()
            + " + " + c.hostHeaders().size()));
  }

  /** Both condition lists of a service's rule, when each is valid (or absent) and at least one is there. */
  private Optional<ListenerRuleConditions> conditions(JsonPath lb) {
    JsonPath paths = lb.field("pathPatterns");
    JsonPath hosts = lb.field("hostHeaders");
    if (!values.given(paths) && !values.given(hosts)) {
      return Optional.empty();
    }
    Optional<List<String>> pathList = values.given(paths) ? values.valid(paths).map(ServiceRules::texts)
        : Optional.of(List.of());
    Optional<List<String>> hostList = values.given(hosts) ? values.valid(hosts).map(ServiceRules::texts)
        : Optional.of(List.of());
    if (pathList.isEmpty() || hostList.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ListenerRuleConditions(pathList.get(), hostList.get()));
  }

  /**
   * A probe that may take as long as the interval overlaps the next one; the load balancer refuses it
   * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html).
   */
  private void timeoutBelowInterval(JsonPath healthCheck) {
    JsonPath intervalAt = healthCheck.field("intervalSeconds");
    JsonPath timeoutAt = healthCheck.field("timeoutSeconds");
    Optional<Integer> interval = values.integer(intervalAt);
    Optional<Integer> timeout = values.integer(timeoutAt);
    if (interval.isEmpty() || timeout.isEmpty() || timeout.get() < interval.get()) {
      return;
    }
    if (values.given(timeoutAt)) {
      String intervalShown = values.given(intervalAt) ? interval.get() + "" : interval.get() + ", the default";
      problems.at(timeoutAt, "must be less than intervalSeconds (" + intervalShown + "), got " + timeout.get()
          + "; a probe must end before the next one starts");
    } else {
      problems.at(intervalAt, "must be greater than timeoutSeconds (" + timeout.get() + ", the default), got "
          + interval.get() + "; a probe must end before the next one starts");
    }
  }

  /** The schema checks the notation; the load balancer also wants low-to-high ranges of 200 to 499. */
  private void healthyCodes(JsonPath at) {
    values.text(at).ifPresent(codes -> {
      for (String part : codes.split(",")) {
        String[] bounds = part.split("-");
        int low = Integer.parseInt(bounds[0]);
        int high = Integer.parseInt(bounds[bounds.length - 1]);
        if (low < MIN_CODE || high > MAX_CODE) {
          problems.at(at, "codes must lie between " + MIN_CODE + " and " + MAX_CODE + ", got " + Shown.quoted(codes)
              + "; an Application Load Balancer accepts no others as healthy");
          return;
        }
        if (low > high) {
          problems.at(at, "a range must run from low to high, got " + Shown.quoted(part) + " in "
              + Shown.quoted(codes) + "; e.g. \"200-399\"");
          return;
        }
      }
    });
  }

  /**
   * ECS rounds {@code maximumPercent} of the desired count down and {@code minimumHealthyPercent} up
   * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html). When the first comes
   * out at the desired count and the second too, ECS may neither start a new task nor stop an old one, and a
   * deployment hangs until the circuit breaker or a person gives up.
   */
  /**
   * Either the file or Application Auto Scaling owns a service's count: desiredCount is required without
   * autoScaling and not allowed with it (a deploy would reset the count the scaler set).
   */
  private void countOwner(JsonPath service) {
    JsonPath at = service.field("desiredCount");
    boolean scaled = values.given(service.field("autoScaling"));
    if (!values.givenObject(service) || values.given(service.field("schedulingStrategy"))
        && values.valid(service.field("schedulingStrategy")).isEmpty()) {
      // An unreadable schedulingStrategy says nothing about whether desiredCount belongs: its own problem is enough.
      return;
    }
    if (!scaled && !values.given(at)) {
      problems.at(at, "required field is missing");
    } else if (scaled && values.given(at)) {
      values.valid(at).ifPresent(count -> problems.at(at, "not allowed with autoScaling, got " + Shown.typed(count)
          + "; the scaler owns the count between autoScaling.minCount and maxCount (a new service starts at"
          + " max(1, minCount)), so remove desiredCount"));
    }
  }

  /**
   * ECS must be able to start one new task or stop one old one within maximumPercent and minimumHealthyPercent
   * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html). With autoScaling a
   * deployment may start from any count the scaler can set, max(1, minCount) to maxCount; the first that hangs
   * is reported, one message is enough to fix the bounds.
   */
  private void deploymentCanProgress(JsonPath service) {
    JsonPath deployment = service.field("deployment");
    Optional<Integer> maximum = values.integer(deployment.field("maximumPercent"));
    Optional<Integer> minimum = values.integer(deployment.field("minimumHealthyPercent"));
    JsonPath scaling = service.field("autoScaling");
    int from;
    int to;
    String label;
    if (values.given(scaling)) {
      Optional<Integer> min = values.integer(scaling.field("minCount"));
      Optional<Integer> max = values.integer(scaling.field("maxCount"));
      if (min.isEmpty() || max.isEmpty()) {
        return;
      }
      from = Math.max(1, min.get());
      to = max.get();
      label = "a count autoScaling can set,";
    } else {
      Optional<Integer> desired = values.integer(service.field("desiredCount"));
      if (desired.isEmpty()) {
        return;
      }
      from = desired.get();
      to = desired.get();
      label = "desiredCount";
    }
    if (maximum.isEmpty() || minimum.isEmpty()) {
      return;
    }
    for (int count = Math.max(1, from); count <= to; count++) {
      if (hangs(deployment, maximum.get(), minimum.get(), count, label)) {
        return;
      }
    }
  }

  private boolean hangs(JsonPath deployment, int maximum, int minimum, int count, String label) {
    long mostRunning = Math.floorDiv((long) count * maximum, 100);
    long leastHealthy = Math.floorDiv((long) count * minimum + 99, 100);
    if (mostRunning > count || leastHealthy < count) {
      return false;
    }
    long maximumNeeded = Math.floorDiv((long) (count + 1) * 100 + count - 1, count);
    long minimumNeeded = Math.floorDiv((long) (count - 1) * 100, count);
    problems.at(deployment, "a deployment can never make progress, got maximumPercent " + maximum
        + " and minimumHealthyPercent " + minimum + " with " + label + " " + count + ": ECS may run at most "
        + (mostRunning == 1 ? "1 task" : mostRunning + " tasks") + " (rounded down) and must keep " + leastHealthy
        + " healthy (rounded up), so it can neither start a new task nor stop an old one; raise maximumPercent to at"
        + " least " + maximumNeeded + " or lower minimumHealthyPercent to at most " + minimumNeeded);
    return true;
  }

  /**
   * The rules of {@code autoScaling} the schema cannot state: bounds in order, requestsPerTarget only behind the
   * load balancer (it tracks ALBRequestCountPerTarget), scheduled action names unique within the service (they name
   * the actions of one scalable target), IANA time zones.
   * https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PutScheduledAction.html
   */
  private void autoScaling(JsonPath scaling, boolean loadBalanced) {
    boundsOrdered(scaling);
    JsonPath requests = scaling.field("targets").field("requestsPerTarget");
    if (values.given(requests) && !loadBalanced) {
      problems.at(requests, "only for a service with a loadBalancer: it tracks the load balancer's requests per"
          + " task; use cpuUtilization or memoryUtilization for this service");
    }
    JsonPath actions = scaling.field("scheduledActions");
    Set<String> names = new HashSet<>();
    for (int i = 0; i < values.size(actions); i++) {
      JsonPath action = actions.index(i);
      boundsOrdered(action);
      values.text(action.field("name")).filter(name -> !names.add(name)).ifPresent(name -> problems.at(
          action.field("name"), "duplicate scheduled action name " + Shown.quoted(name)
              + "; names must be unique within the service"));
      JsonPath zoneAt = action.field("timeZone");
      values.text(zoneAt).ifPresent(zone -> {
        try {
          ZoneId.of(zone);
        } catch (DateTimeException e) {
          problems.at(zoneAt, "not an IANA time zone, got " + Shown.quoted(zone)
              + "; e.g. \"Europe/Berlin\" or \"America/New_York\"");
        }
      });
    }
  }

  private void boundsOrdered(JsonPath at) {
    Optional<Integer> min = values.integer(at.field("minCount"));
    Optional<Integer> max = values.integer(at.field("maxCount"));
    if (values.given(at.field("maxCount")) && min.isPresent() && max.isPresent() && max.get() < min.get()) {
      problems.at(at.field("maxCount"), "must be at least minCount " + min.get() + ", got " + max.get());
    }
  }

  private void expressionFitsTheType(JsonPath constraint) {
    JsonPath at = constraint.field("expression");
    values.text(constraint.field("type")).ifPresent(type -> {
      if (type.equals(DISTINCT_INSTANCE)) {
        values.valid(at).ifPresent(expression -> problems.at(at, "not allowed for a distinctInstance constraint, got "
            + Shown.plain(expression) + "; remove it, or use type memberOf to place by an expression"));
      } else if (!values.given(at)) {
        problems.at(at, "required field is missing for a memberOf constraint; e.g. \"expression\":"
            + " \"attribute:ecs.instance-type =~ t3.*\"");
      }
    });
  }

  /**
   * A wildcard grant fails the security gate unless a reviewer can read why it is needed: the statement must say
   * so itself, and only then, so the reason always describes an actual wildcard.
   */
  private void wildcardsJustified(JsonPath statement) {
    Optional<List<String>> actions = values.valid(statement.field("actions")).map(ServiceRules::texts);
    Optional<List<String>> resources = values.valid(statement.field("resources")).map(ServiceRules::texts);
    JsonPath reasonAt = statement.field("wildcardReason");
    if (actions.isEmpty() || resources.isEmpty() || (values.given(reasonAt) && values.valid(reasonAt).isEmpty())) {
      return;
    }
    List<String> wildcards = new PolicyStatementConfig(actions.get(), resources.get(), Optional.empty()).wildcards();
    Optional<String> reason = values.text(reasonAt);
    if (!wildcards.isEmpty() && reason.map(String::strip).map(String::length).orElse(0) < MIN_REASON_CHARS) {
      problems.at(reasonAt, "required because the statement grants wildcards " + wildcards + ", got "
          + reason.map(Shown::quoted).orElse("none") + "; say in at least " + MIN_REASON_CHARS + " characters why a"
          + " finer grant will not do (reviewers see it as the security gate's suppression reason), or list exact"
          + " actions and ARNs");
    } else if (wildcards.isEmpty() && reason.isPresent()) {
      problems.at(reasonAt, "the statement grants no wildcard, got a reason; remove wildcardReason");
    }
  }

  /** Names, listener rule priorities and listener rule conditions are unique among the services. */
  private void unique(int count) {
    Map<String, JsonPath> byName = new HashMap<>();
    Map<Integer, JsonPath> byPriority = new HashMap<>();
    List<Map.Entry<JsonPath, ListenerRuleConditions>> routed = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      JsonPath service = SERVICES.index(i);
      values.text(service.field("name")).ifPresent(name -> {
        JsonPath other = byName.putIfAbsent(name, service);
        if (other != null) {
          problems.at(service.field("name"), "duplicate service name, got " + Shown.quoted(name)
              + ", also the name of " + other + "; each service of an environment needs its own name");
        }
      });
      JsonPath lb = service.field("loadBalancer");
      if (!values.given(lb)) {
        continue;
      }
      JsonPath priorityAt = lb.field("priority");
      values.integer(priorityAt).filter(priority -> priority <= MAX_PRIORITY).ifPresent(priority -> {
        JsonPath other = byPriority.putIfAbsent(priority, service);
        if (other != null) {
          problems.at(priorityAt, "duplicate listener rule priority, got " + priority
              + (values.given(priorityAt) ? "" : " (the default for " + service + ")")
              + ", also the priority of " + other + named(other) + "; give each load-balanced service its own"
              + " priority");
        }
      });
      conditions(lb).ifPresent(conditions -> {
        routed.stream()
            .filter(other -> other.getValue().sameAs(conditions))
            .findFirst()
            .ifPresent(other -> problems.at(lb, "same listener rule as " + other.getKey() + " ("
                + values.text(other.getKey().field("name")).map(n -> "'" + n + "': ").orElse("")
                + other.getValue().describe() + "); give one a hostHeaders or other pathPatterns"));
        routed.add(Map.entry(service, conditions));
      });
    }
  }

  private String named(JsonPath service) {
    return values.text(service.field("name")).map(name -> " ('" + name + "')").orElse("");
  }

  private static List<String> texts(JsonNode list) {
    List<String> texts = new ArrayList<>();
    list.forEach(item -> texts.add(item.textValue()));
    return texts;
  }
}

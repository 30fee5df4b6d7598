package dev.deepdive.ecs.ecsctl.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepdive.ecs.ecsctl.ops.TimeSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A local Amazon ECS endpoint for tests: JSON 1.1 protocol on 127.0.0.1, an ephemeral port.
 * Requests are {@code POST /} with {@code X-Amz-Target: AmazonEC2ContainerServiceV20141113.<Operation>};
 * errors are HTTP 400 (or 5xx) with {@code {"__type": "...", "message": "..."}}, as ECS sends them.
 *
 * <p>Draining is simulated from a {@link TimeSource}: after UpdateService sets desired 0, a service's tasks
 * stop evenly over its drain time; after DeleteService it is DRAINING, then INACTIVE after its inactive
 * delay. Faults can be injected per operation; every call is logged for asserting order.
 */
public final class FakeEcs extends FakeJsonEndpoint {
  static final String TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113.";
  static final String ACCOUNT = "123456789012";
  static final String REGION = "us-east-1";

  private final TimeSource time;
  private final Map<String, FakeCluster> clusters = new LinkedHashMap<>();
  private final List<FakeTaskDefinition> taskDefinitions = new ArrayList<>();
  private final FakeAutoScaling autoScaling;
  private final FakeLogs logs;

  private FakeEcs(TimeSource time) {
    super("fake-ecs", TARGET_PREFIX, null);
    this.time = time;
    this.autoScaling = new FakeAutoScaling(this);
    this.logs = new FakeLogs(this);
  }

  /** Starts a fake on an ephemeral port, its draining driven by {@code time}, with its two companions. */
  public static FakeEcs start(TimeSource time) {
    return new FakeEcs(time);
  }

  /** The Application Auto Scaling endpoint beside this ECS, sharing its clock and lock. */
  public FakeAutoScaling autoScaling() {
    return autoScaling;
  }

  /** The CloudWatch Logs endpoint beside this ECS, sharing its clock and lock. */
  public FakeLogs logs() {
    return logs;
  }

  @Override public void close() {
    super.close();
    autoScaling.close();
    logs.close();
  }

  // ---- set-up ------------------------------------------------------------------------------------------

  public synchronized FakeCluster cluster(String name) {
    return clusters.computeIfAbsent(name, n -> new FakeCluster(this, n));
  }

  /** Registers a new revision of {@code family}; returns it for further set-up. */
  public synchronized FakeTaskDefinition registerTaskDefinition(String family) {
    int revision = (int) taskDefinitions.stream().filter(t -> t.family.equals(family)).count() + 1;
    FakeTaskDefinition td = new FakeTaskDefinition(family, revision);
    taskDefinitions.add(td);
    return td;
  }

  /** The next {@code times} calls of {@code operation} fail with {@code fault}. */
  @Override public FakeEcs failNext(String operation, Fault fault, int times) {
    super.failNext(operation, fault, times);
    return this;
  }

  @Override protected long nowMillis() {
    return time.nanoTime() / 1_000_000;
  }

  double epochSeconds() {
    return time.now().toEpochMilli() / 1000.0;
  }

  long epochMillis() {
    return time.now().toEpochMilli();
  }

  /** The wall-clock epoch seconds of fake time {@code millis} (as ECS's JSON timestamps). */
  double epochSecondsAt(long millis) {
    return epochMillisAt(millis) / 1000.0;
  }

  /** The wall-clock epoch milliseconds of fake time {@code millis}. */
  public long epochMillisAt(long millis) {
    return time.now().toEpochMilli() - (nowMillis() - millis);
  }

  static String arn(String resource) {
    return "arn:aws:ecs:" + REGION + ":" + ACCOUNT + ":" + resource;
  }

  // ---- protocol ----------------------------------------------------------------------------------------

  @Override protected JsonNode dispatch(String operation, JsonNode request) {
    return switch (operation) {
        case "DescribeServices" -> describeServices(request);
        case "UpdateService" -> updateService(request);
        case "DeleteService" -> deleteService(request);
        case "ListServices" -> listServices(request);
        case "ListClusters" -> listClusters(request);
        case "DescribeClusters" -> describeClusters(request);
        case "ListTasks" -> listTasks(request);
        case "DescribeTasks" -> describeTasks(request);
        case "ListTaskDefinitionFamilies" -> listFamilies(request);
        case "ListTaskDefinitions" -> listTaskDefinitions(request);
        case "DescribeTaskDefinition" -> describeTaskDefinition(request);
        case "DeregisterTaskDefinition" -> deregisterTaskDefinition(request);
        case "ListContainerInstances" -> listContainerInstances(request);
        case "DescribeContainerInstances" -> describeContainerInstances(request);
        case "UpdateContainerInstancesState" -> updateContainerInstancesState(request);
        case "ExecuteCommand" -> executeCommand(request);
        case "RunTask" -> runTask(request);
        case "StartTask" -> startTask(request);
        case "StopTask" -> stopTask(request);
        default -> throw new ApiError("UnknownOperationException", "operation " + operation + " is not faked");
    };
  }

  // ---- container instances -----------------------------------------------------------------------------

  private FakeContainerInstance findInstance(FakeCluster cluster, String idOrArn) {
    return cluster.instances.get(lastSegment(idOrArn));
  }

  private JsonNode listContainerInstances(JsonNode request) {
    FakeCluster cluster = requireCluster(request);
    String status = request.path("status").asText(null);
    List<String> arns = cluster.instances.values().stream()
        .filter(i -> status == null || status.equals(i.status))
        .map(i -> i.arn).toList();
    return page(arns, request, "containerInstanceArns");
  }

  private JsonNode describeContainerInstances(JsonNode request) {
    return eachInstance(request, 100, instance -> null);
  }

  private JsonNode updateContainerInstancesState(JsonNode request) {
    String status = request.path("status").asText();
    if (!List.of("ACTIVE", "DRAINING").contains(status)) {
      throw new ApiError("InvalidParameterException", "Container instance status should be one of [ACTIVE, DRAINING].");
    }
    return eachInstance(request, 10, instance -> {
      if (!List.of("ACTIVE", "DRAINING").contains(instance.status)) {
        return "container instance is " + instance.status;
      }
      instance.setStatus(status, nowMillis());
      return null;
    });
  }

  /**
   * Answers a request naming at most {@code max} container instances: each found one is passed to {@code apply}
   * (which returns null when done, else why it refuses, reported as INVALID_STATE) and described; each unknown one
   * is a MISSING failure.
   */
  private JsonNode eachInstance(JsonNode request, int max,
      java.util.function.Function<FakeContainerInstance, String> apply) {
    FakeCluster cluster = requireCluster(request);
    JsonNode wanted = request.path("containerInstances");
    if (wanted.size() > max) {
      throw new ApiError("InvalidParameterException", "containerInstances can have at most " + max + " items.");
    }
    ObjectNode out = json.createObjectNode();
    ArrayNode found = out.putArray("containerInstances");
    ArrayNode failures = out.putArray("failures");
    for (JsonNode id : wanted) {
      FakeContainerInstance instance = findInstance(cluster, id.asText());
      String refused = instance == null ? null : apply.apply(instance);
      if (instance == null) {
        failures.addObject().put("arn", id.asText()).put("reason", "MISSING");
      } else if (refused != null) {
        failures.addObject().put("arn", instance.arn).put("reason", "INVALID_STATE").put("detail", refused);
      } else {
        found.add(instance.toJson(json, nowMillis()));
      }
    }
    return out;
  }

  private JsonNode executeCommand(JsonNode request) {
    FakeCluster cluster = requireCluster(request);
    String taskId = lastSegment(request.path("task").asText());
    FakeTask task = cluster.tasks.stream().filter(t -> t.id.equals(taskId)).findFirst()
        .orElseThrow(() -> new ApiError("InvalidParameterException", "The task provided in the request was not found."));
    if (!"RUNNING".equals(task.desiredStatus())) {
      throw new ApiError("InvalidParameterException", "The task provided in the request is not running.");
    }
    if (!task.execOn()) {
      throw new ApiError("InvalidParameterException", "The execute command failed because execute command was not"
          + " enabled when the task was run or the execute command agent isn't running. Wait and try again or run"
          + " a new task with execute command enabled and try again.");
    }
    if (!request.path("interactive").asBoolean(false)) {
      throw new ApiError("InvalidParameterException", "Interactive is the only mode supported currently.");
    }
    List<String> names = task.containerNames();
    String container = request.path("container").asText(null);
    if (container == null) {
      if (names.size() != 1) {
        throw new ApiError("InvalidParameterException", "The container name must be specified when the task has"
            + " more than one container.");
      }
      container = names.get(0);
    } else if (!names.contains(container)) {
      throw new ApiError("InvalidParameterException", "The container provided in the request was not found.");
    }
    ObjectNode out = json.createObjectNode();
    out.put("clusterArn", cluster.arn);
    out.put("taskArn", task.arn);
    out.put("containerName", container);
    out.put("containerArn", arn("container/" + cluster.name + "/" + task.id + "/" + container));
    out.put("interactive", true);
    ObjectNode session = out.putObject("session");
    session.put("sessionId", "ecs-execute-command-" + task.id);
    session.put("streamUrl", "wss://ssmmessages." + REGION + ".amazonaws.com/v1/data-channel/ecs-execute-command-"
        + task.id + "?role=publish_subscribe");
    session.put("tokenValue", "token-" + task.id);
    return out;
  }

  // ---- operations --------------------------------------------------------------------------------------

  private FakeCluster requireCluster(JsonNode request) {
    String name = lastSegment(request.path("cluster").asText("default"));
    FakeCluster cluster = clusters.get(name);
    if (cluster == null) {
      throw new ApiError("ClusterNotFoundException", "Cluster not found.");
    }
    return cluster;
  }

  private FakeService requireService(FakeCluster cluster, JsonNode request) {
    FakeService service = cluster.services.get(lastSegment(request.path("service").asText()));
    if (service == null) {
      throw new ApiError("ServiceNotFoundException", "Service not found.");
    }
    return service;
  }

  private JsonNode describeServices(JsonNode request) {
    FakeCluster cluster = requireCluster(request);
    JsonNode names = request.path("services");
    if (names.size() > 10) {
      throw new ApiError("InvalidParameterException", "services can have at most 10 items.");
    }
    boolean tags = false;
    for (JsonNode field : request.path("include")) {
      tags |= "TAGS".equals(field.asText());
    }
    ObjectNode out = json.createObjectNode();
    ArrayNode services = out.putArray("services");
    ArrayNode failures = out.putArray("failures");
    for (JsonNode n : names) {
      String name = lastSegment(n.asText());
      FakeService service = cluster.services.get(name);
      if (service == null || (service.forgetWhenInactive && "INACTIVE".equals(service.status(nowMillis())))) {
        ObjectNode failure = failures.addObject();
        failure.put("arn", arn("service/" + cluster.name + "/" + name));
        failure.put("reason", "MISSING");
      } else {
        services.add(service.toJson(json, tags));
      }
    }
    return out;
  }

  private JsonNode updateService(JsonNode request) {
    FakeCluster cluster = requireCluster(request);
    FakeService service = requireService(cluster, request);
    if (!"ACTIVE".equals(service.status(nowMillis()))) {
      throw new ApiError("ServiceNotActiveException", "Service was not ACTIVE.");
    }
    long now = nowMillis();
    String newTaskDefinition = null;
    if (request.hasNonNull("taskDefinition")) {
      FakeTaskDefinition td = requireTaskDefinition(request.get("taskDefinition").asText());
      if (!td.active) {
        throw new ApiError("ClientException", "TaskDefinition is inactive");
      }
      newTaskDefinition = td.arn();
    }
    if (request.has("desiredCount")) {
      service.setDesired(request.get("desiredCount").asInt(), now);
    }
    if (newTaskDefinition != null || request.path("forceNewDeployment").asBoolean(false)) {
      service.deploy(newTaskDefinition, now);
    }
    ObjectNode out = json.createObjectNode();
    out.set("service", service.toJson(json, false));
    return out;
  }

  private JsonNode deleteService(JsonNode request) {
    FakeCluster cluster = requireCluster(request);
    FakeService service = requireService(cluster, request);
    long now = nowMillis();
    if (!"ACTIVE".equals(service.status(now))) {
      throw new ApiError("ServiceNotActiveException", "Service was not ACTIVE.");
    }
    boolean force = request.path("force").asBoolean(false);
    if (service.desired > 0 && !force) {
      throw new ApiError("InvalidParameterException", "The service cannot be stopped while it is scaled above 0.");
    }
    service.delete(now, force);
    ObjectNode out = json.createObjectNode();
    out.set("service", service.toJson(json, false));
    return out;
  }

  private JsonNode listServices(JsonNode request) {
    FakeCluster cluster = requireCluster(request);
    List<String> arns = cluster.services.values().stream()
        .filter(s -> "ACTIVE".equals(s.status(nowMillis()))).map(s -> s.arn).toList();
    return page(arns, request, "serviceArns");
  }

  private JsonNode listClusters(JsonNode request) {
    return page(clusters.values().stream().map(c -> c.arn).toList(), request, "clusterArns");
  }

  /** Pagination like ECS's: maxResults per page (default 10 here, to exercise paging), nextToken an index. */
  private JsonNode page(List<String> all, JsonNode request, String field) {
    return page(all, request, field, 10);
  }

  private JsonNode page(List<String> all, JsonNode request, String field, int defaultSize) {
    int from = request.hasNonNull("nextToken") ? Integer.parseInt(request.get("nextToken").asText()) : 0;
    int size = request.path("maxResults").asInt(defaultSize);
    ObjectNode out = json.createObjectNode();
    ArrayNode items = out.putArray(field);
    all.subList(Math.min(from, all.size()), Math.min(from + size, all.size())).forEach(items::add);
    if (from + size < all.size()) {
      out.put("nextToken", String.valueOf(from + size));
    }
    return out;
  }

  private JsonNode describeClusters(JsonNode request) {
    ObjectNode out = json.createObjectNode();
    ArrayNode found = out.putArray("clusters");
    ArrayNode failures = out.putArray("failures");
    JsonNode names = request.path("clusters");
    List<String> wanted = new ArrayList<>();
    if (names.isEmpty()) {
      wanted.add("default");
    }
    names.forEach(n -> wanted.add(lastSegment(n.asText())));
    for (String name : wanted) {
      FakeCluster cluster = clusters.get(name);
      if (cluster == null) {
        ObjectNode failure = failures.addObject();
        failure.put("arn", arn("cluster/" + name));
        failure.put("reason", "MISSING");
      } else {
        found.add(cluster.toJson(json, nowMillis()));
      }
    }
    return out;
  }

  private JsonNode listTasks(JsonNode request) {
    FakeCluster cluster = requireCluster(request);
    String service = request.path("serviceName").asText(null);
    String family = request.path("family").asText(null);
    String startedBy = request.path("startedBy").asText(null);
    String desired = request.path("desiredStatus").asText("RUNNING");
    String instance = request.hasNonNull("containerInstance") ? lastSegment(request.get("containerInstance").asText()) : null;
    if (startedBy != null && (service != null || family != null || instance != null)) {
      throw new ApiError("InvalidParameterException", "startedBy cannot be combined with other filters.");
    }
    long now = nowMillis();
    List<String> arns = cluster.tasks.stream()
        .filter(t -> service == null || service.equals(t.service))
        .filter(t -> family == null || family.equals(t.family()))
        .filter(t -> startedBy == null || startedBy.equals(t.startedBy()))
        .filter(t -> desired.equals(t.desiredStatus()))
        .filter(t -> instance == null || (t.placedOn(now) != null && t.placedOn(now).id.equals(instance)))
        .map(t -> t.arn).toList();
    return page(arns, request, "taskArns", 100);
  }

  private JsonNode describeTasks(JsonNode request) {
    FakeCluster cluster = requireCluster(request);
    if (request.path("tasks").size() > 100) {
      throw new ApiError("InvalidParameterException", "tasks can have at most 100 items.");
    }
    ObjectNode out = json.createObjectNode();
    ArrayNode tasks = out.putArray("tasks");
    ArrayNode failures = out.putArray("failures");
    for (JsonNode id : request.path("tasks")) {
      cluster.tasks.stream().filter(t -> t.arn.equals(id.asText()) || t.id.equals(lastSegment(id.asText())))
          .findFirst().ifPresentOrElse(t -> tasks.add(t.toJson(json, cluster)), () -> {
            ObjectNode failure = failures.addObject();
            failure.put("arn", id.asText());
            failure.put("reason", "MISSING");
          });
    }
    return out;
  }

  private JsonNode listFamilies(JsonNode request) {
    String prefix = request.path("familyPrefix").asText("");
    String status = request.path("status").asText("ACTIVE");
    List<String> families = taskDefinitions.stream()
        .filter(t -> t.family.startsWith(prefix))
        .filter(t -> status.equals("ALL") || status.equals("ACTIVE") == t.active)
        .map(t -> t.family).distinct().sorted().toList();
    if ("INACTIVE".equals(status)) {
      // A family is INACTIVE only if no revision is ACTIVE.
      families = families.stream().filter(f -> taskDefinitions.stream()
          .noneMatch(t -> t.family.equals(f) && t.active)).toList();
    }
    return page(families, request, "families");
  }

  private JsonNode listTaskDefinitions(JsonNode request) {
    String prefix = request.path("familyPrefix").asText("");
    String status = request.path("status").asText("ACTIVE");
    boolean desc = "DESC".equals(request.path("sort").asText("ASC"));
    List<FakeTaskDefinition> matching = new ArrayList<>(taskDefinitions.stream()
        .filter(t -> t.family.startsWith(prefix))
        .filter(t -> status.equals("ACTIVE") == t.active).toList());
    matching.sort((a, b) -> {
      int byFamily = a.family.compareTo(b.family);
      int order = byFamily != 0 ? byFamily : Integer.compare(a.revision, b.revision);
      return desc ? -order : order;
    });
    return page(matching.stream().map(FakeTaskDefinition::arn).toList(), request, "taskDefinitionArns");
  }

  private FakeTaskDefinition requireTaskDefinition(String ref) {
    String name = lastSegment(ref);
    FakeTaskDefinition found = null;
    for (FakeTaskDefinition t : taskDefinitions) {
      if (name.equals(t.family + ":" + t.revision)) {
        found = t;
      } else if (name.equals(t.family) && t.active && (found == null || t.revision > found.revision)) {
        found = t;
      }
    }
    if (found == null) {
      throw new ApiError("ClientException", "Unable to describe task definition.");
    }
    return found;
  }

  private JsonNode describeTaskDefinition(JsonNode request) {
    FakeTaskDefinition td = requireTaskDefinition(request.path("taskDefinition").asText());
    ObjectNode out = json.createObjectNode();
    out.set("taskDefinition", td.toJson(json));
    return out;
  }

  private JsonNode deregisterTaskDefinition(JsonNode request) {
    String ref = request.path("taskDefinition").asText();
    if (!lastSegment(ref).contains(":")) {
      throw new ApiError("ClientException", "Revision must be specified.");
    }
    FakeTaskDefinition td = requireTaskDefinition(ref);
    td.active = false;
    ObjectNode out = json.createObjectNode();
    out.set("taskDefinition", td.toJson(json));
    return out;
  }

  // ---- RunTask, StartTask, StopTask: tasks no service owns (issue 15) ---------------------------------------

  private final Map<String, FakeTaskScript> scripts = new HashMap<>();
  private final Map<String, JsonNode> runTaskByClientToken = new HashMap<>();
  private int launchedCount;

  /** How tasks launched from {@code family} behave; without a script they run 10 s and exit 0. */
  public synchronized FakeTaskScript onLaunch(String family) {
    return scripts.computeIfAbsent(family, f -> new FakeTaskScript(this));
  }

  private FakeTaskScript script(String family) {
    return scripts.computeIfAbsent(family, f -> new FakeTaskScript(this));
  }

  /** The revision RunTask/StartTask would run: unknown or INACTIVE revisions fail as ECS fails them. */
  private FakeTaskDefinition runnableTaskDefinition(JsonNode request) {
    FakeTaskDefinition td = requireTaskDefinition(request.path("taskDefinition").asText());
    if (!td.active) {
      throw new ApiError("ClientException", "TaskDefinition is inactive");
    }
    for (JsonNode o : request.path("overrides").path("containerOverrides")) {
      if (!td.containerNames().contains(o.path("name").asText())) {
        throw new ApiError("InvalidParameterException", "Override for container named " + o.path("name").asText()
            + " is not a container in the TaskDefinition.");
      }
    }
    return td;
  }

  private FakeTask launch(FakeCluster cluster, FakeTaskDefinition td, FakeContainerInstance on, JsonNode request) {
    String id = UUID.nameUUIDFromBytes(("task-" + (++launchedCount)).getBytes(StandardCharsets.UTF_8)).toString()
        .replace("-", "");
    FakeTask task = FakeTask.launched(cluster, id, td, script(td.family), on,
        request.path("startedBy").asText(null), request.has("overrides") ? request.get("overrides") : null,
        nowMillis());
    cluster.tasks.add(task);
    return task;
  }

  private JsonNode runTask(JsonNode request) {
    String token = request.path("clientToken").asText(null);
    if (token != null && runTaskByClientToken.containsKey(token)) {
      // ECS answers a repeated client token with the first call's tasks instead of starting more.
      return runTaskByClientToken.get(token);
    }
    FakeCluster cluster = requireCluster(request);
    if (request.has("launchType") && request.has("capacityProviderStrategy")) {
      throw new ApiError("InvalidParameterException",
          "Specifying both a launch type and capacity provider strategy is not supported.");
    }
    int count = request.path("count").asInt(1);
    if (count < 1 || count > 10) {
      throw new ApiError("InvalidParameterException", "count must be between 1 and 10.");
    }
    FakeTaskDefinition td = runnableTaskDefinition(request);
    FakeTaskScript script = script(td.family);
    ObjectNode out = json.createObjectNode();
    ArrayNode tasks = out.putArray("tasks");
    ArrayNode failures = out.putArray("failures");
    List<FakeContainerInstance> placeable = cluster.placeable();
    int placed = placeable.isEmpty() ? 0 : Math.min(count, script.placeAtMost);
    for (int i = 0; i < placed; i++) {
      tasks.add(launch(cluster, td, cluster.placeNext(), request).toJson(json, cluster));
    }
    if (placed < count) {
      // ECS reports one failure per container instance it considered.
      String reason = script.placementFailure != null ? script.placementFailure : "RESOURCE:MEMORY";
      for (FakeContainerInstance instance : placeable) {
        failures.addObject().put("arn", instance.arn).put("reason", reason);
      }
    }
    if (token != null) {
      runTaskByClientToken.put(token, out);
    }
    return out;
  }

  private JsonNode startTask(JsonNode request) {
    FakeCluster cluster = requireCluster(request);
    JsonNode instances = request.path("containerInstances");
    if (instances.isEmpty() || instances.size() > 10) {
      throw new ApiError("InvalidParameterException", "containerInstances must have 1 to 10 items.");
    }
    FakeTaskDefinition td = runnableTaskDefinition(request);
    FakeTaskScript script = script(td.family);
    ObjectNode out = json.createObjectNode();
    ArrayNode tasks = out.putArray("tasks");
    ArrayNode failures = out.putArray("failures");
    int placed = 0;
    cluster.placeable();
    for (JsonNode ref : instances) {
      FakeContainerInstance instance = findInstance(cluster, ref.asText());
      if (instance == null) {
        failures.addObject().put("arn", arn("container-instance/" + cluster.name + "/" + lastSegment(ref.asText())))
            .put("reason", "MISSING");
      } else if (placed >= script.placeAtMost) {
        failures.addObject().put("arn", instance.arn)
            .put("reason", script.placementFailure != null ? script.placementFailure : "RESOURCE:MEMORY");
      } else {
        placed++;
        tasks.add(launch(cluster, td, instance, request).toJson(json, cluster));
      }
    }
    return out;
  }

  private JsonNode stopTask(JsonNode request) {
    FakeCluster cluster = requireCluster(request);
    String ref = request.path("task").asText();
    FakeTask task = cluster.tasks.stream().filter(t -> t.arn.equals(ref) || t.id.equals(lastSegment(ref)))
        .findFirst().orElseThrow(() -> new ApiError("InvalidParameterException", "The referenced task was not found."));
    task.stop(request.path("reason").asText(null), nowMillis());
    ObjectNode out = json.createObjectNode();
    out.set("task", task.toJson(json, cluster));
    return out;
  }

  // ---- end of RunTask, StartTask, StopTask --------------------------------------------------------------------

  /** Drain time used when a test does not set one. */
  public static final Duration DEFAULT_DRAIN = Duration.ofSeconds(30);
}

package dev.deepdive.ecs.ecsctl.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.deepdive.ecs.ecsctl.ops.TimeSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local Amazon ECS endpoint for tests: JSON 1.1 protocol on 127.0.0.1, an ephemeral port.
 * Requests are {@code POST /} with {@code X-Amz-Target: AmazonEC2ContainerServiceV20141113.<Operation>};
 * errors are HTTP 400 (or 5xx) with {@code {"__type": "...", "message": "..."}}, as ECS sends them.
 *
 * <p>Draining is simulated from a {@link TimeSource}: after UpdateService sets desired 0, a service's tasks
 * stop evenly over its drain time; after DeleteService it is DRAINING, then INACTIVE after its inactive
 * delay. Faults can be injected per operation; every call is logged for asserting order.
 */
public final class FakeEcs implements AutoCloseable {
  static final String TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113.";
  static final String ACCOUNT = "123456789012";
  static final String REGION = "us-east-1";

  static {
    // Without TCP_NODELAY the JDK server's header and body segments meet the client's delayed ACK:
    // 40 ms per call, which would make the fake, not ecsctl, dominate every timing.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final ObjectMapper json = new ObjectMapper();
  private final TimeSource time;
  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, FakeCluster> clusters = new LinkedHashMap<>();
  private final Map<String, Deque<Fault>> faults = new HashMap<>();
  private final List<Call> calls = new ArrayList<>();
  private final List<FakeTaskDefinition> taskDefinitions = new ArrayList<>();

  /** One request as the fake saw it: operation, request body, the time (simulated ms) and HTTP status. */
  public record Call(String operation, JsonNode request, long atMillis, int status) {
    public String service() {
      return request.path("service").asText(null);
    }
  }

  private FakeEcs(TimeSource time) throws IOException {
    this.time = time;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    this.executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "fake-ecs");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a fake on an ephemeral port, its draining driven by {@code time}. */
  public static FakeEcs start(TimeSource time) {
    try {
      return new FakeEcs(time);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the fake ECS endpoint", e);
    }
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override public void close() {
    server.stop(0);
    executor.shutdownNow();
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
  public synchronized FakeEcs failNext(String operation, Fault fault, int times) {
    Deque<Fault> queue = faults.computeIfAbsent(operation, k -> new ArrayDeque<>());
    for (int i = 0; i < times; i++) {
      queue.add(fault);
    }
    return this;
  }

  // ---- inspection --------------------------------------------------------------------------------------

  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Operation names in call order, e.g. [DescribeServices, UpdateService, DescribeServices, DeleteService]. */
  public synchronized List<String> operations() {
    return calls.stream().map(Call::operation).toList();
  }

  public synchronized List<Call> callsTo(String operation) {
    return calls.stream().filter(c -> c.operation().equals(operation)).toList();
  }

  long nowMillis() {
    return time.nanoTime() / 1_000_000;
  }

  double epochSeconds() {
    return time.now().toEpochMilli() / 1000.0;
  }

  static String arn(String resource) {
    return "arn:aws:ecs:" + REGION + ":" + ACCOUNT + ":" + resource;
  }

  // ---- protocol ----------------------------------------------------------------------------------------

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      if (!"POST".equals(exchange.getRequestMethod()) || target == null || !target.startsWith(TARGET_PREFIX)) {
        respond(exchange, 400, error("UnknownOperationException", "expected POST with X-Amz-Target "
            + TARGET_PREFIX + "<Operation>, got " + exchange.getRequestMethod() + " " + target));
        return;
      }
      String operation = target.substring(TARGET_PREFIX.length());
      JsonNode request = body.length == 0 ? json.createObjectNode() : json.readTree(body);
      Response response;
      synchronized (this) {
        Fault fault = nextFault(operation);
        if (fault != null) {
          response = new Response(fault.status, error(fault.type, fault.message));
        } else {
          response = dispatch(operation, request);
        }
        calls.add(new Call(operation, request, nowMillis(), response.status));
      }
      respond(exchange, response.status, response.body);
    }
  }

  private Fault nextFault(String operation) {
    Deque<Fault> queue = faults.get(operation);
    return queue == null ? null : queue.poll();
  }

  record Response(int status, JsonNode body) {}

  static final class EcsError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String type;

    EcsError(String type, String message) {
      super(message);
      this.type = type;
    }
  }

  private Response dispatch(String operation, JsonNode request) {
    try {
      JsonNode body = switch (operation) {
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
        default -> throw new EcsError("UnknownOperationException", "operation " + operation + " is not faked");
      };
      return new Response(200, body);
    } catch (EcsError e) {
      return new Response(400, error(e.type, e.getMessage()));
    }
  }

  private ObjectNode error(String type, String message) {
    ObjectNode node = json.createObjectNode();
    node.put("__type", type);
    node.put("message", message);
    return node;
  }

  private void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
    exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  // ---- operations --------------------------------------------------------------------------------------

  private FakeCluster requireCluster(JsonNode request) {
    String name = lastSegment(request.path("cluster").asText("default"));
    FakeCluster cluster = clusters.get(name);
    if (cluster == null) {
      throw new EcsError("ClusterNotFoundException", "Cluster not found.");
    }
    return cluster;
  }

  private FakeService requireService(FakeCluster cluster, JsonNode request) {
    FakeService service = cluster.services.get(lastSegment(request.path("service").asText()));
    if (service == null) {
      throw new EcsError("ServiceNotFoundException", "Service not found.");
    }
    return service;
  }

  private JsonNode describeServices(JsonNode request) {
    FakeCluster cluster = requireCluster(request);
    JsonNode names = request.path("services");
    if (names.size() > 10) {
      throw new EcsError("InvalidParameterException", "services can have at most 10 items.");
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
      throw new EcsError("ServiceNotActiveException", "Service was not ACTIVE.");
    }
    if (request.has("desiredCount")) {
      service.setDesired(request.get("desiredCount").asInt(), nowMillis());
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
      throw new EcsError("ServiceNotActiveException", "Service was not ACTIVE.");
    }
    boolean force = request.path("force").asBoolean(false);
    if (service.desired > 0 && !force) {
      throw new EcsError("InvalidParameterException", "The service cannot be stopped while it is scaled above 0.");
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
    int from = request.hasNonNull("nextToken") ? Integer.parseInt(request.get("nextToken").asText()) : 0;
    int size = request.path("maxResults").asInt(10);
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
    String desired = request.path("desiredStatus").asText("RUNNING");
    List<String> arns = cluster.tasks.stream()
        .filter(t -> service == null || service.equals(t.service))
        .filter(t -> desired.equals(t.desiredStatus()))
        .map(t -> t.arn).toList();
    ObjectNode out = json.createObjectNode();
    ArrayNode items = out.putArray("taskArns");
    arns.stream().limit(request.path("maxResults").asInt(100)).forEach(items::add);
    return out;
  }

  private JsonNode describeTasks(JsonNode request) {
    FakeCluster cluster = requireCluster(request);
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
      throw new EcsError("ClientException", "Unable to describe task definition.");
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
      throw new EcsError("ClientException", "Revision must be specified.");
    }
    FakeTaskDefinition td = requireTaskDefinition(ref);
    td.active = false;
    ObjectNode out = json.createObjectNode();
    out.set("taskDefinition", td.toJson(json));
    return out;
  }

  static String lastSegment(String arnOrName) {
    int slash = arnOrName.lastIndexOf('/');
    return slash < 0 ? arnOrName : arnOrName.substring(slash + 1);
  }

  /** Drain time used when a test does not set one. */
  public static final Duration DEFAULT_DRAIN = Duration.ofSeconds(30);
}

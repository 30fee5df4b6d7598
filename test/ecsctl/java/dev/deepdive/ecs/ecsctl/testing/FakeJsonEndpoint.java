package dev.deepdive.ecs.ecsctl.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local AWS endpoint speaking the JSON 1.1 protocol on 127.0.0.1, an ephemeral port: {@code POST /} with
 * {@code X-Amz-Target: <prefix>.<Operation>}; errors are HTTP 400 (or 5xx) with
 * {@code {"__type": "...", "message": "..."}}, as AWS sends them. Faults can be injected per operation; every
 * call is logged for asserting order. Subclasses answer the operations.
 *
 * <p>All endpoints of one {@link FakeEcs} answer under one lock, so a call to one sees the others' state as of
 * one instant (e.g. Application Auto Scaling's suspended state while ECS computes a desired count).
 */
public abstract class FakeJsonEndpoint implements AutoCloseable {

  static {
    // Without TCP_NODELAY the JDK server's header and body segments meet the client's delayed ACK:
    // 40 ms per call, which would make the fake, not ecsctl, dominate every timing.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  protected final ObjectMapper json = new ObjectMapper();
  protected final Object lock;
  private final String targetPrefix;
  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, Deque<Fault>> faults = new HashMap<>();
  private final List<Call> calls = new ArrayList<>();

  /** One request as the fake saw it: operation, request body, the time (simulated ms) and HTTP status. */
  public record Call(String operation, JsonNode request, long atMillis, int status) {
    public String service() {
      return request.path("service").asText(null);
    }
  }

  /** An error AWS would answer with: its {@code __type} and message, HTTP 400. */
  static final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String type;

    ApiError(String type, String message) {
      super(message);
      this.type = type;
    }
  }

  /**
   * @param threadName names the server's threads
   * @param targetPrefix the X-Amz-Target prefix with its dot, e.g. {@code Logs_20140328.}
   * @param lock what every state change synchronizes on; {@code null}: this endpoint itself
   */
  protected FakeJsonEndpoint(String threadName, String targetPrefix, Object lock) {
    this.lock = lock == null ? this : lock;
    this.targetPrefix = targetPrefix;
    try {
      this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the fake " + threadName + " endpoint", e);
    }
    this.executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Answers one operation (called under {@link #lock}); throws {@link ApiError} for AWS's errors. */
  protected abstract JsonNode dispatch(String operation, JsonNode request);

  /** Simulated milliseconds, for the call log. */
  protected abstract long nowMillis();

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

  /** The next {@code times} calls of {@code operation} fail with {@code fault}. */
  public FakeJsonEndpoint failNext(String operation, Fault fault, int times) {
    synchronized (lock) {
      Deque<Fault> queue = faults.computeIfAbsent(operation, k -> new ArrayDeque<>());
      for (int i = 0; i < times; i++) {
        queue.add(fault);
      }
    }
    return this;
  }

  public List<Call> calls() {
    synchronized (lock) {
      return List.copyOf(calls);
    }
  }

  /** Operation names in call order, e.g. [DescribeServices, UpdateService, DescribeServices, DeleteService]. */
  public List<String> operations() {
    synchronized (lock) {
      return calls.stream().map(Call::operation).toList();
    }
  }

  public List<Call> callsTo(String operation) {
    synchronized (lock) {
      return calls.stream().filter(c -> c.operation().equals(operation)).toList();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      if (!"POST".equals(exchange.getRequestMethod()) || target == null || !target.startsWith(targetPrefix)) {
        respond(exchange, 400, error("UnknownOperationException", "expected POST with X-Amz-Target "
            + targetPrefix + "<Operation>, got " + exchange.getRequestMethod() + " " + target));
        return;
      }
      String operation = target.substring(targetPrefix.length());
      JsonNode request = body.length == 0 ? json.createObjectNode() : json.readTree(body);
      int status;
      JsonNode response;
      synchronized (lock) {
        Deque<Fault> queue = faults.get(operation);
        Fault fault = queue == null ? null : queue.poll();
        if (fault != null) {
          status = fault.status;
          response = error(fault.type, fault.message);
        } else {
          JsonNode answer;
          try {
            answer = dispatch(operation, request);
            status = 200;
          } catch (ApiError e) {
            answer = error(e.type, e.getMessage());
            status = 400;
          }
          response = answer;
        }
        calls.add(new Call(operation, request, nowMillis(), status));
      }
      respond(exchange, status, response);
    }
  }

  protected ObjectNode error(String type, String message) {
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

  static String lastSegment(String arnOrName) {
    int slash = arnOrName.lastIndexOf('/');
    return slash < 0 ? arnOrName : arnOrName.substring(slash + 1);
  }
}

package dev.deepdive.ecs.ecsctl.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A local CloudWatch Logs endpoint beside a {@link FakeEcs} (JSON 1.1, target prefix {@code Logs_20140328.}):
 * log groups with streams and events, and FilterLogEvents over them. An event is visible once the shared clock
 * has reached its timestamp, so a follower sees events arrive as simulated time passes. Pages hold at most
 * {@link #PAGE} events, to exercise paging.
 */
public final class FakeLogs extends FakeJsonEndpoint {
  static final String TARGET_PREFIX = "Logs_20140328.";
  static final int PAGE = 5;

  private final FakeEcs ecs;
  private final Map<String, List<Event>> groups = new LinkedHashMap<>();

  record Event(String stream, long timestamp, String message, String id) {}

  FakeLogs(FakeEcs ecs) {
    super("fake-logs", TARGET_PREFIX, ecs);
    this.ecs = ecs;
  }

  @Override protected long nowMillis() {
    return ecs.nowMillis();
  }

  /** Creates {@code group} (empty) if absent. */
  public FakeLogs group(String group) {
    synchronized (lock) {
      groups.computeIfAbsent(group, g -> new ArrayList<>());
    }
    return this;
  }

  /** An event in {@code group}/{@code stream}, {@code at} after the clock's start (negative: before it). */
  public FakeLogs event(String group, String stream, Duration at, String message) {
    synchronized (lock) {
      List<Event> events = groups.computeIfAbsent(group, g -> new ArrayList<>());
      long timestamp = SimulatedTime.EPOCH.toEpochMilli() + at.toMillis();
      events.add(new Event(stream, timestamp, message, "event-" + events.size()));
    }
    return this;
  }

  /** The next {@code times} calls of {@code operation} fail with {@code fault}. */
  @Override public FakeLogs failNext(String operation, Fault fault, int times) {
    super.failNext(operation, fault, times);
    return this;
  }

  @Override protected JsonNode dispatch(String operation, JsonNode request) {
    if (!"FilterLogEvents".equals(operation)) {
      throw new ApiError("UnknownOperationException", "operation " + operation + " is not faked");
    }
    String group = request.hasNonNull("logGroupName") ? request.get("logGroupName").asText()
        : request.path("logGroupIdentifier").asText();
    List<Event> events = groups.get(group);
    if (events == null) {
      throw new ApiError("ResourceNotFoundException", "The specified log group does not exist.");
    }
    if (request.has("logStreamNames") && request.has("logStreamNamePrefix")) {
      throw new ApiError("InvalidParameterException", "logStreamNames and logStreamNamePrefix are mutually exclusive");
    }
    List<String> names = new ArrayList<>();
    request.path("logStreamNames").forEach(n -> names.add(n.asText()));
    String prefix = request.path("logStreamNamePrefix").asText("");
    long start = request.path("startTime").asLong(0);
    long end = request.path("endTime").asLong(Long.MAX_VALUE);
    long visibleUntil = ecs.epochMillis();
    List<Event> matching = events.stream()
        .filter(e -> names.isEmpty() || names.contains(e.stream()))
        .filter(e -> e.stream().startsWith(prefix))
        .filter(e -> e.timestamp() >= start && e.timestamp() <= end && e.timestamp() <= visibleUntil)
        .sorted(Comparator.comparingLong(Event::timestamp))
        .toList();
    int from = request.hasNonNull("nextToken") ? Integer.parseInt(request.get("nextToken").asText()) : 0;
    int size = Math.min(PAGE, request.path("limit").asInt(PAGE));
    ObjectNode out = json.createObjectNode();
    ArrayNode page = out.putArray("events");
    for (Event e : matching.subList(Math.min(from, matching.size()), Math.min(from + size, matching.size()))) {
      ObjectNode event = page.addObject();
      event.put("logStreamName", e.stream());
      event.put("timestamp", e.timestamp());
      event.put("message", e.message());
      event.put("ingestionTime", e.timestamp() + 150);
      event.put("eventId", e.id());
    }
    if (from + size < matching.size()) {
      out.put("nextToken", String.valueOf(from + size));
    }
    return out;
  }
}

package dev.deepdive.ecs.ecsctl.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * The CloudWatch Logs of a service's containers. Where they are comes from the task definition the service runs:
 * each container with the {@code awslogs} driver names its group, region and stream prefix, and the driver
 * names streams {@code <prefix>/<container>/<task id>}
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html). So one FilterLogEvents
 * query per group and prefix reads every task of the service, stopped ones included, without listing tasks.
 */
public final class ServiceLogs {
  /**
   * Events can arrive in CloudWatch Logs a few seconds after their timestamp; a follower re-reads this far back
   * and drops what it has shown (by event ID), so late events are not lost.
   */
  static final Duration LATE_ARRIVAL = Duration.ofSeconds(10);
  /** Following polls between 1 and 5 s: FilterLogEvents has a low per-account rate quota
   * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html). */
  static final Duration FOLLOW_MIN = Duration.ofSeconds(1);
  static final Duration FOLLOW_MAX = Duration.ofSeconds(5);

  /**
   * One container's log destination.
   *
   * @param streamPrefix the awslogs-stream-prefix; null when the task definition sets none
   */
  public record Source(String container, String group, String region, String streamPrefix) {}

  /**
   * One log event.
   *
   * @param timestamp milliseconds since the epoch, as the container wrote it
   * @param container the container, from the stream name; null when streams carry no prefix
   * @param task the task ID, from the stream name
   */
  public record Line(long timestamp, String container, String task, String stream, String message, String eventId) {}

  private final Function<String, CloudWatchLogsClient> clients;
  private final List<Source> sources;

  /**
   * @param clients a CloudWatch Logs client for a region (the caller caches and closes them)
   * @param sources where to read, from {@link #sources}
   */
  public ServiceLogs(Function<String, CloudWatchLogsClient> clients, List<Source> sources) {
    this.clients = Objects.requireNonNull(clients, "clients");
    this.sources = List.copyOf(sources);
  }

  /**
   * Where a service's logs are, or why there is nothing to read (a sentence for the user).
   *
   * @param sources empty exactly when {@code problem} is set
   */
  public record Sources(List<Source> sources, String problem) {
    public Sources {
      sources = List.copyOf(sources);
    }
  }

  /**
   * The awslogs destinations of the service's containers (only {@code container} when given), or the problem: the
   * task definition has no such container, or none of its containers logs with the awslogs driver. Throws
   * {@link NotFoundException} for a missing service.
   */
  public static Sources sources(EcsClient ecs, String cluster, String service, Optional<String> container) {
    String taskDefinitionArn = new ServiceChanges(ecs).current(cluster, service).taskDefinition();
    TaskDefinition td = ecs.describeTaskDefinition(r -> r.taskDefinition(taskDefinitionArn)).taskDefinition();
    List<String> names = td.containerDefinitions().stream().map(ContainerDefinition::name).toList();
    if (container.isPresent() && !names.contains(container.get())) {
      return new Sources(List.of(), "task definition " + Arns.lastSegment(taskDefinitionArn) + " of service '"
          + service + "' has no container '" + container.get() + "'; it has " + names);
    }
    List<Source> out = new ArrayList<>();
    List<String> elsewhere = new ArrayList<>();
    for (ContainerDefinition c : td.containerDefinitions()) {
      if (container.isPresent() && !container.get().equals(c.name())) {
        continue;
      }
      if (c.logConfiguration() == null || !"awslogs".equals(c.logConfiguration().logDriverAsString())) {
        elsewhere.add(c.name() + " (" + (c.logConfiguration() == null ? "no log driver"
            : c.logConfiguration().logDriverAsString()) + ")");
        continue;
      }
      Map<String, String> options = c.logConfiguration().options();
      out.add(new Source(c.name(), options.get("awslogs-group"), options.get("awslogs-region"),
          options.get("awslogs-stream-prefix")));
    }
    if (out.isEmpty()) {
      return new Sources(List.of(), "no container of service '" + service + "' ("
          + Arns.lastSegment(taskDefinitionArn) + ") logs to CloudWatch Logs with the awslogs driver: " + elsewhere);
    }
    return new Sources(out, null);
  }

  /** Every event from {@code startMillis} on, oldest first; all pages. */
  public List<Line> read(long startMillis) {
    List<Line> lines = new ArrayList<>();
    for (Query q : queries()) {
      String token = null;
      do {
        String next = token;
        FilterLogEventsResponse page = clients.apply(q.region()).filterLogEvents(r -> {
          r.logGroupName(q.group()).startTime(startMillis);
          if (q.streamPrefix() != null) {
            r.logStreamNamePrefix(q.streamPrefix());
          }
          if (next != null) {
            r.nextToken(next);
          }
        });
        page.events().forEach(e -> lines.add(line(e, q)));
        token = page.nextToken();
      } while (token != null);
    }
    lines.sort(Comparator.comparingLong(Line::timestamp));
    return lines;
  }

  /**
   * Shows what is there from {@code startMillis}, then new events as they arrive, until cancelled. Polls every
   * 1 s while events come, up to every 5 s while none do.
   */
  public void follow(long startMillis, TimeSource time, Cancellation cancellation, Consumer<List<Line>> sink) {
    long newest = startMillis;
    Set<String> shown = new LinkedHashSet<>();
    Map<String, Long> shownAt = new HashMap<>();
    PollInterval interval = new PollInterval(FOLLOW_MIN, FOLLOW_MAX);
    while (!cancellation.isCancelled()) {
      long from = Math.max(startMillis, newest - LATE_ARRIVAL.toMillis());
      List<Line> fresh = read(from).stream().filter(l -> !shown.contains(l.eventId())).toList();
      for (Line l : fresh) {
        shown.add(l.eventId());
        shownAt.put(l.eventId(), l.timestamp());
        newest = Math.max(newest, l.timestamp());
      }
      long horizon = newest - LATE_ARRIVAL.toMillis();
      shown.removeIf(id -> shownAt.get(id) < horizon);
      shownAt.keySet().retainAll(shown);
      if (!fresh.isEmpty()) {
        sink.accept(fresh);
      }
      try {
        time.sleep(interval.next(!fresh.isEmpty()), cancellation);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** One FilterLogEvents query: a group in a region, and the stream name prefix that selects the service's streams. */
  private record Query(String region, String group, String streamPrefix) {}

  /**
   * Containers sharing group and prefix are read with one query, {@code <prefix>/}; a single container with
   * {@code <prefix>/<container>/}. Without a prefix the streams cannot be told apart: the whole group is read.
   */
  private List<Query> queries() {
    Map<List<String>, List<Source>> byDestination = new LinkedHashMap<>();
    for (Source s : sources) {
      byDestination.computeIfAbsent(java.util.Arrays.asList(s.region(), s.group(), s.streamPrefix()),
          k -> new ArrayList<>()).add(s);
    }
    List<Query> out = new ArrayList<>();
    byDestination.forEach((key, list) -> {
      String prefix = key.get(2);
      Set<String> containers = new LinkedHashSet<>(list.stream().map(Source::container).toList());
      String filter = prefix == null ? null
          : containers.size() == 1 ? prefix + "/" + containers.iterator().next() + "/" : prefix + "/";
      out.add(new Query(key.get(0), key.get(1), filter));
    });
    return out;
  }

  private static Line line(FilteredLogEvent e, Query q) {
    String[] parts = e.logStreamName().split("/");
    boolean prefixed = q.streamPrefix() != null && parts.length >= 3;
    String container = prefixed ? parts[parts.length - 2] : null;
    String task = parts[parts.length - 1];
    return new Line(e.timestamp() == null ? 0 : e.timestamp(), container, task, e.logStreamName(),
        stripNewline(e.message()), e.eventId());
  }

  private static String stripNewline(String message) {
    if (message == null) {
      return "";
    }
    return message.endsWith("\n") ? message.substring(0, message.length() - 1) : message;
  }
}

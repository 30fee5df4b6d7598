package dev.deepdive.ecs.ecsctl.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;

/** Service look-ups: names in a cluster, and counts, task definition, deployments and latest events. */
public final class ServiceLookups {
  /** How many of a service's events `services describe` shows; ECS keeps the latest 100. */
  public static final int EVENTS_SHOWN = 5;

  private final EcsClient ecs;

  public ServiceLookups(EcsClient ecs) {
    this.ecs = ecs;
  }

  public record DeploymentSummary(String id, String status, String taskDefinition, int desiredCount,
      int runningCount, int pendingCount, int failedTasks, String rolloutState, String rolloutStateReason) {}

  public record EventSummary(String createdAt, String message) {}

  public record ServiceDetail(String name, String arn, String status, int desiredCount, int runningCount,
      int pendingCount, String taskDefinition, List<DeploymentSummary> deployments, List<EventSummary> events) {}

  /** Names of the services in {@code cluster}, sorted. */
  public List<String> names(String cluster) {
    List<String> names = new ArrayList<>();
    ecs.listServicesPaginator(r -> r.cluster(cluster).maxResults(100))
        .serviceArns().forEach(arn -> names.add(Arns.lastSegment(arn)));
    names.sort(String::compareTo);
    return names;
  }

  /**
   * What a look-up of several services found: the ones that exist, in the order asked, and the names ECS does
   * not know (MISSING), so a command can show the found ones and report the rest.
   */
  public record Described(List<ServiceDetail> found, List<String> missing) {}

  /** Describes the named services; unknown names are listed in {@link Described#missing()}, not thrown. */
  public Described describe(String cluster, List<String> services) {
    List<String> wanted = ServiceDescriptions.distinct(services);
    Map<String, Service> found = ServiceDescriptions.describe(ecs, cluster, wanted);
    List<ServiceDetail> out = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String name : wanted) {
      Service s = found.get(name);
      if (s == null) {
        missing.add(name);
      } else {
        out.add(detail(s));
      }
    }
    return new Described(List.copyOf(out), List.copyOf(missing));
  }

  /**
   * The service's events from {@code since} on, oldest first, at most {@code limit} (the newest ones). ECS
   * keeps a service's latest 100 events
   * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-event-messages.html).
   */
  public List<EventSummary> events(String cluster, String service, java.time.Instant since, int limit) {
    Service s = ServiceDescriptions.describe(ecs, cluster, List.of(service)).get(service);
    if (s == null) {
      throw new NotFoundException("ServiceNotFoundException", AskedFor.services(cluster, List.of(service)), null);
    }
    List<EventSummary> out = new ArrayList<>(s.events().stream()
        .filter(e -> e.createdAt() == null || !e.createdAt().isBefore(since))
        .limit(limit)
        .map(ServiceLookups::event)
        .toList());
    java.util.Collections.reverse(out);
    return out;
  }

  static ServiceDetail detail(Service s) {
    List<DeploymentSummary> deployments = s.deployments().stream().map(ServiceLookups::deployment).toList();
    List<EventSummary> events = s.events().stream().limit(EVENTS_SHOWN).map(ServiceLookups::event).toList();
    return new ServiceDetail(s.serviceName(), s.serviceArn(), s.status(), n(s.desiredCount()),
        n(s.runningCount()), n(s.pendingCount()), Arns.lastSegment(s.taskDefinition()), deployments, events);
  }

  static DeploymentSummary deployment(Deployment d) {
    return new DeploymentSummary(d.id(), d.status(), Arns.lastSegment(d.taskDefinition()), n(d.desiredCount()),
        n(d.runningCount()), n(d.pendingCount()), n(d.failedTasks()), d.rolloutStateAsString(),
        d.rolloutStateReason());
  }

  static EventSummary event(ServiceEvent e) {
    return new EventSummary(e.createdAt() == null ? null : e.createdAt().toString(), e.message());
  }

  static int n(Integer value) {
    return value == null ? 0 : value;
  }
}

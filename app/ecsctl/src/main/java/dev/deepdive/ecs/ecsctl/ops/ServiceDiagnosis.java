package dev.deepdive.ecs.ecsctl.ops;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Why a service is not steady: recent stopped tasks with their reasons and exit codes, containers failing
 * health checks, placement failures and failed deployments from the service's events. Read-only.
 */
public final class ServiceDiagnosis {
  /** Stopped tasks examined; ECS keeps stopped tasks for at least an hour. */
  public static final int STOPPED_TASKS_EXAMINED = 20;
  /** Service events scanned; ECS keeps the latest 100. */
  public static final int EVENTS_SCANNED = 50;
  /** Findings of one kind shown; the rest repeat the same story. */
  public static final int FINDINGS_PER_KIND = 3;

  private final EcsClient ecs;

  public ServiceDiagnosis(EcsClient ecs) {
    this.ecs = ecs;
  }

  /** A finding: {@code kind} is one of the constants in {@link Kind}, {@code hint} says what usually fixes it. */
  public record Finding(String kind, String at, String summary, String hint) {}

  public record ContainerExit(String name, Integer exitCode, String reason, String memoryLimitMiB) {}

  public record StoppedTask(String taskId, String taskDefinition, String stoppedAt, String stopCode,
      String stoppedReason, List<ContainerExit> containers) {}

  public record Diagnosis(String cluster, String service, String status, boolean steady, int desiredCount,
      int runningCount, int pendingCount, String taskDefinition, List<ServiceLookups.DeploymentSummary> deployments,
      List<Finding> findings, List<StoppedTask> stoppedTasks) {}

  /** Finding kinds, as they appear in JSON. */
  public static final class Kind {
    public static final String OUT_OF_MEMORY = "out-of-memory";
    public static final String CONTAINER_EXIT = "container-exit";
    public static final String HEALTH_CHECK = "health-check";
    public static final String PLACEMENT = "placement";
    public static final String IMAGE_PULL = "image-pull";
    public static final String DEPLOYMENT = "deployment";
    /** A container killed after stopTimeout when the scheduler or a person stopped its task. */
    public static final String SLOW_SHUTDOWN = "slow-shutdown";

    private Kind() {}
  }

  public Diagnosis diagnose(String cluster, String serviceName) {
    Map<String, Service> found = ServiceDescriptions.describe(ecs, cluster, List.of(serviceName));
    Service service = found.get(serviceName);
    if (service == null) {
      throw new NotFoundException("ServiceNotFoundException", AskedFor.services(cluster, List.of(serviceName)), null);
    }
    List<Finding> findings = new ArrayList<>();
    List<StoppedTask> stopped = new ArrayList<>();
    for (Task task : tasks(cluster, service.serviceName(), DesiredStatus.STOPPED)) {
      StoppedTask st = stoppedTask(task);
      stopped.add(st);
      Finding f = classifyStopped(task);
      if (f != null) {
        findings.add(f);
      }
    }
    for (Task task : tasks(cluster, service.serviceName(), DesiredStatus.RUNNING)) {
      for (Container c : task.containers()) {
        if ("UNHEALTHY".equals(c.healthStatusAsString())) {
          findings.add(new Finding(Kind.HEALTH_CHECK, iso(task.startedAt()),
              "running task " + Arns.lastSegment(task.taskArn()) + ": container " + c.name()
                  + " fails its container health check", HEALTH_HINT));
        }
      }
    }
    findings.addAll(fromEvents(service));
    findings.addAll(fromDeployments(service));
    List<Finding> limited = limitPerKind(findings);

    ServiceLookups.ServiceDetail detail = ServiceLookups.detail(service);
    boolean steady = "ACTIVE".equals(service.status())
        && detail.runningCount() == detail.desiredCount() && detail.pendingCount() == 0
        && detail.deployments().size() <= 1
        && detail.deployments().stream().allMatch(d -> d.rolloutState() == null
            || "COMPLETED".equals(d.rolloutState()));
    return new Diagnosis(cluster, service.serviceName(), service.status(), steady, detail.desiredCount(),
        detail.runningCount(), detail.pendingCount(), detail.taskDefinition(), detail.deployments(), limited,
        stopped);
  }

  static final String OOM_HINT = "raise the container's memory (hard limit) in the task definition, or lower"
      + " the application's heap";
  static final String HEALTH_HINT = "check the health check path, port and matcher, and give slow starters a"
      + " healthCheckGracePeriodSeconds";
  static final String PLACEMENT_HINT = "no container instance had enough free CPU, memory or ports: add instances"
      + " (capacity provider) or lower the task's reservations";
  static final String PULL_HINT = "check the image name and tag, and that the execution role and network can"
      + " reach the registry";
  static final String EXIT_HINT = "read the container's logs for why it exited";
  static final String DEPLOYMENT_HINT = "the deployment circuit breaker gave up; fix the cause above and deploy again";

  private List<Task> tasks(String cluster, String service, DesiredStatus status) {
    List<String> arns = ecs.listTasks(r -> r.cluster(cluster).serviceName(service).desiredStatus(status)
        .maxResults(STOPPED_TASKS_EXAMINED)).taskArns();
    if (arns.isEmpty()) {
      return List.of();
    }
    List<Task> tasks = new ArrayList<>(ecs.describeTasks(r -> r.cluster(cluster).tasks(arns)).tasks());
    tasks.sort(Comparator.comparing((Task t) -> t.stoppedAt() == null ? Instant.MIN : t.stoppedAt()).reversed());
    return tasks;
  }

  private static StoppedTask stoppedTask(Task task) {
    List<ContainerExit> containers = task.containers().stream()
        .map(c -> new ContainerExit(c.name(), c.exitCode(), c.reason(), c.memory())).toList();
    return new StoppedTask(Arns.lastSegment(task.taskArn()), Arns.lastSegment(task.taskDefinitionArn()),
        iso(task.stoppedAt()), task.stopCodeAsString(), task.stoppedReason(), containers);
  }

  /** The most telling reason a task stopped, or null for an ordinary stop (scale-in, deployment). */
  static Finding classifyStopped(Task task) {
    String id = Arns.lastSegment(task.taskArn());
    String at = iso(task.stoppedAt());
    String reason = task.stoppedReason() == null ? "" : task.stoppedReason();
    for (Container c : task.containers()) {
      if (c.reason() != null && c.reason().contains("OutOfMemory")) {
        String limit = c.memory() == null ? "" : " of " + c.memory() + " MiB";
        return new Finding(Kind.OUT_OF_MEMORY, at, "task " + id + ": container " + c.name()
            + " was killed for using more than its memory limit" + limit + " (exit code "
            + (c.exitCode() == null ? "none" : c.exitCode()) + "): " + c.reason(), OOM_HINT);
      }
    }
    String lower = reason.toLowerCase(Locale.ROOT);
    if (lower.contains("health check")) {
      return new Finding(Kind.HEALTH_CHECK, at, "task " + id + ": " + reason, HEALTH_HINT);
    }
    if (lower.contains("cannotpull") || "CannotPullContainerError".equals(task.stopCodeAsString())) {
      return new Finding(Kind.IMAGE_PULL, at, "task " + id + ": " + reason, PULL_HINT);
    }
    if (STOPPED_ON_PURPOSE.contains(task.stopCodeAsString())) {
      return stoppedOnPurpose(task, id, at);
    }
    for (Container c : task.containers()) {
      if (c.exitCode() != null && c.exitCode() != 0) {
        return new Finding(Kind.CONTAINER_EXIT, at, "task " + id + ": container " + c.name() + " exited with code "
            + c.exitCode() + (c.reason() == null ? "" : " (" + c.reason() + ")") + "; " + reason, EXIT_HINT);
      }
    }
    if (lower.startsWith("essential container")) {
      return new Finding(Kind.CONTAINER_EXIT, at, "task " + id + ": " + reason, EXIT_HINT);
    }
    return null;
  }

  /**
   * Stop codes of tasks stopped on purpose: the service scheduler (a deployment replacing them, scale-in) or a
   * person (StopTask). Their containers get SIGTERM, then SIGKILL after stopTimeout, so 143 (128 + SIGTERM) and 0
   * are how a well-behaved container ends; that is history, not a problem
   * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/stopped-task-error-codes.html,
   * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Task.html#ECS-Type-Task-stopCode).
   */
  static final java.util.Set<String> STOPPED_ON_PURPOSE = java.util.Set.of("ServiceSchedulerInitiated", "UserInitiated");
  /** Exit code of a container killed with SIGKILL (128 + 9) because it outlived stopTimeout after SIGTERM. */
  static final int KILLED_AFTER_STOP_TIMEOUT = 137;
  static final String STOP_TIMEOUT_HINT = "the container did not exit within stopTimeout after SIGTERM and was"
      + " killed: handle SIGTERM in the application (exec form ENTRYPOINT, so it reaches the process) or raise"
      + " stopTimeout";

  /** A deliberate stop is history; only a container that had to be killed is worth a finding. */
  private static Finding stoppedOnPurpose(Task task, String id, String at) {
    for (Container c : task.containers()) {
      if (c.exitCode() != null && c.exitCode() == KILLED_AFTER_STOP_TIMEOUT) {
        return new Finding(Kind.SLOW_SHUTDOWN, at, "task " + id + " (" + task.stopCodeAsString() + "): container "
            + c.name() + " exited with code 137 (SIGKILL) after being asked to stop", STOP_TIMEOUT_HINT);
      }
    }
    return null;
  }

  private static List<Finding> fromEvents(Service service) {
    List<Finding> out = new ArrayList<>();
    for (ServiceEvent e : service.events().stream().limit(EVENTS_SCANNED).toList()) {
      String m = e.message() == null ? "" : e.message();
      if (m.contains("was unable to place a task")) {
        out.add(new Finding(Kind.PLACEMENT, iso(e.createdAt()), m, PLACEMENT_HINT));
      } else if (m.contains("unhealthy") || m.contains("health checks")) {
        out.add(new Finding(Kind.HEALTH_CHECK, iso(e.createdAt()), m, HEALTH_HINT));
      }
    }
    return out;
  }

  private static List<Finding> fromDeployments(Service service) {
    List<Finding> out = new ArrayList<>();
    service.deployments().forEach(d -> {
      if ("FAILED".equals(d.rolloutStateAsString())) {
        out.add(new Finding(Kind.DEPLOYMENT, iso(d.updatedAt()), "deployment " + d.id() + " of "
            + Arns.lastSegment(d.taskDefinition()) + " FAILED: " + d.rolloutStateReason(), DEPLOYMENT_HINT));
      }
    });
    return out;
  }

  private static List<Finding> limitPerKind(List<Finding> findings) {
    List<Finding> out = new ArrayList<>();
    for (Finding f : findings) {
      if (out.stream().filter(o -> o.kind().equals(f.kind())).count() < FINDINGS_PER_KIND) {
        out.add(f);
      }
    }
    return out;
  }

  private static String iso(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}

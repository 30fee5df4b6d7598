package dev.deepdive.ecs.ecsctl.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.ServiceNotActiveException;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * Drain to zero, then delete: UpdateService desiredCount=0, wait until no task runs or is pending,
 * DeleteService (never {@code force}), wait until INACTIVE. Several services drain at once; one polling loop
 * describes them all, 10 per call.
 *
 * <p>Safety rules, each because a mistake here cuts live traffic or deletes the wrong thing:
 * <ul>
 *   <li>DeleteService is only called after ECS itself reports desired, running and pending all 0.</li>
 *   <li>If the desired count goes back up while waiting (Application Auto Scaling, a deployment), the service
 *       is not deleted and the run reports it as failed instead of fighting the other actor.</li>
 *   <li>On timeout or Ctrl-C the service stays at desired 0 and undeleted; a rerun picks it up where it is.</li>
 *   <li>A service that Application Auto Scaling scales has its scaling suspended first (see
 *       {@link ServiceScaling}): otherwise a target tracking policy or a scheduled action raises the count again
 *       while its tasks drain. The suspension is not undone: the service is about to be deleted, and if the run
 *       stops early a rerun needs it suspended still.</li>
 * </ul>
 */
public final class ServiceDrainer {

  /**
   * The tag CloudFormation puts on the resources it creates, with the stack's name as its value. It does not put it
   * on ECS services (https://github.com/aws-cloudformation/cloudformation-coverage-roadmap/issues/2062), so
   * services of other tools' stacks may lack it.
   */
  public static final String STACK_NAME_TAG = "aws:cloudformation:stack-name";

  /**
   * The tag this project's EcsService construct puts on every service it defines, with the stack's name as its
   * value: the one that makes drain-delete refuse this project's services.
   */
  public static final String PROJECT_STACK_NAME_TAG = "deep-dive:cloudformation-stack-name";

  private static final int MAX_PARALLEL_CALLS = 8;

  private final EcsClient ecs;
  private final TimeSource time;
  private final DrainListener listener;
  private final ServiceScaling scaling;

  /**
   * @param scaling where to look up and suspend auto scaling; null: services are taken as unscaled (for
   *     callers without Application Auto Scaling access, which then must know no scaling is configured)
   */
  public ServiceDrainer(EcsClient ecs, ServiceScaling scaling, TimeSource time, DrainListener listener) {
    this.ecs = Objects.requireNonNull(ecs, "ecs");
    this.scaling = scaling;
    this.time = Objects.requireNonNull(time, "time");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Reads the services (no change is made) and decides per service what drain-delete would do.
   * Throws the SDK's exception for a missing cluster or denied access.
   */
  public DrainPlan plan(String cluster, List<String> services, boolean allowCloudFormationManaged) {
    List<String> names = ServiceDescriptions.distinct(services);
    Map<String, Service> found = ServiceDescriptions.describe(ecs, cluster, names);
    List<PlannedService> planned = new ArrayList<>();
    for (String name : names) {
      Service service = found.get(name);
      if (service == null) {
        planned.add(new PlannedService(name, PlannedService.Action.ALREADY_GONE, "MISSING", 0, 0, 0, null, null));
        continue;
      }
      String stack = stackName(service);
      PlannedService.Action action;
      if (!"ACTIVE".equals(service.status())) {
        action = PlannedService.Action.ALREADY_GONE;
      } else if (stack != null && !allowCloudFormationManaged) {
        action = PlannedService.Action.REFUSED_CLOUDFORMATION;
      } else {
        action = PlannedService.Action.DRAIN_AND_DELETE;
      }
      planned.add(new PlannedService(name, action, service.status(), count(service.desiredCount()),
          count(service.runningCount()), count(service.pendingCount()), stack, null));
    }
    List<String> toDrain = planned.stream().filter(p -> p.action() == PlannedService.Action.DRAIN_AND_DELETE)
        .map(PlannedService::service).toList();
    if (scaling != null && !toDrain.isEmpty()) {
      Map<String, ServiceScaling.Target> targets = scaling.targets(cluster, toDrain);
      planned.replaceAll(p -> targets.containsKey(p.service()) ? p.withScaling(targets.get(p.service())) : p);
    }
    return new DrainPlan(cluster, planned);
  }

  /**
   * Carries out a plan within {@code timeout}. Services planned as already gone are reported as such;
   * refused services must have been dealt with by the caller (they are reported as refused, untouched).
   */
  public DrainReport execute(DrainPlan plan, Duration timeout, Cancellation cancellation) {
    long start = time.nanoTime();
    long deadline = start + timeout.toNanos();
    Map<String, Tracker> trackers = new LinkedHashMap<>();
    Map<String, ServiceOutcome> outcomes = new LinkedHashMap<>();
    for (PlannedService planned : plan.services()) {
      switch (planned.action()) {
        case DRAIN_AND_DELETE -> trackers.put(planned.service(), new Tracker(planned));
        case ALREADY_GONE -> outcomes.put(planned.service(), finish(alreadyGone(planned, 0)));
        case REFUSED_CLOUDFORMATION ->
            outcomes.put(planned.service(), finish(plan.asUnchangedReport().services().stream()
                .filter(o -> o.service().equals(planned.service())).findFirst().orElseThrow()));
      }
    }
    if (!trackers.isEmpty()) {
      ExecutorService calls = Executors.newFixedThreadPool(Math.min(trackers.size(), MAX_PARALLEL_CALLS), r -> {
        Thread thread = new Thread(r, "ecsctl-drain");
        thread.setDaemon(true);
        return thread;
      });
      try {
        new Run(plan.cluster(), trackers, outcomes, start, deadline, cancellation, calls).drain();
      } finally {
        calls.shutdownNow();
      }
    }
    List<ServiceOutcome> ordered = plan.services().stream().map(p -> outcomes.get(p.service())).toList();
    return new DrainReport(plan.cluster(), ordered);
  }

  static ServiceOutcome alreadyGone(PlannedService s, double seconds) {
    String why = switch (s.status()) {
      case "MISSING" -> "no such service in the cluster; nothing to do";
      case "DRAINING" -> "already being deleted (DRAINING); nothing to do";
      default -> "already deleted (" + s.status() + "); nothing to do";
    };
    return new ServiceOutcome(s.service(), DrainOutcome.ALREADY_GONE, s.status(), null, null, null, s.stack(),
        null, null, why, seconds);
  }

  private ServiceOutcome finish(ServiceOutcome outcome) {
    listener.finished(outcome);
    return outcome;
  }

  private static String stackName(Service service) {
    for (Tag tag : service.tags()) {
      if (STACK_NAME_TAG.equals(tag.key()) || PROJECT_STACK_NAME_TAG.equals(tag.key())) {
        return tag.value();
      }
    }
    return null;
  }

  private static int count(Integer value) {
    return value == null ? 0 : value;
  }

  private enum Phase { SCALING_DOWN, WAITING_FOR_TASKS, DELETING, WAITING_FOR_INACTIVE, DONE }

  /** Mutable per-service state; touched by the polling thread, and by one call thread at a time. */
  private static final class Tracker {
    final PlannedService planned;
    volatile Phase phase = Phase.SCALING_DOWN;
    volatile String status;
    volatile int desired;
    volatile int running;
    volatile int pending;
    volatile String latestEventId;
    volatile boolean scalingSuspended;

    Tracker(PlannedService planned) {
      this.planned = planned;
      this.status = planned.status();
      this.desired = planned.desiredCount();
      this.running = planned.runningCount();
      this.pending = planned.pendingCount();
    }

    String name() {
      return planned.service();
    }
  }

  /** One execution: the polling loop and its bookkeeping. */
  private final class Run {
    private final String cluster;
    private final Map<String, Tracker> trackers;
    private final Map<String, ServiceOutcome> outcomes;
    private final long start;
    private final long deadline;
    private final Cancellation cancellation;
    private final ExecutorService calls;

    Run(String cluster, Map<String, Tracker> trackers, Map<String, ServiceOutcome> outcomes, long start,
        long deadline, Cancellation cancellation, ExecutorService calls) {
      this.cluster = cluster;
      this.trackers = trackers;
      this.outcomes = outcomes;
      this.start = start;
      this.deadline = deadline;
      this.cancellation = cancellation;
      this.calls = calls;
    }

    void drain() {
      inParallel(open(Phase.SCALING_DOWN), this::scaleToZero);
      PollInterval interval = new PollInterval();
      while (!open().isEmpty()) {
        if (cancellation.isCancelled()) {
          stopAll(DrainOutcome.INTERRUPTED, "interrupted");
          return;
        }
        boolean changed;
        try {
          changed = poll();
        } catch (SdkException e) {
          if (!RetryableErrors.isRetryable(e)) {
            failAll(e);
            return;
          }
          // Retries are exhausted but the error is transient: the services sit at desired 0, keep waiting.
          listener.warning("DescribeServices failed after retries (" + AwsErrors.describe(e) + "); still waiting");
          changed = false;
        }
        List<Tracker> drained = open(Phase.DELETING);
        inParallel(drained, this::delete);
        if (open().isEmpty()) {
          return;
        }
        long now = time.nanoTime();
        if (now >= deadline) {
          stopAll(DrainOutcome.TIMED_OUT, "timed out");
          return;
        }
        Duration wait = interval.next(changed || !drained.isEmpty());
        Duration left = Duration.ofNanos(deadline - now);
        try {
          time.sleep(wait.compareTo(left) < 0 ? wait : left, cancellation);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          stopAll(DrainOutcome.INTERRUPTED, "interrupted");
          return;
        }
      }
    }

    /** One DescribeServices pass over the open services; true if any count, status or event changed. */
    private boolean poll() {
      List<Tracker> open = open();
      Map<String, Service> found =
          ServiceDescriptions.describe(ecs, cluster, open.stream().map(Tracker::name).toList());
      boolean changed = false;
      for (Tracker t : open) {
        Service s = found.get(t.name());
        changed |= observe(t, s);
      }
      return changed;
    }

    private boolean observe(Tracker t, Service s) {
      String status = s == null ? "MISSING" : s.status();
      int desired = s == null ? 0 : count(s.desiredCount());
      int running = s == null ? 0 : count(s.runningCount());
      int pending = s == null ? 0 : count(s.pendingCount());
      ServiceEvent latest = s == null || s.events().isEmpty() ? null : s.events().get(0);
      String eventId = latest == null ? null : latest.id();
      boolean changed = !status.equals(t.status) || desired != t.desired || running != t.running
          || pending != t.pending || !Objects.equals(eventId, t.latestEventId);
      t.status = status;
      t.desired = desired;
      t.running = running;
      t.pending = pending;
      t.latestEventId = eventId;
      if (changed) {
        listener.progress(t.name(), status, desired, running, pending, latest == null ? null : latest.message());
      }
      boolean gone = "MISSING".equals(status) || "INACTIVE".equals(status);
      if (t.phase == Phase.WAITING_FOR_INACTIVE) {
        if (gone) {
          done(t, DrainOutcome.DELETED, null, "drained and deleted (" + status + ")");
        }
      } else if (t.phase == Phase.WAITING_FOR_TASKS) {
        if (gone) {
          done(t, DrainOutcome.ALREADY_GONE, null, "deleted by someone else while draining (" + status + ")");
        } else if ("DRAINING".equals(status)) {
          // Someone else deleted it after it reached 0 desired: only the INACTIVE wait is left.
          t.phase = Phase.WAITING_FOR_INACTIVE;
        } else if (desired > 0) {
          done(t, DrainOutcome.FAILED, "DesiredCountRaised", "desired count went back up to " + desired
              + " while draining (Application Auto Scaling or a deployment?); not deleted. Remove the other"
              + " actor, then rerun");
        } else if (running == 0 && pending == 0) {
          t.phase = Phase.DELETING;
        }
      }
      return changed;
    }

    private void scaleToZero(Tracker t) {
      if (t.planned.scalingToSuspend()) {
        try {
          scaling.suspend(cluster, t.name());
          t.scalingSuspended = true;
          listener.scalingSuspended(t.name(), t.planned.scaling().minCount(), t.planned.scaling().maxCount());
        } catch (SdkException e) {
          done(t, DrainOutcome.FAILED, AwsErrors.code(e), "RegisterScalableTarget (suspending its auto scaling)"
              + " failed: " + AwsErrors.message(e) + "; not scaled down, nothing changed");
          return;
        }
      }
      try {
        ecs.updateService(r -> r.cluster(cluster).service(t.name()).desiredCount(0));
        t.desired = 0;
        t.phase = Phase.WAITING_FOR_TASKS;
        listener.scaledToZero(t.name(), t.planned.desiredCount());
      } catch (ServiceNotFoundException | ServiceNotActiveException e) {
        // Deleted between the plan and now: the goal is reached.
        t.status = e instanceof ServiceNotFoundException ? "MISSING" : "INACTIVE";
        done(t, DrainOutcome.ALREADY_GONE, null, "deleted by someone else before it was scaled down");
      } catch (SdkException e) {
        done(t, DrainOutcome.FAILED, AwsErrors.code(e), "UpdateService failed: " + AwsErrors.message(e));
      }
    }

    private void delete(Tracker t) {
      listener.deleting(t.name());
      try {
        // No force: ECS refuses to delete a service scaled above 0, a last guard should anyone scale it up.
        ecs.deleteService(r -> r.cluster(cluster).service(t.name()));
        t.phase = Phase.WAITING_FOR_INACTIVE;
      } catch (ServiceNotFoundException | ServiceNotActiveException e) {
        done(t, DrainOutcome.DELETED, null, "drained; deleted by someone else meanwhile");
      } catch (SdkException e) {
        done(t, DrainOutcome.FAILED, AwsErrors.code(e), "DeleteService failed: " + AwsErrors.message(e)
            + "; the service is drained to 0, rerun to retry the delete");
      }
    }

    private void stopAll(DrainOutcome why, String what) {
      for (Tracker t : open()) {
        if (t.phase == Phase.WAITING_FOR_INACTIVE) {
          done(t, DrainOutcome.DELETED_DRAINING, null,
              "deleted; still DRAINING when " + what + " (ECS finishes this on its own)");
        } else {
          done(t, why, null, what + " with desired count 0, " + t.running + " running and " + t.pending
              + " pending; not deleted. Rerun the same command to resume");
        }
      }
    }

    private void failAll(SdkException e) {
      for (Tracker t : open()) {
        String state = t.phase == Phase.WAITING_FOR_INACTIVE ? "deleted, was DRAINING" : "desired count 0, not deleted";
        done(t, DrainOutcome.FAILED, AwsErrors.code(e), "DescribeServices failed: " + AwsErrors.message(e)
            + " (" + state + "; rerun to resume)");
      }
    }

    private void done(Tracker t, DrainOutcome outcome, String errorCode, String message) {
      t.phase = Phase.DONE;
      double seconds = (time.nanoTime() - start) / 1e9;
      ServiceOutcome result = new ServiceOutcome(t.name(), outcome, t.status, t.desired, t.running, t.pending,
          t.planned.stack(), t.scalingSuspended ? "suspended" : null, errorCode,
          t.scalingSuspended ? message + "; its auto scaling was suspended first and stays suspended" : message,
          Math.round(seconds * 10) / 10.0);
      synchronized (outcomes) {
        outcomes.put(t.name(), result);
      }
      listener.finished(result);
    }

    private List<Tracker> open() {
      return trackers.values().stream().filter(t -> t.phase != Phase.DONE).toList();
    }

    private List<Tracker> open(Phase phase) {
      return trackers.values().stream().filter(t -> t.phase == phase).toList();
    }

    /** Runs mutating calls concurrently; the polling loop resumes once all have answered. */
    private void inParallel(List<Tracker> targets, Consumer<Tracker> call) {
      if (targets.size() == 1) {
        call.accept(targets.get(0));
        return;
      }
      List<Future<?>> futures = new ArrayList<>();
      for (Tracker t : targets) {
        futures.add(calls.submit(() -> call.accept(t)));
      }
      for (Future<?> future : futures) {
        try {
          future.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } catch (ExecutionException e) {
          throw new IllegalStateException("drain call failed unexpectedly", e.getCause());
        }
      }
    }
  }
}

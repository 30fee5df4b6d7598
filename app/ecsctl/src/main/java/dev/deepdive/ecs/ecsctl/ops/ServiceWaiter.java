package dev.deepdive.ecs.ecsctl.ops;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * Waits until a service is steady, as the SDK's and the AWS CLI's {@code services-stable} waiter define it
 * (https://docs.aws.amazon.com/cli/latest/reference/ecs/wait/services-stable.html): one deployment left and
 * running equal to desired; here also nothing pending and the deployment's rollout COMPLETED. It stops early
 * when a deployment's rollout FAILED (the circuit breaker gave up) or the service is gone.
 *
 * <p>It polls adaptively (fast after a change, at most every {@link PollInterval#MAX}) rather than every 15 s
 * like the SDK's waiter, so it ends within a second of the service becoming steady.
 */
public final class ServiceWaiter {
  private final EcsClient ecs;
  private final TimeSource time;

  public ServiceWaiter(EcsClient ecs, TimeSource time) {
    this.ecs = Objects.requireNonNull(ecs, "ecs");
    this.time = Objects.requireNonNull(time, "time");
  }

  /** How a wait ended. */
  public enum Result { STEADY, DEPLOYMENT_FAILED, GONE, TIMED_OUT, INTERRUPTED }

  /** The service as last seen. */
  public record State(String status, int desiredCount, int runningCount, int pendingCount, int deployments,
      String rolloutState, String taskDefinition, String latestEvent) {}

  /**
   * The end of a wait.
   *
   * @param reason for DEPLOYMENT_FAILED, ECS's rollout reason
   * @param seconds how long the wait took
   */
  public record Outcome(Result result, State state, String reason, double seconds) {}

  /** Hears each change of the service's state. */
  public interface Listener {
    void changed(State state);

    /** A poll failed after all retries with a transient error; the wait goes on. */
    default void warning(String message) {}
  }

  /**
   * Waits within {@code timeout}. Throws the SDK's exception when a poll fails for good (e.g. the cluster is
   * missing); a transient failure after all retries is reported and the wait goes on.
   *
   * @param expectedDeployment the deployment a change just started (its ID), or null: if the service settles on
   *     another one, the circuit breaker rolled the change back, which is a failure, not steadiness
   */
  public Outcome await(String cluster, String service, String expectedDeployment, Duration timeout,
      Cancellation cancellation, Listener listener) {
    long start = time.nanoTime();
    long deadline = start + timeout.toNanos();
    PollInterval interval = new PollInterval();
    State last = null;
    while (true) {
      boolean changed = false;
      try {
        Service s = ServiceDescriptions.describe(ecs, cluster, List.of(service)).get(service);
        State now = state(s);
        if (!now.equals(last)) {
          changed = true;
          last = now;
          listener.changed(now);
        }
        Optional<Deployment> failed = s == null ? Optional.empty() : s.deployments().stream()
            .filter(d -> "FAILED".equals(d.rolloutStateAsString())).findFirst();
        if (s == null || !"ACTIVE".equals(s.status())) {
          return outcome(Result.GONE, now, null, start);
        }
        if (failed.isPresent()) {
          return outcome(Result.DEPLOYMENT_FAILED, now, failed.get().rolloutStateReason(), start);
        }
        if (steady(s)) {
          String settled = s.deployments().get(0).id();
          if (expectedDeployment != null && !expectedDeployment.equals(settled)) {
            return outcome(Result.DEPLOYMENT_FAILED, now, "deployment " + expectedDeployment
                + " was replaced by " + settled + " (rolled back)", start);
          }
          return outcome(Result.STEADY, now, null, start);
        }
      } catch (SdkException e) {
        if (!RetryableErrors.isRetryable(e)) {
          throw e;
        }
        listener.warning("DescribeServices failed after retries (" + AwsErrors.describe(e) + "); still waiting");
      }
      if (cancellation.isCancelled()) {
        return outcome(Result.INTERRUPTED, last, null, start);
      }
      long now = time.nanoTime();
      if (now >= deadline) {
        return outcome(Result.TIMED_OUT, last, null, start);
      }
      Duration wait = interval.next(changed);
      Duration left = Duration.ofNanos(deadline - now);
      try {
        time.sleep(wait.compareTo(left) < 0 ? wait : left, cancellation);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return outcome(Result.INTERRUPTED, last, null, start);
      }
      if (cancellation.isCancelled()) {
        return outcome(Result.INTERRUPTED, last, null, start);
      }
    }
  }

  /** Steady: ACTIVE, one deployment, running = desired, nothing pending, the rollout (if reported) COMPLETED. */
  static boolean steady(Service s) {
    if (s.deployments().size() != 1) {
      return false;
    }
    Deployment only = s.deployments().get(0);
    String rollout = only.rolloutStateAsString();
    return n(s.runningCount()) == n(s.desiredCount()) && n(s.pendingCount()) == 0
        && (rollout == null || "COMPLETED".equals(rollout));
  }

  private Outcome outcome(Result result, State state, String reason, long start) {
    double seconds = (time.nanoTime() - start) / 1e9;
    return new Outcome(result, state, reason, Math.round(seconds * 10) / 10.0);
  }

  private static State state(Service s) {
    if (s == null) {
      return new State("MISSING", 0, 0, 0, 0, null, null, null);
    }
    Deployment primary = s.deployments().stream().filter(d -> "PRIMARY".equals(d.status())).findFirst().orElse(null);
    return new State(s.status(), n(s.desiredCount()), n(s.runningCount()), n(s.pendingCount()),
        s.deployments().size(), primary == null ? null : primary.rolloutStateAsString(),
        Arns.lastSegment(s.taskDefinition()), s.events().isEmpty() ? null : s.events().get(0).message());
  }

  private static int n(Integer value) {
    return value == null ? 0 : value;
  }
}

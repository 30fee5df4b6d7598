package dev.deepdive.ecs.ecsctl.ops;

/** Progress of a drain, for the person watching. Called from several threads; implementations synchronise. */
public interface DrainListener {

  /** Application Auto Scaling of the service was suspended, so it cannot raise the count while draining. */
  default void scalingSuspended(String service, int minCount, int maxCount) {}

  /** UpdateService set the desired count to 0. */
  default void scaledToZero(String service, int previousDesiredCount) {}

  /** A service's counts or latest event changed since the last report. */
  default void progress(String service, String status, int desiredCount, int runningCount, int pendingCount,
      String latestEvent) {}

  /** No task runs any more; DeleteService is being called. */
  default void deleting(String service) {}

  /** Something worth a line that does not end the run (e.g. a poll failed after all retries). */
  default void warning(String message) {}

  /** The service reached its final outcome. */
  default void finished(ServiceOutcome outcome) {}

  DrainListener NONE = new DrainListener() {};
}

package dev.deepdive.ecs.ecsctl.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.applicationautoscaling.model.SuspendedState;

/**
 * Whether Application Auto Scaling owns a service's desired count, and suspending it.
 *
 * <p>A service is scaled when a scalable target exists for resource {@code service/<cluster>/<service>} and
 * dimension {@code ecs:service:DesiredCount}
 * (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html). Its
 * policies then set the desired count; a count set by hand lasts until the next alarm or scheduled action, and
 * one outside [min, max] is brought back inside. Suspending
 * (https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-suspend-resume-scaling.html)
 * is RegisterScalableTarget with the target's three SuspendedState flags set; min and max are left as they are.
 */
public final class ServiceScaling {
  /** DescribeScalableTargets accepts at most 50 resource IDs per call. */
  static final int DESCRIBE_BATCH = 50;

  private final ApplicationAutoScalingClient autoScaling;

  public ServiceScaling(ApplicationAutoScalingClient autoScaling) {
    this.autoScaling = Objects.requireNonNull(autoScaling, "autoScaling");
  }

  /**
   * A service's scalable target.
   *
   * @param minCount the fewest tasks scaling sets
   * @param maxCount the most tasks scaling sets
   */
  public record Target(String resourceId, int minCount, int maxCount, boolean dynamicScalingInSuspended,
      boolean dynamicScalingOutSuspended, boolean scheduledScalingSuspended) {

    /** True when none of the three kinds of scaling can change the count. */
    public boolean fullySuspended() {
      return dynamicScalingInSuspended && dynamicScalingOutSuspended && scheduledScalingSuspended;
    }
  }

  /** {@code service/<cluster>/<service>}: names, not ARNs, whatever the user typed. */
  public static String resourceId(String cluster, String service) {
    return "service/" + Arns.lastSegment(cluster) + "/" + Arns.lastSegment(service);
  }

  /** The scalable target of one service, if any. */
  public Optional<Target> target(String cluster, String service) {
    return Optional.ofNullable(targets(cluster, List.of(service)).get(service));
  }

  /** Scalable targets of the named services (names or ARNs as given), keyed as given; unscaled ones are absent. */
  public Map<String, Target> targets(String cluster, List<String> services) {
    Map<String, String> askedById = new LinkedHashMap<>();
    services.forEach(s -> askedById.put(resourceId(cluster, s), s));
    List<String> ids = List.copyOf(askedById.keySet());
    Map<String, Target> out = new LinkedHashMap<>();
    for (int from = 0; from < ids.size(); from += DESCRIBE_BATCH) {
      List<String> batch = ids.subList(from, Math.min(from + DESCRIBE_BATCH, ids.size()));
      autoScaling.describeScalableTargetsPaginator(r -> r.serviceNamespace(ServiceNamespace.ECS)
              .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT).resourceIds(batch))
          .scalableTargets().forEach(t -> {
            String asked = askedById.get(t.resourceId());
            if (asked != null) {
              out.put(asked, target(t));
            }
          });
    }
    return out;
  }

  /** Suspends scale-in, scale-out and scheduled scaling of the service's target; min and max stay. */
  public void suspend(String cluster, String service) {
    autoScaling.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.ECS)
        .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
        .resourceId(resourceId(cluster, service))
        .suspendedState(SuspendedState.builder()
            .dynamicScalingInSuspended(true)
            .dynamicScalingOutSuspended(true)
            .scheduledScalingSuspended(true)
            .build()));
  }

  private static Target target(ScalableTarget t) {
    SuspendedState s = t.suspendedState();
    return new Target(t.resourceId(), n(t.minCapacity()), n(t.maxCapacity()),
        s != null && Boolean.TRUE.equals(s.dynamicScalingInSuspended()),
        s != null && Boolean.TRUE.equals(s.dynamicScalingOutSuspended()),
        s != null && Boolean.TRUE.equals(s.scheduledScalingSuspended()));
  }

  private static int n(Integer value) {
    return value == null ? 0 : value;
  }
}

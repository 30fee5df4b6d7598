package dev.deepdive.ecs.constructs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.services.applicationautoscaling.CfnScalableTarget;
import software.amazon.awscdk.services.applicationautoscaling.CfnScalingPolicy;
import software.amazon.awscdk.services.ecs.CfnService;
import software.constructs.Construct;

/**
 * Application Auto Scaling of one ECS service: its scalable target (with the scheduled actions) and one target
 * tracking policy per metric (construct IDs {@code Target}, {@code Cpu}, {@code Memory}, {@code Requests}).
 *
 * <p><b>CloudFormation does not fight the scaler.</b> {@link EcsService} leaves {@code DesiredCount} out of the
 * service: CloudFormation then creates the service with a count of 1 and, on every later update, leaves the
 * count as it is ("For existing services, if a desired count is not specified, it is omitted from the
 * operation", AWS::ECS::Service DesiredCount,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ecs-service.html). So a
 * deploy keeps the count the scaler has set. Registering the scalable target brings the count inside
 * [minCount, maxCount] at once ("it changes the resource's current capacity to a value that is inside of this
 * range", https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html), so a
 * new service starts at max(1, minCount) tasks (1 when minCount is 0). The CDK does the same behind its
 * feature flag {@code @aws-cdk/aws-ecs:removeDefaultDesiredCount}; Terraform users write
 * {@code lifecycle { ignore_changes = [desired_count] }}.
 *
 * <p>No role is named: Application Auto Scaling then uses its service-linked role for ECS,
 * AWSServiceRoleForApplicationAutoScaling_ECSService, and creates it if the account has none.
 */
public final class ServiceScaling extends Construct {
  /** The dimension Application Auto Scaling changes on an ECS service. */
  public static final String DIMENSION = "ecs:service:DesiredCount";

  private final CfnScalableTarget target;

  /**
   * @param service the service to scale; its name and {@code clusterName} make the resource ID
   * @param requestResourceLabel {@code <load balancer full name>/<target group full name>}, the resource label of
   *     ALBRequestCountPerTarget; empty without a load balancer
   */
  public ServiceScaling(Construct scope, String id, CfnService service, String clusterName,
      ServiceAutoScaling scaling, Optional<String> requestResourceLabel) {
    super(scope, id);
    List<CfnScalableTarget.ScheduledActionProperty> scheduled = new ArrayList<>();
    for (ServiceAutoScaling.ScheduledAction action : scaling.scheduledActions()) {
      CfnScalableTarget.ScalableTargetActionProperty.Builder bounds =
          CfnScalableTarget.ScalableTargetActionProperty.builder();
      action.minCount().ifPresent(bounds::minCapacity);
      action.maxCount().ifPresent(bounds::maxCapacity);
      CfnScalableTarget.ScheduledActionProperty.Builder scheduledAction = CfnScalableTarget.ScheduledActionProperty
          .builder()
          .scheduledActionName(action.name())
          .schedule(action.schedule())
          .scalableTargetAction(bounds.build());
      action.timeZone().ifPresent(scheduledAction::timezone);
      scheduled.add(scheduledAction.build());
    }
    CfnScalableTarget.Builder target = CfnScalableTarget.Builder.create(this, "Target")
        .serviceNamespace("ecs")
        .scalableDimension(DIMENSION)
        // The service's name attribute: the target is registered after the service exists.
        .resourceId(Fn.join("/", List.of("service", clusterName, service.getAttrName())))
        .minCapacity(scaling.minCount())
        .maxCapacity(scaling.maxCount());
    if (!scheduled.isEmpty()) {
      target.scheduledActions(scheduled);
    }
    this.target = target.build();
    scaling.cpuUtilizationPercent().ifPresent(percent ->
        policy("Cpu", "cpu", "ECSServiceAverageCPUUtilization", null, percent, scaling));
    scaling.memoryUtilizationPercent().ifPresent(percent ->
        policy("Memory", "memory", "ECSServiceAverageMemoryUtilization", null, percent, scaling));
    scaling.requestsPerTarget().ifPresent(requests -> policy("Requests", "requests", "ALBRequestCountPerTarget",
        requestResourceLabel.orElseThrow(() -> new IllegalArgumentException(
            "requestsPerTarget needs the load balancer's and target group's full names")), requests, scaling));
  }

  private void policy(String id, String suffix, String metric, String resourceLabel, int targetValue,
      ServiceAutoScaling scaling) {
    CfnScalingPolicy.PredefinedMetricSpecificationProperty.Builder predefined =
        CfnScalingPolicy.PredefinedMetricSpecificationProperty.builder().predefinedMetricType(metric);
    if (resourceLabel != null) {
      predefined.resourceLabel(resourceLabel);
    }
    CfnScalingPolicy.Builder.create(this, id)
        // Names are unique per scalable target only.
        .policyName(suffix + "-target-tracking")
        .policyType("TargetTrackingScaling")
        .scalingTargetId(target.getRef())
        .targetTrackingScalingPolicyConfiguration(
            CfnScalingPolicy.TargetTrackingScalingPolicyConfigurationProperty.builder()
                .predefinedMetricSpecification(predefined.build())
                .targetValue(targetValue)
                .scaleInCooldown(scaling.scaleInCooldownSeconds())
                .scaleOutCooldown(scaling.scaleOutCooldownSeconds())
                .build())
        .build();
  }

  public CfnScalableTarget scalableTarget() {
    return target;
  }
}

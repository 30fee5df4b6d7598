package dev.deepdive.ecs.ecsctl.ops;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The result for one service. Counts are the last ones observed; null when ECS never described the service.
 *
 * @param service the name or ARN as given
 * @param outcome what happened
 * @param status the last ECS status seen: ACTIVE, DRAINING, INACTIVE, or MISSING
 * @param stack the CloudFormation stack managing the service, if any
 * @param autoScaling {@code suspended} when drain-delete suspended its Application Auto Scaling before scaling
 *     to 0 (it stays suspended), {@code would-suspend} in a dry run; absent when nothing scales the service
 * @param errorCode the AWS error code when {@code outcome} is FAILED
 * @param message one human sentence about the outcome
 * @param seconds time from the start of the run until this outcome
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceOutcome(
    String service,
    DrainOutcome outcome,
    String status,
    Integer desiredCount,
    Integer runningCount,
    Integer pendingCount,
    String stack,
    String autoScaling,
    String errorCode,
    String message,
    double seconds) {}

package dev.deepdive.ecs.ecsctl.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A local Application Auto Scaling endpoint beside a {@link FakeEcs} (JSON 1.1, target prefix
 * {@code AnyScaleFrontendService.}): scalable targets of ECS services, DescribeScalableTargets and
 * RegisterScalableTarget (which also suspends and resumes). A registered, unsuspended target scales its service
 * back up after a scale-down to 0 (see {@link FakeService}).
 */
public final class FakeAutoScaling extends FakeJsonEndpoint {
  static final String TARGET_PREFIX = "AnyScaleFrontendService.";
  static final String DIMENSION = "ecs:service:DesiredCount";

  private final FakeEcs ecs;
  private final Map<String, Target> targets = new LinkedHashMap<>();

  /** One scalable target: its bounds and which of its three kinds of scaling are suspended. */
  static final class Target {
    int min;
    int max;
    boolean inSuspended;
    boolean outSuspended;
    boolean scheduledSuspended;
  }

  FakeAutoScaling(FakeEcs ecs) {
    super("fake-autoscaling", TARGET_PREFIX, ecs);
    this.ecs = ecs;
  }

  @Override protected long nowMillis() {
    return ecs.nowMillis();
  }

  /** Registers a scalable target for {@code service} in {@code cluster}, nothing suspended. */
  public FakeAutoScaling scalableTarget(String cluster, String service, int min, int max) {
    synchronized (lock) {
      Target t = new Target();
      t.min = min;
      t.max = max;
      targets.put("service/" + cluster + "/" + service, t);
    }
    return this;
  }

  /** Suspends all three kinds of scaling of the service's target, as someone did before. */
  public FakeAutoScaling suspendAll(String cluster, String service) {
    synchronized (lock) {
      Target t = targets.get("service/" + cluster + "/" + service);
      t.inSuspended = true;
      t.outSuspended = true;
      t.scheduledSuspended = true;
    }
    return this;
  }

  /** True if all three kinds of scaling of the service's target are suspended. */
  public boolean suspended(String cluster, String service) {
    synchronized (lock) {
      Target t = targets.get("service/" + cluster + "/" + service);
      return t != null && t.inSuspended && t.outSuspended && t.scheduledSuspended;
    }
  }

  /** The minimum of an unsuspended target, which the scaler enforces; null when none does (under the lock). */
  Integer activeMinimum(String resourceId) {
    Target t = targets.get(resourceId);
    return t == null || t.outSuspended ? null : t.min;
  }

  /** The next {@code times} calls of {@code operation} fail with {@code fault}. */
  @Override public FakeAutoScaling failNext(String operation, Fault fault, int times) {
    super.failNext(operation, fault, times);
    return this;
  }

  @Override protected JsonNode dispatch(String operation, JsonNode request) {
    return switch (operation) {
      case "DescribeScalableTargets" -> describe(request);
      case "RegisterScalableTarget" -> register(request);
      default -> throw new ApiError("UnknownOperationException", "operation " + operation + " is not faked");
    };
  }

  private void requireEcsNamespace(JsonNode request) {
    if (!"ecs".equals(request.path("ServiceNamespace").asText())) {
      throw new ApiError("ValidationException", "only the ecs namespace is faked");
    }
  }

  private JsonNode describe(JsonNode request) {
    requireEcsNamespace(request);
    if (request.path("ResourceIds").size() > 50) {
      throw new ApiError("ValidationException", "ResourceIds can have at most 50 items.");
    }
    ObjectNode out = json.createObjectNode();
    ArrayNode found = out.putArray("ScalableTargets");
    for (JsonNode id : request.path("ResourceIds")) {
      Target t = targets.get(id.asText());
      if (t != null) {
        ObjectNode target = found.addObject();
        target.put("ServiceNamespace", "ecs");
        target.put("ResourceId", id.asText());
        target.put("ScalableDimension", DIMENSION);
        target.put("MinCapacity", t.min);
        target.put("MaxCapacity", t.max);
        target.put("RoleARN", "arn:aws:iam::" + FakeEcs.ACCOUNT + ":role/aws-service-role/ecs.application-autoscaling"
            + ".amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService");
        target.put("CreationTime", ecs.epochSeconds() - 86_400);
        ObjectNode suspended = target.putObject("SuspendedState");
        suspended.put("DynamicScalingInSuspended", t.inSuspended);
        suspended.put("DynamicScalingOutSuspended", t.outSuspended);
        suspended.put("ScheduledScalingSuspended", t.scheduledSuspended);
      }
    }
    return out;
  }

  private JsonNode register(JsonNode request) {
    requireEcsNamespace(request);
    String id = request.path("ResourceId").asText();
    if (!DIMENSION.equals(request.path("ScalableDimension").asText())) {
      throw new ApiError("ValidationException", "ScalableDimension must be " + DIMENSION);
    }
    Target t = targets.get(id);
    if (t == null) {
      if (!request.has("MinCapacity") || !request.has("MaxCapacity")) {
        throw new ApiError("ValidationException", "MinCapacity and MaxCapacity are required for a new target");
      }
      t = new Target();
      targets.put(id, t);
    }
    if (request.has("MinCapacity")) t.min = request.get("MinCapacity").asInt();
    if (request.has("MaxCapacity")) t.max = request.get("MaxCapacity").asInt();
    JsonNode s = request.path("SuspendedState");
    if (s.has("DynamicScalingInSuspended")) t.inSuspended = s.get("DynamicScalingInSuspended").asBoolean();
    if (s.has("DynamicScalingOutSuspended")) t.outSuspended = s.get("DynamicScalingOutSuspended").asBoolean();
    if (s.has("ScheduledScalingSuspended")) t.scheduledSuspended = s.get("ScheduledScalingSuspended").asBoolean();
    ObjectNode out = json.createObjectNode();
    out.put("ScalableTargetARN", "arn:aws:application-autoscaling:" + FakeEcs.REGION + ":" + FakeEcs.ACCOUNT
        + ":scalable-target/" + Integer.toHexString(id.hashCode()));
    return out;
  }
}

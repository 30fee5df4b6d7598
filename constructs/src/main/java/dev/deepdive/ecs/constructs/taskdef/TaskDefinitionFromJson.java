package dev.deepdive.ecs.constructs.taskdef;

import dev.deepdive.ecs.placement.NetworkMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnTag;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ecs.CfnTaskDefinition;
import software.amazon.awscdk.services.ecs.CfnTaskDefinitionProps;
import software.constructs.Construct;

/**
 * An ECS task definition exactly as a register-task-definition JSON file describes it, with the roles the
 * tool generates in place of the file's executionRoleArn/taskRoleArn.
 *
 * <p>Why not the L2 {@code Ec2TaskDefinition}: it cannot express every native field (links, volumesFrom,
 * dockerSecurityOptions, ...) one to one, and it adds defaults of its own. The resource is an L1
 * {@link CfnTaskDefinition} whose Properties come from the file in one {@code addOverride} call: one crossing
 * of the jsii bridge instead of one per nested struct, and no second typed mapping that could drift from the
 * JSON. Only the file's tags go through the typed {@code tags} property, so that tags applied with
 * {@code Tags.of(...)} elsewhere are merged with them rather than overwritten.
 *
 * <p>Revisions: CloudFormation replaces a task definition when any of its fields changes (tags aside), which
 * registers a new revision, and on success deregisters the old one (INACTIVE), after which a service can no
 * longer be rolled back to it.
 * {@code UpdateReplacePolicy: Retain} keeps replaced revisions ACTIVE for rollback. {@code DeletionPolicy:
 * Retain} as well: CloudFormation's template validation (W3011) flags one without the other, and an ACTIVE
 * revision costs nothing; a deleted environment leaves its revisions behind for
 * {@code aws ecs deregister-task-definition}.
 *
 * <p>Validation happens here, before anything is added to the template: every error of the file and the fit
 * check at once, as {@link TaskDefinitionProblems}. Warnings (JVM memory, unknown instance types) and notices
 * about replaced role fields become CDK annotations and are also available from {@link #warnings()}.
 */
public final class TaskDefinitionFromJson extends Construct {
  /** Annotation id for this construct's warnings, for acknowledging them. */
  public static final String WARNING_ID = "ecs-on-ec2:task-definition";

  private final TaskDefinitionDocument document;
  private final CfnTaskDefinition resource;
  private final List<String> warnings;

  public TaskDefinitionFromJson(Construct scope, String id, TaskDefinitionFromJsonProps props) {
    super(scope, id);
    document = props.document();
    ValidationReport report = document.validate()
        .plus(document.validateFits(props.instanceTypes(), props.ecsReservedMemoryMiB()));
    report.throwIfErrors();
    warnings = report.warnings();

    Map<String, Object> properties = new LinkedHashMap<>(document.toCloudFormationProperties(
        props.executionRole().getRoleArn(), props.taskRole().getRoleArn(), props.renderOptions()));
    // An explicit empty list stays in the override so that "tags": [] survives the round trip.
    Object fileTags = properties.get("Tags") instanceof List<?> l && !l.isEmpty() ? properties.remove("Tags") : null;
    resource = new CfnTaskDefinition(this, "Resource", CfnTaskDefinitionProps.builder()
        .tags(cfnTags(fileTags))
        .build());
    resource.addOverride("Properties", properties);
    // Both UpdateReplacePolicy and DeletionPolicy, in one bridge call.
    resource.applyRemovalPolicy(RemovalPolicy.RETAIN);

    warnings.forEach(w -> Annotations.of(this).addWarningV2(WARNING_ID, w));
    document.replacementNotices().forEach(n -> Annotations.of(this).addInfo(n));
  }

  @SuppressWarnings("unchecked")
  private static List<CfnTag> cfnTags(Object rendered) {
    List<CfnTag> tags = new ArrayList<>();
    if (rendered != null) {
      for (Object o : (List<Object>) rendered) {
        Map<String, Object> tag = (Map<String, Object>) o;
        tags.add(CfnTag.builder().key((String) tag.get("Key")).value((String) tag.get("Value")).build());
      }
    }
    return tags;
  }

  /** The task definition's ARN with its revision (the resource's Ref), for the service. */
  public String taskDefinitionArn() {
    return resource.getRef();
  }

  /** The family from the file. */
  public String family() {
    return document.family();
  }

  /** The network mode from the file; bridge when it has none. */
  public NetworkMode networkMode() {
    return document.networkMode();
  }

  /** Every single-port mapping of every container, for load balancer targets and security group rules. */
  public List<ContainerPort> containerPorts() {
    return document.containerPorts();
  }

  /** The mapping of {@code containerName} for {@code containerPort}, if the task declares it. */
  public Optional<ContainerPort> containerPort(String containerName, int containerPort) {
    return document.containerPort(containerName, containerPort);
  }

  /** The parsed file. */
  public TaskDefinitionDocument document() {
    return document;
  }

  /** Warnings found while validating (also added as CDK warnings). */
  public List<String> warnings() {
    return warnings;
  }

  /** The L1 resource, for dependencies and escape hatches. */
  public CfnTaskDefinition resource() {
    return resource;
  }
}

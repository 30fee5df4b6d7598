package dev.deepdive.ecs.ecsctl.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What changed between an older and a newer cloud assembly, security-relevant first.
 *
 * <p>Resources are matched by environment, stack display name and logical ID, as CloudFormation matches them:
 * a resource whose logical ID changes is deleted and created anew, so a logical ID that disappears while one of
 * the same type appears in the same stack is reported as a replacement.
 *
 * @param newGrants IAM grants (role × action × resource) present only in the newer assembly
 * @param removedGrants IAM grants present only in the older assembly
 * @param newExposure internet exposure present only in the newer assembly
 * @param removedExposure internet exposure present only in the older assembly
 * @param newContainerRisks risky container settings present only in the newer assembly
 * @param removedContainerRisks risky container settings present only in the older assembly
 * @param replaced resources CloudFormation will replace
 * @param resources every added, removed or modified resource, by environment, stack and logical ID
 * @param instanceRolls Auto Scaling groups whose change reaches their container instances: replaced by the group's
 *     update policy, or (without one) only in instances launched later
 */
record AssemblyDiff(List<Grant> newGrants, List<Grant> removedGrants, List<Exposure> newExposure,
    List<Exposure> removedExposure, List<ContainerRisk> newContainerRisks, List<ContainerRisk> removedContainerRisks,
    List<Replacement> replaced, List<ResourceChange> resources, List<InstanceRoll> instanceRolls) {

  /** Grants of an attached managed policy read as this action on the policy's ARN: its content is not offline. */
  static final String MANAGED_POLICY = "(managed policy)";

  /** One role × action × resource; {@code wildcardReason} is why a wildcard in it is accepted, or empty. */
  record Grant(String environment, String stack, String role, String effect, String action, String resource,
      String condition, String wildcardReason) {
    Grant withoutReason() {
      return new Grant(environment, stack, role, effect, action, resource, condition, "");
    }
  }

  record Exposure(String environment, String stack, String target, String access) {}

  record ContainerRisk(String environment, String stack, String taskDefinition, String container, String setting,
      String detail) {}

  /**
   * A resource CloudFormation will (or may) replace, or cannot update at all.
   *
   * @param outcome {@link #REPLACED}, {@link #MAYBE_REPLACED} or {@link #UPDATE_FAILS}
   * @param reason which change causes it, and for {@link #UPDATE_FAILS} what to do
   */
  record Replacement(String environment, String stack, String logicalId, String type, String outcome, String reason) {}

  static final String REPLACED = "replaced";
  static final String MAYBE_REPLACED = "may be replaced";
  static final String UPDATE_FAILS = "update fails";

  record ResourceChange(String change, String environment, String stack, String logicalId, String type,
      List<String> properties) {}

  /**
   * An Auto Scaling group whose instances' launch settings change. CloudFormation replaces the group's instances on
   * a change of its LaunchConfigurationName, LaunchTemplate, MixedInstancesPolicy, PlacementGroup or
   * VPCZoneIdentifier (a new launch template version is a
   * LaunchTemplate change), following the group's UpdatePolicy; without one, running instances are left as they are
   * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-updatepolicy.html).
   *
   * @param autoScalingGroup the group's logical ID
   * @param changed what changed, e.g. {@code LaunchTemplateData.ImageId, LaunchTemplateData.UserData}
   * @param update {@link #ROLLING_UPDATE}, {@link #REPLACING_UPDATE} or {@link #NO_UPDATE_POLICY}
   * @param maxBatchSize instances replaced at a time by a rolling update (AutoScalingRollingUpdate.MaxBatchSize,
   *     default 1; 0 when it is not a literal); 0 for the other outcomes
   */
  record InstanceRoll(String environment, String stack, String autoScalingGroup, String changed, String update,
      int maxBatchSize) {}

  static final String ROLLING_UPDATE = "rolling update";
  static final String REPLACING_UPDATE = "replacing update";
  static final String NO_UPDATE_POLICY = "no update policy";

  private static final String AUTO_SCALING_GROUP = "AWS::AutoScaling::AutoScalingGroup";

  private record ResourceKey(String environment, String stack, String logicalId) {}

  private static final Comparator<Grant> GRANT_ORDER = Comparator.comparing(Grant::environment, EnvironmentReview.NAME_ORDER)
      .thenComparing(Grant::stack).thenComparing(Grant::role).thenComparing(Grant::effect)
      .thenComparing(Grant::action).thenComparing(Grant::resource).thenComparing(Grant::condition)
      .thenComparing(Grant::wildcardReason);
  private static final Comparator<ContainerRisk> RISK_ORDER = Comparator.comparing(ContainerRisk::environment,
      EnvironmentReview.NAME_ORDER).thenComparing(ContainerRisk::stack).thenComparing(ContainerRisk::taskDefinition)
      .thenComparing(ContainerRisk::container).thenComparing(ContainerRisk::setting).thenComparing(ContainerRisk::detail);
  private static final Comparator<Exposure> EXPOSURE_ORDER = Comparator.comparing(Exposure::environment, EnvironmentReview.NAME_ORDER)
      .thenComparing(Exposure::stack).thenComparing(Exposure::target).thenComparing(Exposure::access);
  /** Attributes besides Properties that change what CloudFormation does; Metadata (paths, asset hints) does not. */
  private static final List<String> RESOURCE_ATTRIBUTES =
      List.of("Type", "Condition", "DependsOn", "DeletionPolicy", "UpdateReplacePolicy", "UpdatePolicy");

  static AssemblyDiff of(CloudAssembly newer, List<EnvironmentReview> newerReviews, CloudAssembly older,
      List<EnvironmentReview> olderReviews) {
    List<Grant> newerGrants = grants(newerReviews);
    List<Grant> olderGrants = grants(olderReviews);
    List<Exposure> newerExposure = exposure(newerReviews);
    List<Exposure> olderExposure = exposure(olderReviews);
    SortedMap<ResourceKey, JsonNode> newerResources = resources(newer);
    SortedMap<ResourceKey, JsonNode> olderResources = resources(older);

    List<Replacement> replaced = new ArrayList<>();
    List<ResourceChange> changes = new ArrayList<>();
    List<InstanceRoll> rolls = new ArrayList<>();
    newerResources.forEach((key, resource) -> {
      JsonNode before = olderResources.get(key);
      String type = StackResources.typeOf(resource);
      if (before != null && type.equals(AUTO_SCALING_GROUP) && StackResources.typeOf(before).equals(type)) {
        InstanceRoll roll = instanceRoll(key, before, olderResources, resource, newerResources);
        if (roll != null) {
          rolls.add(roll);
        }
      }
      if (before == null) {
        changes.add(change("added", key, type, List.of()));
        return;
      }
      String oldType = StackResources.typeOf(before);
      if (!oldType.equals(type)) {
        replaced.add(new Replacement(key.environment(), key.stack(), key.logicalId(), type, REPLACED,
            "type changed from " + oldType));
      } else {
        Replacement replacement = replacement(key, type, before, resource);
        if (replacement != null) {
          replaced.add(replacement);
        }
      }
      List<String> modified = modifiedParts(before, resource);
      if (!modified.isEmpty()) {
        changes.add(change("modified", key, type, modified));
      }
    });
    olderResources.forEach((key, resource) -> {
      if (!newerResources.containsKey(key)) {
        changes.add(change("removed", key, StackResources.typeOf(resource), List.of()));
      }
    });
    replaced.addAll(renamed(newerResources, olderResources));
    // Groups whose running instances are replaced first; within each, in resource order (the map's, kept: stable).
    rolls.sort(Comparator.comparing(r -> r.update().equals(NO_UPDATE_POLICY)));
    replaced.sort(Comparator.comparing(Replacement::environment, EnvironmentReview.NAME_ORDER).thenComparing(Replacement::stack)
        .thenComparing(Replacement::logicalId));
    changes.sort(Comparator.comparing(ResourceChange::environment, EnvironmentReview.NAME_ORDER).thenComparing(ResourceChange::stack)
        .thenComparing(ResourceChange::logicalId));

    return new AssemblyDiff(minusGrants(newerGrants, olderGrants), minusGrants(olderGrants, newerGrants),
        minus(newerExposure, olderExposure, EXPOSURE_ORDER), minus(olderExposure, newerExposure, EXPOSURE_ORDER),
        minus(risks(newerReviews), risks(olderReviews), RISK_ORDER), minus(risks(olderReviews), risks(newerReviews),
            RISK_ORDER), List.copyOf(replaced), List.copyOf(changes), List.copyOf(rolls));
  }

  /**
   * What reaches the instances of an Auto Scaling group kept under its logical ID, or null when nothing does: its
   * launch template reference, instance type overrides or subnets, and the LaunchTemplateData of the launch template
   * it references (each side resolved in its own assembly, so a launch template under a new logical ID compares
   * with the one the group used before).
   */
  private static InstanceRoll instanceRoll(ResourceKey key, JsonNode before, SortedMap<ResourceKey, JsonNode> older,
      JsonNode after, SortedMap<ResourceKey, JsonNode> newer) {
    JsonNode oldProperties = StackResources.properties(before);
    JsonNode newProperties = StackResources.properties(after);
    List<String> changed = new ArrayList<>();
    JsonNode oldSpec = launchTemplateSpecification(oldProperties);
    JsonNode newSpec = launchTemplateSpecification(newProperties);
    for (String property : List.of("LaunchConfigurationName", "LaunchTemplate", "PlacementGroup")) {
      if (!oldProperties.path(property).equals(newProperties.path(property))) {
        changed.add(property);
      }
    }
    JsonNode oldMixed = oldProperties.path("MixedInstancesPolicy").path("LaunchTemplate");
    JsonNode newMixed = newProperties.path("MixedInstancesPolicy").path("LaunchTemplate");
    if (!oldMixed.path("LaunchTemplateSpecification").equals(newMixed.path("LaunchTemplateSpecification"))) {
      changed.add("MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification");
    }
    if (!oldMixed.path("Overrides").equals(newMixed.path("Overrides"))) {
      changed.add("MixedInstancesPolicy.LaunchTemplate.Overrides (instance types)");
    }
    if (!oldProperties.path("MixedInstancesPolicy").path("InstancesDistribution")
        .equals(newProperties.path("MixedInstancesPolicy").path("InstancesDistribution"))) {
      changed.add("MixedInstancesPolicy.InstancesDistribution");
    }
    if (!oldProperties.path("VPCZoneIdentifier").equals(newProperties.path("VPCZoneIdentifier"))) {
      changed.add("VPCZoneIdentifier");
    }
    JsonNode oldTemplate = launchTemplate(key, oldSpec, older);
    JsonNode newTemplate = launchTemplate(key, newSpec, newer);
    if (oldTemplate != null && newTemplate != null) {
      ReplacementRules.changedProperties(StackResources.properties(oldTemplate).path("LaunchTemplateData"),
          StackResources.properties(newTemplate).path("LaunchTemplateData"))
          .forEach(property -> changed.add("LaunchTemplateData." + property));
    }
    if (changed.isEmpty()) {
      return null;
    }
    JsonNode policy = after.path("UpdatePolicy");
    String update;
    int batch = 0;
    if (policy.has("AutoScalingRollingUpdate")) {
      update = ROLLING_UPDATE;
      JsonNode size = policy.path("AutoScalingRollingUpdate").path("MaxBatchSize");
      // A MaxBatchSize left out is 1 (UpdatePolicy attribute reference); one from a parameter is unknown offline.
      batch = size.isMissingNode() ? 1 : size.isIntegralNumber() ? size.asInt()
          : size.isTextual() && size.asText().matches("[0-9]+") ? Integer.parseInt(size.asText()) : 0;
    } else if (policy.path("AutoScalingReplacingUpdate").path("WillReplace").asText().equals("true")) {
      update = REPLACING_UPDATE;
    } else {
      update = NO_UPDATE_POLICY;
    }
    return new InstanceRoll(key.environment(), key.stack(), key.logicalId(), String.join(", ", changed), update,
        batch);
  }

  /** The group's LaunchTemplateSpecification: its own LaunchTemplate, or its MixedInstancesPolicy's. */
  private static JsonNode launchTemplateSpecification(JsonNode groupProperties) {
    if (groupProperties.has("LaunchTemplate")) {
      return groupProperties.get("LaunchTemplate");
    }
    return groupProperties.path("MixedInstancesPolicy").path("LaunchTemplate").path("LaunchTemplateSpecification");
  }

  /** The launch template resource a specification names by {@code Ref} in the group's stack, or null. */
  private static JsonNode launchTemplate(ResourceKey group, JsonNode specification,
      SortedMap<ResourceKey, JsonNode> resources) {
    for (String field : List.of("LaunchTemplateId", "LaunchTemplateName")) {
      JsonNode ref = specification.path(field).path("Ref");
      if (ref.isTextual()) {
        JsonNode template = resources.get(new ResourceKey(group.environment(), group.stack(), ref.asText()));
        if (template != null && StackResources.typeOf(template).equals("AWS::EC2::LaunchTemplate")) {
          return template;
        }
      }
    }
    return null;
  }

  /** What a property change does to a resource that keeps its type and logical ID, or null if it is updated in place. */
  private static Replacement replacement(ResourceKey key, String type, JsonNode before, JsonNode after) {
    List<ReplacementRules.Change> changes = ReplacementRules.replacingChanges(type, StackResources.properties(before),
        StackResources.properties(after));
    if (changes.isEmpty()) {
      return null;
    }
    List<String> certain = changes.stream().filter(c -> c.certainty() == ReplacementRules.Certainty.REPLACED)
        .map(ReplacementRules.Change::property).toList();
    List<String> possible = changes.stream().filter(c -> c.certainty() == ReplacementRules.Certainty.MAYBE)
        .map(ReplacementRules.Change::property).toList();
    String changed = String.join(", ", certain.isEmpty() ? possible : certain) + " changed";
    // The name before the change is the one CloudFormation would have to create the replacement under.
    String customName = ReplacementRules.customName(type, StackResources.properties(before));
    boolean renamed = customName != null
        && !StackResources.properties(before).path(customName.substring(0, customName.indexOf(' ')))
            .equals(StackResources.properties(after).path(customName.substring(0, customName.indexOf(' '))));
    if (customName != null && !renamed) {
      return new Replacement(key.environment(), key.stack(), key.logicalId(), type,
          certain.isEmpty() ? MAYBE_REPLACED + ", then " + UPDATE_FAILS : UPDATE_FAILS, changed
              + ", which needs a replacement, but " + customName + " is a custom name: CloudFormation cannot replace"
              + " a custom-named resource, so this deploy fails and rolls back. Change the name in the same change,"
              + " or remove the resource in one deploy and add it back in the next");
    }
    if (certain.isEmpty()) {
      return new Replacement(key.environment(), key.stack(), key.logicalId(), type, MAYBE_REPLACED, changed
          + " (only some changes of it replace the resource; see the property's page in the CloudFormation"
          + " resource reference)");
    }
    return new Replacement(key.environment(), key.stack(), key.logicalId(), type, REPLACED, changed);
  }

  /** In one stack, logical IDs of a type that disappeared while others of that type appeared. */
  private static List<Replacement> renamed(SortedMap<ResourceKey, JsonNode> newer,
      SortedMap<ResourceKey, JsonNode> older) {
    SortedMap<String, List<String>> removed = byStackAndType(older, newer);
    SortedMap<String, List<String>> added = byStackAndType(newer, older);
    List<Replacement> replaced = new ArrayList<>();
    removed.forEach((stackAndType, removedIds) -> {
      List<String> addedIds = added.get(stackAndType);
      if (addedIds != null) {
        String[] parts = stackAndType.split("\u0000", 3);
        replaced.add(new Replacement(parts[0], parts[1], String.join(", ", removedIds) + " -> "
            + String.join(", ", addedIds), parts[2], REPLACED,
            "logical ID changed: the old resource is deleted, a new one created"));
      }
    });
    return replaced;
  }

  private static SortedMap<String, List<String>> byStackAndType(SortedMap<ResourceKey, JsonNode> these,
      SortedMap<ResourceKey, JsonNode> notIn) {
    SortedMap<String, List<String>> grouped = new TreeMap<>();
    these.forEach((key, resource) -> {
      if (!notIn.containsKey(key)) {
        grouped.computeIfAbsent(key.environment() + "\u0000" + key.stack() + "\u0000" + StackResources.typeOf(resource),
            k -> new ArrayList<>()).add(key.logicalId());
      }
    });
    return grouped;
  }

  private static List<String> modifiedParts(JsonNode before, JsonNode after) {
    List<String> parts = new ArrayList<>();
    for (String attribute : RESOURCE_ATTRIBUTES) {
      if (!before.path(attribute).equals(after.path(attribute))) {
        parts.add(attribute);
      }
    }
    ReplacementRules.changedProperties(StackResources.properties(before), StackResources.properties(after))
        .forEach(parts::add);
    return List.copyOf(parts);
  }

  private static ResourceChange change(String change, ResourceKey key, String type, List<String> properties) {
    return new ResourceChange(change, key.environment(), key.stack(), key.logicalId(), type, properties);
  }

  private static SortedMap<ResourceKey, JsonNode> resources(CloudAssembly assembly) {
    SortedMap<ResourceKey, JsonNode> resources = new TreeMap<>(Comparator.comparing(ResourceKey::environment, EnvironmentReview.NAME_ORDER)
        .thenComparing(ResourceKey::stack).thenComparing(ResourceKey::logicalId));
    for (CloudAssembly.Stack stack : assembly.stacks()) {
      new StackResources(stack.template()).all().forEach((id, resource) -> resources.put(
          new ResourceKey(stack.environment(), stack.displayName(), id), withoutMetadata(resource)));
    }
    return resources;
  }

  private static JsonNode withoutMetadata(JsonNode resource) {
    ObjectNode copy = ((ObjectNode) resource).deepCopy();
    copy.remove("Metadata");
    return copy;
  }

  /** Every role × action × resource grant; an attached managed policy is one grant of {@link #MANAGED_POLICY}. */
  private static List<Grant> grants(List<EnvironmentReview> environments) {
    List<Grant> grants = new ArrayList<>();
    for (EnvironmentReview environment : environments) {
      for (IamPermissions.RoleGrants role : environment.iamRoles()) {
        for (String arn : role.managedPolicyArns()) {
          grants.add(new Grant(environment.name(), role.stack(), role.role(), "Allow", MANAGED_POLICY, arn, "", ""));
        }
        for (IamPermissions.Statement statement : role.statements()) {
          List<String> resources = statement.resources().isEmpty() ? List.of("") : statement.resources();
          for (String action : statement.actions()) {
            for (String resource : resources) {
              String reason = statement.reasonFor(resource) != null ? statement.reasonFor(resource)
                  : statement.reasonFor(action);
              grants.add(new Grant(environment.name(), role.stack(), role.role(), statement.effect(), action,
                  resource, statement.condition(), reason == null ? "" : reason));
            }
          }
        }
      }
    }
    return grants;
  }

  private static List<ContainerRisk> risks(List<EnvironmentReview> environments) {
    List<ContainerRisk> risks = new ArrayList<>();
    for (EnvironmentReview environment : environments) {
      for (ContainerSecurity.Risk r : environment.containerRisks()) {
        risks.add(new ContainerRisk(environment.name(), r.stack(), r.taskDefinition(), r.container(), r.setting(),
            r.detail()));
      }
    }
    return risks;
  }

  private static List<Exposure> exposure(List<EnvironmentReview> environments) {
    List<Exposure> exposure = new ArrayList<>();
    for (EnvironmentReview environment : environments) {
      for (InternetExposure.OpenIngress rule : environment.internetExposure().openIngress()) {
        exposure.add(new Exposure(environment.name(), rule.stack(), rule.securityGroup(),
            rule.protocol() + " " + rule.ports() + " from " + rule.source()));
      }
      for (InternetExposure.PublicLoadBalancer balancer : environment.internetExposure().loadBalancers()) {
        String what = "internet-facing " + balancer.type() + " load balancer";
        if (balancer.listeners().isEmpty()) {
          exposure.add(new Exposure(environment.name(), balancer.stack(), balancer.loadBalancer(), what));
        }
        for (String listener : balancer.listeners()) {
          exposure.add(new Exposure(environment.name(), balancer.stack(), balancer.loadBalancer(),
              what + ", listener " + listener));
        }
      }
    }
    return exposure;
  }

  /** Grants in {@code these} and not in {@code those}; a grant whose only change is its wildcard reason is no new grant. */
  private static List<Grant> minusGrants(List<Grant> these, List<Grant> those) {
    Set<Grant> excluded = new HashSet<>();
    those.forEach(g -> excluded.add(g.withoutReason()));
    return these.stream().filter(g -> !excluded.contains(g.withoutReason())).distinct().sorted(GRANT_ORDER).toList();
  }

  private static <T> List<T> minus(Collection<T> these, Collection<T> those, Comparator<T> order) {
    Set<T> excluded = new HashSet<>(those);
    return these.stream().filter(item -> !excluded.contains(item)).distinct().sorted(order).toList();
  }
}

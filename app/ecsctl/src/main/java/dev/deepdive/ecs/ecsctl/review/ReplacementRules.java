package dev.deepdive.ecs.ecsctl.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which property changes make CloudFormation replace a resource (delete and create anew: a new physical ID,
 * data and addresses lost unless kept elsewhere), for the resource types this project deploys.
 *
 * <p>From the "Update requires: Replacement" notes of the CloudFormation resource reference
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-template-resource-type-ref.html).
 * {@link #ANY} marks a type whose every change replaces it: ECS task definitions are immutable (each change
 * registers a new revision) and launch configurations cannot be updated. Types not listed are never reported
 * as replaced by a property change; a changed logical ID still is (see {@link AssemblyDiff}).
 */
final class ReplacementRules {
  static final String ANY = "*";

  static final Map<String, Set<String>> REPLACING_PROPERTIES = Map.ofEntries(
      Map.entry("AWS::EC2::VPC", Set.of("CidrBlock")),
      Map.entry("AWS::EC2::Subnet", Set.of("CidrBlock", "AvailabilityZone", "VpcId")),
      Map.entry("AWS::ECS::Cluster", Set.of("ClusterName")),
      Map.entry("AWS::ECS::TaskDefinition", Set.of(ANY)),
      Map.entry("AWS::ECS::Service", Set.of("ServiceName", "LaunchType", "Cluster")),
      Map.entry("AWS::ElasticLoadBalancingV2::LoadBalancer", Set.of("Name", "Scheme")),
      Map.entry("AWS::ElasticLoadBalancingV2::TargetGroup", Set.of("Port", "Protocol", "VpcId", "TargetType", "Name")),
      Map.entry("AWS::S3::Bucket", Set.of("BucketName")),
      Map.entry("AWS::IAM::Role", Set.of("RoleName", "Path")),
      Map.entry("AWS::AutoScaling::LaunchConfiguration", Set.of(ANY)));

  private ReplacementRules() {}

  /**
   * The properties whose change replaces a resource that keeps its type and logical ID; empty if none does.
   * For a type replaced on any change, every changed property is named.
   */
  static List<String> replacingChanges(String type, JsonNode oldProperties, JsonNode newProperties) {
    Set<String> replacing = REPLACING_PROPERTIES.getOrDefault(type, Set.of());
    List<String> changed = new ArrayList<>();
    for (String property : changedProperties(oldProperties, newProperties)) {
      if (replacing.contains(ANY) || replacing.contains(property)) {
        changed.add(property);
      }
    }
    return changed;
  }

  /** Top-level property names whose values differ (added and removed ones included), sorted. */
  static Set<String> changedProperties(JsonNode oldProperties, JsonNode newProperties) {
    Set<String> names = new TreeSet<>();
    oldProperties.fieldNames().forEachRemaining(names::add);
    newProperties.fieldNames().forEachRemaining(names::add);
    names.removeIf(name -> oldProperties.path(name).equals(newProperties.path(name)));
    return names;
  }
}

package dev.deepdive.ecs.constructs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deepdive.ecs.testing.ShippedExample;
import dev.deepdive.ecs.testing.TestStacks;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecs.Cluster;

class ContainerInstancesTest {
  private final ShippedExample example = ShippedExample.get();
  private final Template dev = example.template("dev", "Cluster");

  @Test
  void launchTemplateRequiresImdsv2AndKeepsContainersAwayFromIt() {
    dev.hasResourceProperties("AWS::EC2::LaunchTemplate", Map.of("LaunchTemplateData", Match.objectLike(Map.of(
        "MetadataOptions", Map.of("HttpTokens", "required", "HttpPutResponseHopLimit", 1)))));
  }

  @Test
  void rootVolumeIsEncryptedGp3() {
    dev.hasResourceProperties("AWS::EC2::LaunchTemplate", Map.of("LaunchTemplateData", Match.objectLike(Map.of(
        "BlockDeviceMappings", List.of(Map.of("DeviceName", "/dev/xvda", "Ebs", Map.of(
            "Encrypted", true, "VolumeType", "gp3", "VolumeSize", 30, "DeleteOnTermination", true)))))));
  }

  @Test
  void amiIsTheEcsOptimizedAl2023ResolvedAtDeployTime() {
    assertThat(dev.toJSON().get("Parameters").toString())
        .contains("Default=/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id")
        .contains("Type=AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>");
  }

  @Test
  void launchTemplateCarriesTheInstanceProfile() {
    dev.hasResourceProperties("AWS::IAM::InstanceProfile", Map.of(
        "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("InstanceRole.*")))));
  }

  @Test
  void groupMixesTheInstanceTypesInTheirOrder() {
    dev.hasResourceProperties("AWS::AutoScaling::AutoScalingGroup", Map.of(
        "MixedInstancesPolicy", Match.objectLike(Map.of(
            "InstancesDistribution", Map.of(
                "OnDemandAllocationStrategy", "prioritized", "OnDemandPercentageAboveBaseCapacity", 100),
            "LaunchTemplate", Match.objectLike(Map.of("Overrides", List.of(
                Map.of("InstanceType", "t3.medium"), Map.of("InstanceType", "t3a.medium"))))))));
  }

  @Test
  void groupSizesComeFromTheEnvironmentFile() {
    example.template("qa", "Cluster").hasResourceProperties("AWS::AutoScaling::AutoScalingGroup", Map.of(
        "MinSize", "2", "DesiredCapacity", "2", "MaxSize", "4"));
  }

  @Test
  void groupSpansThePrivateSubnetsOfEveryZone() {
    example.template("prod", "Cluster").hasResourceProperties("AWS::AutoScaling::AutoScalingGroup", Map.of(
        "VPCZoneIdentifier", List.of(
            Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*PrivateSubnet1.*")),
            Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*PrivateSubnet2.*")),
            Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*PrivateSubnet3.*")))));
  }

  @Test
  void groupStartsAfterTheConfigObjectIsWrittenAndGoesBeforeTheCluster() {
    Map<String, Map<String, Object>> groups = dev.findResources("AWS::AutoScaling::AutoScalingGroup");
    @SuppressWarnings("unchecked")
    List<String> dependsOn = (List<String>) groups.values().iterator().next().get("DependsOn");
    assertThat(dependsOn).anyMatch(d -> d.startsWith("AgentConfigEcsConfigCustomResource"));
    assertThat(dependsOn).anyMatch(d -> d.matches("Cluster[0-9A-F]{8}") && dev.findResources("AWS::ECS::Cluster")
        .containsKey(d));
    assertThat(dependsOn).noneMatch(d -> dev.findResources("AWS::ECS::ClusterCapacityProviderAssociations")
        .containsKey(d));
  }

  @Test
  void capacityProviderScalesAndDrainsWithoutTerminationProtection() {
    dev.hasResourceProperties("AWS::ECS::CapacityProvider", Map.of("AutoScalingGroupProvider", Match.objectLike(Map.of(
        "ManagedScaling", Map.of("Status", "ENABLED", "TargetCapacity", 100),
        "ManagedDraining", "ENABLED",
        "ManagedTerminationProtection", "DISABLED"))));
  }

  @Test
  void clusterPlacesTasksOnTheCapacityProviderByDefault() {
    dev.hasResourceProperties("AWS::ECS::ClusterCapacityProviderAssociations", Map.of(
        "DefaultCapacityProviderStrategy", List.of(Map.of(
            "CapacityProvider", Map.of("Ref", Match.stringLikeRegexp("ContainerInstancesCapacityProvider.*")),
            "Weight", 1))));
  }

  @Test
  void instancesAcceptNoInboundTrafficByDefault() {
    dev.hasResourceProperties("AWS::EC2::SecurityGroup", Map.of(
        "GroupDescription", Match.stringLikeRegexp(".*no inbound except from the load balancer"),
        "SecurityGroupIngress", Match.absent()));
  }

  @Test
  void noKeyPairUnlessAsked() {
    dev.hasResourceProperties("AWS::EC2::LaunchTemplate", Map.of("LaunchTemplateData", Match.objectLike(Map.of(
        "KeyName", Match.absent()))));
  }

  @Test
  void arm64FamilyUsesTheArm64Parameter() {
    Template template = Template.fromStack(stackWith(EcsAmiFamily.AL2023_ARM64, List.of("m7g.large"), Optional.empty()));
    assertThat(template.toJSON().get("Parameters").toString())
        .contains("/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id");
  }

  @Test
  void al2GpuFamilyUsesTheAl2GpuParameter() {
    Template template = Template.fromStack(stackWith(EcsAmiFamily.AL2_GPU, List.of("g5.xlarge"), Optional.empty()));
    assertThat(template.toJSON().get("Parameters").toString())
        .contains("/aws/service/ecs/optimized-ami/amazon-linux-2/gpu/recommended/image_id");
  }

  @Test
  void keyPairWhenTheEnvironmentNamesOne() {
    Template template = Template.fromStack(stackWith(EcsAmiFamily.AL2023, List.of("t3.small"), Optional.of("ops")));
    template.hasResourceProperties("AWS::EC2::LaunchTemplate", Map.of("LaunchTemplateData", Match.objectLike(Map.of(
        "KeyName", "ops"))));
  }

  @Test
  void rejectsDesiredAboveMax() {
    assertThatThrownBy(() -> props(List.of("t3.small"), 1, 5, 3))
        .hasMessage("desiredSize: must be between minSize (1) and maxSize (3), got 5");
  }

  @Test
  void rejectsNoInstanceType() {
    assertThatThrownBy(() -> props(List.of(), 1, 1, 1))
        .hasMessage("instanceTypes: at least one instance type is needed, got none");
  }

  @Test
  void rootVolumeAtLeastTheAmisOwnSize() {
    assertThat(ContainerInstancesProps.MIN_ROOT_VOLUME_GIB).isEqualTo(30);
  }

  private static Stack stackWith(EcsAmiFamily family, List<String> types, Optional<String> keyPair) {
    Stack stack = TestStacks.withTwoZones();
    Vpc vpc = Vpc.Builder.create(stack, "Vpc").availabilityZones(List.of("us-east-1a", "us-east-1b")).build();
    Cluster cluster = Cluster.Builder.create(stack, "Cluster").vpc(vpc).build();
    AgentConfigBucket config = new AgentConfigBucket(stack, "Config", new AgentConfigBucketProps("c", Map.of()));
    InstanceRole role = new InstanceRole(stack, "Role");
    new ContainerInstances(stack, "Instances", new ContainerInstancesProps(vpc,
        SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build(), cluster, role.role(), config,
        types, 1, 1, 2, family, 30, keyPair));
    return stack;
  }

  private static ContainerInstancesProps props(List<String> types, int min, int desired, int max) {
    Stack stack = TestStacks.withTwoZones();
    Vpc vpc = Vpc.Builder.create(stack, "Vpc").availabilityZones(List.of("us-east-1a", "us-east-1b")).build();
    Cluster cluster = Cluster.Builder.create(stack, "Cluster").vpc(vpc).build();
    AgentConfigBucket config = new AgentConfigBucket(stack, "Config", new AgentConfigBucketProps("c", Map.of()));
    return new ContainerInstancesProps(vpc, SubnetSelection.builder().build(), cluster,
        new InstanceRole(stack, "Role").role(), config, types, min, desired, max, EcsAmiFamily.AL2023, 30,
        Optional.empty());
  }
}

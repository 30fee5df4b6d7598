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
    Template template = Template.fromStack(stack(options().ami(EcsAmi.latest(EcsAmiFamily.AL2023_ARM64))
        .types(List.of("m7g.large"))));
    assertThat(template.toJSON().get("Parameters").toString())
        .contains("/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id");
  }

  @Test
  void al2GpuFamilyUsesTheAl2GpuParameter() {
    Template template = Template.fromStack(stack(options().ami(EcsAmi.latest(EcsAmiFamily.AL2_GPU))
        .types(List.of("g5.xlarge"))));
    assertThat(template.toJSON().get("Parameters").toString())
        .contains("/aws/service/ecs/optimized-ami/amazon-linux-2/gpu/recommended/image_id");
  }

  @Test
  void eachFamilyNamesTheParameterItsLatestImageReads() {
    for (EcsAmiFamily family : EcsAmiFamily.values()) {
      Template template = Template.fromStack(stack(options().ami(EcsAmi.latest(family))));
      assertThat(template.toJSON().get("Parameters").toString()).as(family.name())
          .contains("Default=" + family.parameterName() + "}");
    }
  }

  @Test
  void keyPairWhenTheEnvironmentNamesOne() {
    Template template = Template.fromStack(stack(options().keyPair("ops")));
    template.hasResourceProperties("AWS::EC2::LaunchTemplate", Map.of("LaunchTemplateData", Match.objectLike(Map.of(
        "KeyName", "ops"))));
  }

  @Test
  void rejectsDesiredAboveMax() {
    assertThatThrownBy(() -> props(options().types(List.of("t3.small")).sizes(1, 5, 3)))
        .hasMessage("desiredSize: must be between minSize (1) and maxSize (3), got 5");
  }

  @Test
  void rejectsNoInstanceType() {
    assertThatThrownBy(() -> props(options().types(List.of())))
        .hasMessage("instanceTypes: at least one instance type is needed, got none");
  }

  @Test
  void rejectsASignalTimeoutAboveTheRollingUpdatesLimit() {
    assertThatThrownBy(() -> props(options().signalTimeoutMinutes(61)))
        .hasMessage("signalTimeoutMinutes: must be 10 to 60, got 61");
  }

  @Test
  void rejectsSpotWhenTheAgentConfigurationDoesNotDrainSpotInstances() {
    assertThatThrownBy(() -> props(options().spot(SPOT).spotDrainingInConfig(false)))
        .hasMessageContaining("spot: the agent configuration must turn on Spot Instance draining");
  }

  @Test
  void rootVolumeAtLeastTheAmisOwnSize() {
    assertThat(ContainerInstancesProps.MIN_ROOT_VOLUME_GIB).isEqualTo(30);
  }

  @Test
  void theAgentGetsTheSignalTimeoutLessTheBootBudgetToRegister() {
    assertThat(props(options().signalTimeoutMinutes(15)).registrationTimeoutSeconds()).isEqualTo(600);
    assertThat(ContainerInstancesProps.DEFAULT_SIGNAL_TIMEOUT_MINUTES).isEqualTo(15);
  }

  static final SpotCapacity SPOT = new SpotCapacity(1, 25, SpotCapacity.DEFAULT_ALLOCATION_STRATEGY);

  /** What a test varies; everything else is a small valid group. */
  static final class Options {
    EcsAmi ami = EcsAmi.latest(EcsAmiFamily.AL2023);
    List<String> types = List.of("t3.small");
    int min = 1;
    int desired = 1;
    int max = 2;
    Optional<String> keyPair = Optional.empty();
    Optional<SpotCapacity> spot = Optional.empty();
    Boolean spotDrainingInConfig;
    int signalTimeoutMinutes = ContainerInstancesProps.DEFAULT_SIGNAL_TIMEOUT_MINUTES;
    Map<String, String> agentSettings = Map.of();

    Options ami(EcsAmi value) { ami = value; return this; }
    Options types(List<String> value) { types = value; return this; }
    Options sizes(int minSize, int desiredSize, int maxSize) { min = minSize; desired = desiredSize; max = maxSize; return this; }
    Options keyPair(String value) { keyPair = Optional.of(value); return this; }
    Options spot(SpotCapacity value) { spot = Optional.of(value); return this; }
    Options spotDrainingInConfig(boolean value) { spotDrainingInConfig = value; return this; }
    Options signalTimeoutMinutes(int value) { signalTimeoutMinutes = value; return this; }
    Options agentSettings(Map<String, String> value) { agentSettings = value; return this; }
  }

  static Options options() {
    return new Options();
  }

  /** A fresh stack holding one ContainerInstances built from {@code options}. */
  static Stack stack(Options options) {
    Stack stack = TestStacks.withTwoZones();
    new ContainerInstances(stack, "Instances", props(stack, options));
    return stack;
  }

  private static ContainerInstancesProps props(Options options) {
    return props(TestStacks.withTwoZones(), options);
  }

  private static ContainerInstancesProps props(Stack stack, Options options) {
    Vpc vpc = Vpc.Builder.create(stack, "Vpc").availabilityZones(List.of("us-east-1a", "us-east-1b")).build();
    Cluster cluster = Cluster.Builder.create(stack, "Cluster").vpc(vpc).build();
    boolean draining = options.spotDrainingInConfig != null ? options.spotDrainingInConfig : options.spot.isPresent();
    AgentConfigBucket config = new AgentConfigBucket(stack, "Config",
        new AgentConfigBucketProps("c", options.agentSettings, draining));
    InstanceRole role = new InstanceRole(stack, "Role");
    return new ContainerInstancesProps(vpc,
        SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build(), cluster, role.role(), config,
        options.types, options.min, options.desired, options.max, options.ami, 30, options.keyPair, options.spot,
        options.signalTimeoutMinutes);
  }
}

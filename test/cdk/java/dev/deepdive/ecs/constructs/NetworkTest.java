package dev.deepdive.ecs.constructs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deepdive.ecs.testing.ShippedExample;
import dev.deepdive.ecs.testing.TestStacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class NetworkTest {
  private final ShippedExample example = ShippedExample.get();

  @Test
  void vpcTakesTheCidrOfTheEnvironmentFile() {
    example.template("qa", "Network").hasResourceProperties("AWS::EC2::VPC", Map.of("CidrBlock", "10.20.0.0/16"));
  }

  @Test
  void everyZoneGetsOnePublicAndOnePrivateSubnet() {
    Template prod = example.template("prod", "Network");
    prod.resourceCountIs("AWS::EC2::Subnet", 6);
    prod.resourcePropertiesCountIs("AWS::EC2::Subnet", Map.of("Tags", Match.arrayWith(List.of(
        Map.of("Key", "aws-cdk:subnet-type", "Value", "Public")))), 3);
    prod.resourcePropertiesCountIs("AWS::EC2::Subnet", Map.of("Tags", Match.arrayWith(List.of(
        Map.of("Key", "aws-cdk:subnet-type", "Value", "Private")))), 3);
  }

  @Test
  void noSubnetGivesAPublicAddressOnLaunch() {
    example.template("prod", "Network").resourcePropertiesCountIs("AWS::EC2::Subnet",
        Map.of("MapPublicIpOnLaunch", false), 6);
  }

  @Test
  void everyFlowIsLoggedToCloudWatchLogs() {
    example.template("dev", "Network").hasResourceProperties("AWS::EC2::FlowLog", Map.of(
        "ResourceType", "VPC",
        "TrafficType", "ALL",
        "LogDestinationType", "cloud-watch-logs",
        "LogGroupName", Map.of("Ref", Match.stringLikeRegexp("NetworkFlowLogs.*"))));
  }

  @Test
  void flowLogsAreKeptAYearAndOutliveTheStack() {
    example.template("dev", "Network").hasResource("AWS::Logs::LogGroup", Map.of(
        "Properties", Map.of("RetentionInDays", 365),
        "DeletionPolicy", "Retain"));
  }

  @Test
  void theDefaultSecurityGroupLosesItsRules() {
    example.template("dev", "Network").resourceCountIs("Custom::VpcRestrictDefaultSG", 1);
  }

  @Test
  void zonesResolveAtDeployTimeSoSynthNeedsNoLookup() {
    example.template("prod", "Network").hasResourceProperties("AWS::EC2::Subnet", Map.of(
        "AvailabilityZone", Map.of("Fn::Select", List.of(2, Map.of("Fn::GetAZs", "")))));
  }

  @Test
  void natGatewaysAsTheEnvironmentFileSays() {
    example.template("dev", "Network").resourceCountIs("AWS::EC2::NatGateway", 1);
    example.template("prod", "Network").resourceCountIs("AWS::EC2::NatGateway", 3);
  }

  @Test
  void privateSubnetsReachS3ThroughAGatewayEndpoint() {
    example.template("dev", "Network").hasResourceProperties("AWS::EC2::VPCEndpoint", Map.of(
        "VpcEndpointType", "Gateway",
        "ServiceName", Match.objectLike(Map.of("Fn::Join", Match.arrayWith(List.of(
            Match.arrayWith(List.of(".s3")))))),
        "RouteTableIds", List.of(
            Map.of("Ref", Match.stringLikeRegexp("NetworkVpcPrivateSubnet1RouteTable.*")),
            Map.of("Ref", Match.stringLikeRegexp("NetworkVpcPrivateSubnet2RouteTable.*")))));
  }

  @Test
  void explicitZoneNamesAreUsedAsGiven() {
    Stack stack = TestStacks.withZones(List.of("eu-west-1b", "eu-west-1c"));
    new Network(stack, "Network", new NetworkProps("10.0.0.0/20", List.of("eu-west-1b", "eu-west-1c"), 1));
    Template template = Template.fromStack(stack);
    template.hasResourceProperties("AWS::EC2::Subnet", Map.of("AvailabilityZone", "eu-west-1c"));
  }

  @Test
  void withoutNatTheAgentReachesAwsThroughInterfaceEndpoints() {
    Stack stack = TestStacks.withTwoZones();
    new Network(stack, "Network", new NetworkProps("10.0.0.0/20", List.of("us-east-1a", "us-east-1b"), 0));
    Template template = Template.fromStack(stack);
    template.resourceCountIs("AWS::EC2::NatGateway", 0);
    for (String service : List.of("ecs", "ecs-agent", "ecs-telemetry", "ecr.api", "ecr.dkr", "logs", "ssmmessages")) {
      template.hasResourceProperties("AWS::EC2::VPCEndpoint", Map.of(
          "VpcEndpointType", "Interface",
          "ServiceName", Match.objectLike(Map.of("Fn::Join", Match.arrayWith(List.of(
              Match.arrayWith(List.of("." + service))))))));
    }
  }

  @Test
  void rejectsASingleZone() {
    assertThatThrownBy(() -> new NetworkProps("10.0.0.0/16", List.of("us-east-1a"), 1))
        .hasMessage("availabilityZones: a VPC for ECS needs at least 2 zones, got 1");
  }

  @Test
  void rejectsMoreNatGatewaysThanZones() {
    assertThatThrownBy(() -> new NetworkProps("10.0.0.0/16", List.of("us-east-1a", "us-east-1b"), 3))
        .hasMessage("natGateways: must be 0 to 2 (one per zone at most), got 3");
  }

  @Test
  void minimumZonesIsTwo() {
    assertThat(NetworkProps.MIN_AZS).isEqualTo(2);
  }
}

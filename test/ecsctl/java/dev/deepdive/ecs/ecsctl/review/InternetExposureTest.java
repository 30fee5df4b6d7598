package dev.deepdive.ecs.ecsctl.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Exposure written in the shapes CDK does not use in the synthesized test assemblies. */
class InternetExposureTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static InternetExposure exposure(String resources) throws Exception {
    return InternetExposure.of("dev/Net", new StackResources(JSON.readTree("{\"Resources\": " + resources + "}")));
  }

  @Test
  void findsASeparateIngressResourceOpenToAnyIpv6Address() throws Exception {
    InternetExposure exposure = exposure("""
        {"Sg": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "web"}},
         "Open": {"Type": "AWS::EC2::SecurityGroupIngress", "Properties": {"GroupId": {"Fn::GetAtt": ["Sg", "GroupId"]},
           "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIpv6": "::/0"}}}""");
    assertThat(exposure.openIngress()).containsExactly(
        new InternetExposure.OpenIngress("dev/Net", "Sg", "tcp", "443", "::/0", ""));
  }

  @Test
  void readsProtocolMinusOneAsAllTraffic() throws Exception {
    InternetExposure exposure = exposure("""
        {"Sg": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"SecurityGroupIngress": [
          {"IpProtocol": "-1", "CidrIp": "0.0.0.0/0"}]}}}""");
    assertThat(exposure.openIngress().get(0).ports()).isEqualTo("all");
  }

  @Test
  void countsALoadBalancerWithoutSchemeAsInternetFacing() throws Exception {
    // CloudFormation's default Scheme is internet-facing.
    InternetExposure exposure = exposure("""
        {"Lb": {"Type": "AWS::ElasticLoadBalancingV2::LoadBalancer", "Properties": {"Type": "network"}},
         "Tls": {"Type": "AWS::ElasticLoadBalancingV2::Listener", "Properties": {"LoadBalancerArn": {"Ref": "Lb"},
           "Port": 443, "Protocol": "TLS"}}}""");
    assertThat(exposure.loadBalancers()).containsExactly(
        new InternetExposure.PublicLoadBalancer("dev/Net", "Lb", "network", java.util.List.of("TLS 443")));
  }

  @Test
  void leavesAnInternalLoadBalancerOut() throws Exception {
    InternetExposure exposure = exposure("""
        {"Lb": {"Type": "AWS::ElasticLoadBalancingV2::LoadBalancer", "Properties": {"Scheme": "internal"}}}""");
    assertThat(exposure.loadBalancers()).isEmpty();
  }
}

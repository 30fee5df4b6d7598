package dev.deepdive.ecs.ecsctl.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * What the internet can reach: security group rules open to {@code 0.0.0.0/0} or {@code ::/0}, and
 * internet-facing load balancers with their listeners.
 *
 * <p>Both inline rules ({@code SecurityGroupIngress} of AWS::EC2::SecurityGroup) and separate
 * AWS::EC2::SecurityGroupIngress resources count: CDK writes the latter when the rule's peer lives in
 * another construct or stack.
 *
 * @param openIngress rules open to any address, sorted by stack, group, protocol and ports
 * @param loadBalancers internet-facing load balancers, sorted by stack and logical ID
 */
record InternetExposure(List<OpenIngress> openIngress, List<PublicLoadBalancer> loadBalancers) {
  private static final List<String> ANY_ADDRESS = List.of("0.0.0.0/0", "::/0");

  /**
   * One ingress rule open to the internet.
   *
   * @param stack the stack's display name
   * @param securityGroup the group's logical ID, or the rendered group reference for a group defined elsewhere
   * @param protocol tcp, udp, icmp, or all
   * @param ports a port ({@code 22}), a range ({@code 1024-65535}) or {@code all}
   * @param source {@code 0.0.0.0/0} or {@code ::/0}
   * @param description the rule's description, or empty
   */
  record OpenIngress(String stack, String securityGroup, String protocol, String ports, String source,
      String description) {}

  /**
   * One internet-facing load balancer.
   *
   * @param stack the stack's display name
   * @param loadBalancer its logical ID
   * @param type application, network or gateway
   * @param listeners its listeners as {@code HTTP 80}, sorted
   */
  record PublicLoadBalancer(String stack, String loadBalancer, String type, List<String> listeners) {}

  static InternetExposure of(String stack, StackResources resources) {
    List<OpenIngress> open = new ArrayList<>();
    resources.ofType("AWS::EC2::SecurityGroup").forEach((id, group) -> {
      for (JsonNode rule : StackResources.properties(group).path("SecurityGroupIngress")) {
        openRule(stack, id, rule).ifPresent(open::add);
      }
    });
    resources.ofType("AWS::EC2::SecurityGroupIngress").forEach((id, ingress) -> {
      JsonNode rule = StackResources.properties(ingress);
      JsonNode groupId = rule.has("GroupId") ? rule.path("GroupId") : rule.path("GroupName");
      String group = resources.referenced(groupId, "AWS::EC2::SecurityGroup") != null
          ? Intrinsics.referencedId(groupId) : Intrinsics.render(groupId);
      openRule(stack, group, rule).ifPresent(open::add);
    });
    open.sort(Comparator.comparing(OpenIngress::securityGroup).thenComparing(OpenIngress::protocol)
        .thenComparing(OpenIngress::ports).thenComparing(OpenIngress::source));

    List<PublicLoadBalancer> balancers = new ArrayList<>();
    resources.ofType("AWS::ElasticLoadBalancingV2::LoadBalancer").forEach((id, balancer) -> {
      JsonNode properties = StackResources.properties(balancer);
      // CloudFormation's default Scheme is internet-facing: a balancer without one is public.
      if (!properties.path("Scheme").asText("internet-facing").equals("internet-facing")) {
        return;
      }
      List<String> listeners = new ArrayList<>();
      resources.ofType("AWS::ElasticLoadBalancingV2::Listener").forEach((listenerId, listener) -> {
        JsonNode listenerProperties = StackResources.properties(listener);
        if (Intrinsics.referencedId(listenerProperties.path("LoadBalancerArn")).equals(id)) {
          listeners.add(Intrinsics.render(listenerProperties.path("Protocol")) + " "
              + Intrinsics.render(listenerProperties.path("Port")));
        }
      });
      listeners.sort(null);
      balancers.add(new PublicLoadBalancer(stack, id, properties.path("Type").asText("application"),
          List.copyOf(listeners)));
    });
    return new InternetExposure(List.copyOf(open), List.copyOf(balancers));
  }

  static InternetExposure merge(List<InternetExposure> parts) {
    List<OpenIngress> open = new ArrayList<>();
    List<PublicLoadBalancer> balancers = new ArrayList<>();
    parts.forEach(part -> {
      open.addAll(part.openIngress());
      balancers.addAll(part.loadBalancers());
    });
    return new InternetExposure(List.copyOf(open), List.copyOf(balancers));
  }

  private static Optional<OpenIngress> openRule(String stack, String group, JsonNode rule) {
    String source = rule.has("CidrIp") ? Intrinsics.render(rule.path("CidrIp"))
        : Intrinsics.render(rule.path("CidrIpv6"));
    if (!ANY_ADDRESS.contains(source)) {
      return Optional.empty();
    }
    String protocol = Intrinsics.render(rule.path("IpProtocol"));
    boolean allTraffic = protocol.equals("-1") || protocol.equals("all");
    return Optional.of(new OpenIngress(stack, group, allTraffic ? "all" : protocol.toLowerCase(Locale.ROOT),
        allTraffic ? "all" : ports(rule), source, Intrinsics.render(rule.path("Description"))));
  }

  private static String ports(JsonNode rule) {
    String from = Intrinsics.render(rule.path("FromPort"));
    String to = Intrinsics.render(rule.path("ToPort"));
    if (from.equals("-1") || (from.equals("0") && to.equals("65535"))) {
      return "all";
    }
    return from.equals(to) || to.isEmpty() ? from : from + "-" + to;
  }

  /** Identity for comparing two assemblies: a reworded description is not a change in exposure. */
  static String key(OpenIngress rule) {
    return rule.stack() + " " + rule.securityGroup() + " " + rule.protocol() + " " + rule.ports() + " " + rule.source();
  }

  static String key(PublicLoadBalancer balancer, String listener) {
    return balancer.stack() + " " + balancer.loadBalancer() + " " + listener;
  }
}

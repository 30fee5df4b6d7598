package dev.deepdive.ecs.constructs;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Names;
import software.amazon.awscdk.services.ec2.CfnSecurityGroupEgress;
import software.amazon.awscdk.services.ec2.CfnSecurityGroupIngress;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.FixedResponseOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.IApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.RedirectOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.constructs.Construct;

/**
 * One internet-facing Application Load Balancer per environment, in the public subnets. Services attach a
 * listener rule each ({@link EcsService}); a request no rule matches gets a 404 from the load balancer itself.
 *
 * <p>Without a certificate: HTTP on 80. With one: HTTPS on 443 (TLS 1.3 policy) and 80 answers with a
 * permanent redirect to HTTPS, so no service is ever served in clear text by mistake.
 */
public final class EnvironmentLoadBalancer extends Construct {
  private final SecurityGroup securityGroup;
  private final ApplicationLoadBalancer loadBalancer;
  private final ApplicationListener serviceListener;

  public EnvironmentLoadBalancer(Construct scope, String id, EnvironmentLoadBalancerProps props) {
    super(scope, id);
    boolean https = props.certificateArn().isPresent();
    this.securityGroup = SecurityGroup.Builder.create(this, "SecurityGroup")
        .vpc(props.vpc())
        .description("Load balancer: HTTP" + (https ? " and HTTPS" : "") + " from the internet")
        .allowAllOutbound(false)
        .build();
    securityGroup.addIngressRule(Peer.anyIpv4(), Port.tcp(80), "HTTP from the internet");
    if (https) {
      securityGroup.addIngressRule(Peer.anyIpv4(), Port.tcp(443), "HTTPS from the internet");
    }
    this.loadBalancer = ApplicationLoadBalancer.Builder.create(this, "LoadBalancer")
        .vpc(props.vpc())
        .vpcSubnets(props.subnets())
        .internetFacing(true)
        .securityGroup(securityGroup)
        .idleTimeout(Duration.seconds(props.idleTimeoutSeconds()))
        // Requests with malformed headers are dropped at the edge instead of reaching the containers.
        .dropInvalidHeaderFields(true)
        .build();
    ListenerAction notFound = ListenerAction.fixedResponse(404, FixedResponseOptions.builder()
        .contentType("text/plain").messageBody("no service here").build());
    if (https) {
      this.serviceListener = loadBalancer.addListener("Https", BaseApplicationListenerProps.builder()
          .port(443)
          .protocol(ApplicationProtocol.HTTPS)
          .certificates(List.of(ListenerCertificate.fromArn(props.certificateArn().get())))
          .sslPolicy(SslPolicy.RECOMMENDED_TLS)
          .open(false)
          .defaultAction(notFound)
          .build());
      loadBalancer.addListener("Http", BaseApplicationListenerProps.builder()
          .port(80)
          .protocol(ApplicationProtocol.HTTP)
          .open(false)
          .defaultAction(ListenerAction.redirect(RedirectOptions.builder()
              .protocol("HTTPS").port("443").permanent(true).build()))
          .build());
    } else {
      this.serviceListener = loadBalancer.addListener("Http", BaseApplicationListenerProps.builder()
          .port(80)
          .protocol(ApplicationProtocol.HTTP)
          .open(false)
          .defaultAction(notFound)
          .build());
    }
  }

  /**
   * Lets the load balancer reach {@code targets} on {@code fromPort}..{@code toPort}: an ingress rule on the
   * targets' group and the matching egress rule on the load balancer's own (which allows no other egress).
   * Idempotent: services sharing a port range share the rules (EC2 rejects a duplicate rule).
   */
  public void allowTrafficTo(ISecurityGroup targets, int fromPort, int toPort, String description) {
    String key = "To" + Names.uniqueId(targets) + "Ports" + fromPort + "To" + toPort;
    if (getNode().tryFindChild(key + "Ingress") != null) {
      return;
    }
    CfnSecurityGroupIngress.Builder.create(this, key + "Ingress")
        .groupId(targets.getSecurityGroupId())
        .sourceSecurityGroupId(securityGroup.getSecurityGroupId())
        .ipProtocol("tcp").fromPort(fromPort).toPort(toPort)
        .description("From the load balancer: " + description)
        .build();
    CfnSecurityGroupEgress.Builder.create(this, key + "Egress")
        .groupId(securityGroup.getSecurityGroupId())
        .destinationSecurityGroupId(targets.getSecurityGroupId())
        .ipProtocol("tcp").fromPort(fromPort).toPort(toPort)
        .description("To the targets: " + description)
        .build();
  }

  /** The listener services add their rules to: HTTPS when there is a certificate, otherwise HTTP. */
  public IApplicationListener serviceListener() {
    return serviceListener;
  }

  /** Instances and tasks allow traffic from this group only. */
  public ISecurityGroup securityGroup() {
    return securityGroup;
  }

  public ApplicationLoadBalancer loadBalancer() {
    return loadBalancer;
  }
}

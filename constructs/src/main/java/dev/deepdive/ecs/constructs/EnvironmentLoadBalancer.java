package dev.deepdive.ecs.constructs;

import java.util.List;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
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
import software.amazon.awscdk.regioninfo.FactName;
import software.amazon.awscdk.services.iam.AccountPrincipal;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * One internet-facing Application Load Balancer per environment, in the public subnets. Services attach a
 * listener rule each ({@link EcsService}); a request no rule matches gets a 404 from the load balancer itself.
 *
 * <p>Without a certificate: HTTP on 80. With one: HTTPS on 443 (TLS 1.3 policy) and 80 answers with a
 * permanent redirect to HTTPS, so no service is ever served in clear text by mistake.
 *
 * <p>Secure defaults: the security group admits 80 (and 443) from anywhere and nothing else, and lets the load
 * balancer reach only the targets' ports (the targets open them with {@code connections().allowFrom}, which adds the
 * egress rule too, in the targets' stack); malformed headers are dropped; every request is
 * logged to an {@link AccessLogsBucket} of its own, under {@value #ACCESS_LOG_PREFIX}.
 */
public final class EnvironmentLoadBalancer extends Construct {
  /** Where the access logs go in the access log bucket (ELB appends {@code /AWSLogs/<account>/...}). */
  public static final String ACCESS_LOG_PREFIX = "load-balancer";

  private final SecurityGroup securityGroup;
  private final ApplicationLoadBalancer loadBalancer;
  private final ApplicationListener serviceListener;
  private final AccessLogsBucket accessLogs;

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
    acknowledgeImportedSubnets();
    this.accessLogs = new AccessLogsBucket(this, "AccessLogs");
    logAccessLogs();
    acceptInternetFacing(https);
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
      ApplicationListener redirect = loadBalancer.addListener("Http", BaseApplicationListenerProps.builder()
          .port(80)
          .protocol(ApplicationProtocol.HTTP)
          .open(false)
          .defaultAction(ListenerAction.redirect(RedirectOptions.builder()
              .protocol("HTTPS").port("443").permanent(true).build()))
          .build());
      DesignSuppressions.suppress(redirect, "NIST.800.53.R5-ELBv2ACMCertificateRequired",
          "Port 80 only answers with a permanent redirect to HTTPS on 443, which uses the ACM certificate");
    } else {
      this.serviceListener = loadBalancer.addListener("Http", BaseApplicationListenerProps.builder()
          .port(80)
          .protocol(ApplicationProtocol.HTTP)
          .open(false)
          .defaultAction(notFound)
          .build());
      String reason = "The environment file has no loadBalancer.certificateArn, so there is no certificate to serve"
          + " HTTPS with; setting one adds HTTPS on 443 and turns this listener into a redirect there";
      DesignSuppressions.suppress(serviceListener, "NIST.800.53.R5-ALBHttpToHttpsRedirection", reason);
      DesignSuppressions.suppress(serviceListener, "NIST.800.53.R5-ELBv2ACMCertificateRequired", reason);
    }
  }

  /**
   * Access logs into the access log bucket. With a region known at synth, the CDK's own {@code logAccessLogs}
   * (which refuses an unknown region). Without one, the same attributes and bucket policy, with the Elastic Load
   * Balancing account of the deploy-time region taken from a mapping the CDK generates from its region facts: that
   * covers the regions that have such an account (those launched before August 2022); an environment in a newer
   * region sets {@code region} in its file, and the CDK grants the log delivery service principal instead.
   * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html
   */
  private void logAccessLogs() {
    Stack stack = Stack.of(this);
    if (!Token.isUnresolved(stack.getRegion())) {
      loadBalancer.logAccessLogs(accessLogs.bucket(), ACCESS_LOG_PREFIX);
      return;
    }
    loadBalancer.setAttribute("access_logs.s3.enabled", "true");
    loadBalancer.setAttribute("access_logs.s3.bucket", accessLogs.bucket().getBucketName());
    loadBalancer.setAttribute("access_logs.s3.prefix", ACCESS_LOG_PREFIX);
    accessLogs.bucket().addToResourcePolicy(PolicyStatement.Builder.create()
        .sid("LoadBalancerAccessLogs")
        .principals(List.of(new AccountPrincipal(stack.regionalFact(FactName.ELBV2_ACCOUNT))))
        .actions(List.of("s3:PutObject"))
        .resources(List.of(accessLogs.bucket().arnForObjects(ACCESS_LOG_PREFIX + "/AWSLogs/" + Aws.ACCOUNT_ID + "/*")))
        .build());
    // ELB checks that it may write when the attribute is set: the policy must exist first.
    loadBalancer.getNode().addDependency(accessLogs);
  }

  /** The validation rule that misreads two imported subnets as one (see {@link #acknowledgeImportedSubnets}). */
  static final String IMPORTED_SUBNETS_RULE = "CloudFormation-Validate::W9007";

  /**
   * In an environment the subnets come from the network stack as two {@code Fn::ImportValue}s of different
   * exports. aws-cdk-lib's CloudFormation validation (the {@code @aws-cdk/core:validateAgainstDefaultRules} flag)
   * cannot resolve an import, treats both as the same unknown value and reports W9007 "Subnets contains duplicate
   * values" for every environment (https://github.com/aws/aws-cdk/issues/38424). The subnets are the network's
   * public subnets, one per zone, never the same; the acknowledgment says so in the validation report.
   * The CDK keys acknowledgments by rule, app-wide: no other resource in this project has a list that rule reads.
   */
  private void acknowledgeImportedSubnets() {
    Validations.of(loadBalancer).acknowledge(Acknowledgment.builder().id(IMPORTED_SUBNETS_RULE)
        .reason("The load balancer's Subnets are imports of two different exports (the network stack's public"
            + " subnets, one per zone); the validator cannot resolve imports and compares them as equal")
        .build());
  }

  /** What an internet-facing load balancer of an environment that {@code cdk destroy} takes down must allow. */
  private void acceptInternetFacing(boolean https) {
    DesignSuppressions.suppress(securityGroup, "AwsSolutions-EC23",
        "Internet-facing load balancer: inbound from 0.0.0.0/0 on port 80" + (https ? " and 443" : "")
            + " only, nothing else; instances and tasks admit the load balancer's group alone");
    DesignSuppressions.suppress(loadBalancer, "NIST.800.53.R5-ELBDeletionProtectionEnabled",
        "Environments are taken down with cdk destroy, which deletion protection would make fail; the load"
            + " balancer holds no data, and CloudFormation replaces or deletes it only on a reviewed change");
    DesignSuppressions.suppress(loadBalancer, "NIST.800.53.R5-ALBWAFEnabled",
        "A web ACL's rules depend on what the services serve and cost per ACL, rule and request; associate one"
            + " with this load balancer's ARN where an application needs it");
  }

  /** The listener services add their rules to: HTTPS when there is a certificate, otherwise HTTP. */
  public IApplicationListener serviceListener() {
    return serviceListener;
  }

  /**
   * Instances and tasks allow traffic from this group only: {@code targets.getConnections().allowFrom(securityGroup(),
   * port)} adds their ingress rule and this group's egress rule (it allows no other egress).
   */
  public ISecurityGroup securityGroup() {
    return securityGroup;
  }

  /** The load balancer's access logs. */
  public IBucket accessLogsBucket() {
    return accessLogs.bucket();
  }

  public ApplicationLoadBalancer loadBalancer() {
    return loadBalancer;
  }
}

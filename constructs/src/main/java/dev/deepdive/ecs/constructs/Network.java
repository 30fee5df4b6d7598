package dev.deepdive.ecs.constructs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpoint;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * One environment's VPC: public subnets for the load balancer and NAT gateways, private subnets for the
 * container instances, in every given zone, and an S3 gateway endpoint (plus interface endpoints for the
 * ECS agent when there is no NAT gateway).
 *
 * <p>The S3 endpoint is not an optimisation: instances read their {@code ecs.config} from S3 at boot, and a
 * boot that depends on a NAT gateway fails with it. Gateway endpoints are free.
 *
 * <p>Secure defaults: the public subnets give nothing a public address on launch (the load balancer and the NAT
 * gateways bring their own); the VPC's default security group loses all its rules (nothing uses it, so nothing
 * can fall back to it); every flow (accepted and rejected) is logged to CloudWatch Logs and kept
 * {@link #FLOW_LOG_RETENTION}.
 *
 * <p>The enclosing stack must answer {@code availabilityZones} itself (see {@code EnvironmentStack}): the CDK
 * otherwise looks the zones up in the account, which needs credentials at synth.
 */
public final class Network extends Construct {
  /** Subnet group names; part of the construct IDs, so they never change. */
  public static final String PUBLIC_SUBNETS = "Public";
  public static final String PRIVATE_SUBNETS = "Private";

  /** How long flow logs are kept: a year of network evidence, the usual audit horizon. */
  public static final RetentionDays FLOW_LOG_RETENTION = RetentionDays.ONE_YEAR;

  private final Vpc vpc;
  /** The VPC's IPv4 block as given, e.g. 10.10.0.0/16. */
  private final String cidr;
  private final LogGroup flowLogs;

  public Network(Construct scope, String id, NetworkProps props) {
    super(scope, id);
    this.cidr = props.cidr();
    this.vpc = Vpc.Builder.create(this, "Vpc")
        .ipAddresses(IpAddresses.cidr(props.cidr()))
        .availabilityZones(props.availabilityZones())
        .natGateways(props.natGateways())
        // Each zone gets one public and one private subnet; the CIDR is split evenly between them.
        .subnetConfiguration(List.of(
            // Public subnets hold the load balancer and NAT gateways only, which get their addresses themselves.
            SubnetConfiguration.builder().name(PUBLIC_SUBNETS).subnetType(SubnetType.PUBLIC)
                .mapPublicIpOnLaunch(false).build(),
            SubnetConfiguration.builder().name(PRIVATE_SUBNETS)
                .subnetType(props.natGateways() > 0 ? SubnetType.PRIVATE_WITH_EGRESS : SubnetType.PRIVATE_ISOLATED)
                .build()))
        // Explicit, not left to the feature flag: the same template with or without cdk.json's context.
        .restrictDefaultSecurityGroup(true)
        .build();
    this.flowLogs = addFlowLogs();
    acceptInternetRoutesOfPublicSubnets();
    GatewayVpcEndpoint.Builder.create(this, "S3Endpoint")
        .vpc(vpc)
        .service(GatewayVpcEndpointAwsService.S3)
        .subnets(List.of(privateSubnets()))
        .build();
    if (props.natGateways() == 0) {
      addInterfaceEndpointsForIsolatedInstances();
    }
  }

  /**
   * Every flow, accepted and rejected, to a log group of its own (Logs Insights can query it). The group outlives
   * the VPC ({@code cdk destroy}): it is evidence, and its retention deletes the events in the end.
   */
  private LogGroup addFlowLogs() {
    LogGroup group = LogGroup.Builder.create(this, "FlowLogs")
        .retention(FLOW_LOG_RETENTION)
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    Role role = Role.Builder.create(this, "FlowLogsRole")
        .assumedBy(new ServicePrincipal("vpc-flow-logs.amazonaws.com"))
        .description("VPC flow logs: write to this VPC's flow log group")
        .build();
    vpc.addFlowLog("FlowLog", FlowLogOptions.builder()
        .destination(FlowLogDestination.toCloudWatchLogs(group, role))
        .trafficType(FlowLogTrafficType.ALL)
        .build());
    DesignSuppressions.suppress(group, "NIST.800.53.R5-CloudWatchLogGroupEncrypted",
        "CloudWatch Logs encrypts every log group at rest with keys it manages; a customer managed KMS key costs"
            + " a monthly fee per environment and adds a key policy to keep right, for no reader that the IAM"
            + " policies do not already exclude");
    DesignSuppressions.acceptInlinePolicy(role);
    return group;
  }

  /**
   * The public subnets' route to the internet gateway is what makes them public: the internet-facing load balancer
   * and the NAT gateways live there. Nothing else does (instances run in the private subnets, which have no such
   * route), and nothing there gets a public address on launch.
   */
  private void acceptInternetRoutesOfPublicSubnets() {
    for (ISubnet subnet : vpc.getPublicSubnets()) {
      DesignSuppressions.suppress(subnet.getNode().findChild("DefaultRoute"),
          "NIST.800.53.R5-VPCNoUnrestrictedRouteToIGW",
          "Public subnet: holds only the internet-facing load balancer and the NAT gateways, which need the route"
              + " to the internet gateway; instances live in the private subnets");
    }
  }

  /**
   * Without NAT, instances reach the AWS APIs they need through interface endpoints: the ECS agent (ecs,
   * ecs-agent, ecs-telemetry), image pulls from ECR (ecr.api, ecr.dkr; layers come through the S3 endpoint),
   * awslogs, and Session Manager. Images from public registries such as Docker Hub cannot be pulled at all.
   */
  private void addInterfaceEndpointsForIsolatedInstances() {
    Map<String, InterfaceVpcEndpointAwsService> services = new LinkedHashMap<>();
    services.put("EcsEndpoint", InterfaceVpcEndpointAwsService.ECS);
    services.put("EcsAgentEndpoint", InterfaceVpcEndpointAwsService.ECS_AGENT);
    services.put("EcsTelemetryEndpoint", InterfaceVpcEndpointAwsService.ECS_TELEMETRY);
    services.put("EcrApiEndpoint", InterfaceVpcEndpointAwsService.ECR);
    services.put("EcrDockerEndpoint", InterfaceVpcEndpointAwsService.ECR_DOCKER);
    services.put("LogsEndpoint", InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS);
    services.put("SsmEndpoint", InterfaceVpcEndpointAwsService.SSM);
    services.put("SsmMessagesEndpoint", InterfaceVpcEndpointAwsService.SSM_MESSAGES);
    services.put("Ec2MessagesEndpoint", InterfaceVpcEndpointAwsService.EC2_MESSAGES);
    // HTTPS from the VPC's own range, written as the literal block from the environment file rather than the
    // CDK's default (the VPC's CidrBlock attribute): the security gate's rules cannot read an intrinsic and would
    // report the endpoints' security groups as unchecked (CdkNagValidationFailure) instead of checking them.
    services.forEach((id, service) -> vpc.addInterfaceEndpoint(id, InterfaceVpcEndpointOptions.builder()
            .service(service).subnets(privateSubnets()).open(false).build())
        .getConnections().allowFrom(Peer.ipv4(cidr), Port.tcp(443), "HTTPS from the VPC"));
  }

  /** The VPC, for the cluster, the load balancer and anything else that lives in this environment. */
  public IVpc vpc() {
    return vpc;
  }

  /** Every flow of the VPC, for operators and investigations. */
  public LogGroup flowLogs() {
    return flowLogs;
  }

  /** Where container instances run: no public addresses. */
  public SubnetSelection privateSubnets() {
    return SubnetSelection.builder().subnetGroupName(PRIVATE_SUBNETS).build();
  }

  /** Where the internet-facing load balancer lives. */
  public SubnetSelection publicSubnets() {
    return SubnetSelection.builder().subnetGroupName(PUBLIC_SUBNETS).build();
  }
}

package dev.deepdive.ecs.constructs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpoint;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.constructs.Construct;

/**
 * One environment's VPC: public subnets for the load balancer and NAT gateways, private subnets for the
 * container instances, in every given zone, and an S3 gateway endpoint (plus interface endpoints for the
 * ECS agent when there is no NAT gateway).
 *
 * <p>The S3 endpoint is not an optimisation: instances read their {@code ecs.config} from S3 at boot, and a
 * boot that depends on a NAT gateway fails with it. Gateway endpoints are free.
 *
 * <p>The enclosing stack must answer {@code availabilityZones} itself (see {@code EnvironmentStack}): the CDK
 * otherwise looks the zones up in the account, which needs credentials at synth.
 */
public final class Network extends Construct {
  /** Subnet group names; part of the construct IDs, so they never change. */
  public static final String PUBLIC_SUBNETS = "Public";
  public static final String PRIVATE_SUBNETS = "Private";

  private final Vpc vpc;

  public Network(Construct scope, String id, NetworkProps props) {
    super(scope, id);
    this.vpc = Vpc.Builder.create(this, "Vpc")
        .ipAddresses(IpAddresses.cidr(props.cidr()))
        .availabilityZones(props.availabilityZones())
        .natGateways(props.natGateways())
        // Each zone gets one public and one private subnet; the CIDR is split evenly between them.
        .subnetConfiguration(List.of(
            SubnetConfiguration.builder().name(PUBLIC_SUBNETS).subnetType(SubnetType.PUBLIC).build(),
            SubnetConfiguration.builder().name(PRIVATE_SUBNETS)
                .subnetType(props.natGateways() > 0 ? SubnetType.PRIVATE_WITH_EGRESS : SubnetType.PRIVATE_ISOLATED)
                .build()))
        .build();
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
    services.forEach((id, service) -> vpc.addInterfaceEndpoint(id,
        InterfaceVpcEndpointOptions.builder().service(service).subnets(privateSubnets()).build()));
  }

  /** The VPC, for the cluster, the load balancer and anything else that lives in this environment. */
  public IVpc vpc() {
    return vpc;
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

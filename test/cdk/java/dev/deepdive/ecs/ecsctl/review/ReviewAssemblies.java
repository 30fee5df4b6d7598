package dev.deepdive.ecs.ecsctl.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.deepdive.ecs.constructs.EnvironmentLoadBalancer;
import dev.deepdive.ecs.constructs.EnvironmentLoadBalancerProps;
import dev.deepdive.ecs.constructs.Network;
import dev.deepdive.ecs.constructs.NetworkProps;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.services.ecs.CfnService;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListenerRule;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCondition;
import java.util.stream.Stream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecs.AddCapacityOptions;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.Ec2Service;
import software.amazon.awscdk.services.ecs.Ec2TaskDefinition;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationTargetsProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.Source;

/**
 * Real cloud assemblies for the review tests, synthesized once per JVM: every synth costs seconds.
 *
 * <p>The baseline has one stage ({@code dev}) with a cluster stack (VPC, ECS cluster with EC2 capacity, an
 * ecs.config deployed to S3, an ALB-fronted service) and a stack with an application role, plus a top-level
 * stack outside any stage. The widened variant grants {@code s3:PutObject} on {@code *}, opens SSH to the
 * internet, drops the SSM read policy, changes the task definition (a replacement) and renames the shared
 * bucket's construct ID (a logical ID change), so the compare has every kind of change to report. It also makes the
 * web container privileged (a container risk), justifies its {@code *} with a cdk-nag suppression as an
 * environment file's wildcardReason does, turns on HTTPS on the project's own load balancer construct (which
 * replaces its security group and moves the listener rule to a new listener), and changes the Role of a service
 * with a custom name (an update CloudFormation cannot make).
 */
final class ReviewAssemblies {
  private static Path baseline;
  private static Path widened;
  private static Path root;

  private ReviewAssemblies() {}

  static synchronized Path baseline() {
    if (baseline == null) {
      baseline = synth("baseline", false);
    }
    return baseline;
  }

  static synchronized Path widened() {
    if (widened == null) {
      widened = synth("widened", true);
    }
    return widened;
  }

  private static Path synth(String name, boolean widen) {
    Path outdir = root().resolve(name).resolve("cdk.out");
    App app = App.Builder.create().outdir(outdir.toString()).build();
    Stage dev = Stage.Builder.create(app, "dev").build();
    clusterStack(dev, widen);
    appRoleStack(dev, widen);
    edgeStack(dev, widen);
    Stack shared = Stack.Builder.create(app, "Shared").build();
    Bucket.Builder.create(shared, widen ? "ArtifactStore" : "Artifacts").removalPolicy(RemovalPolicy.RETAIN).build();
    app.synth();
    return outdir;
  }

  private static void clusterStack(Stage stage, boolean widen) {
    Stack stack = Stack.Builder.create(stage, "Cluster").build();
    Vpc vpc = Vpc.Builder.create(stack, "Vpc")
        .ipAddresses(IpAddresses.cidr("10.0.0.0/16"))
        .maxAzs(2)
        .natGateways(0)
        .subnetConfiguration(List.of(
            SubnetConfiguration.builder().name("Public").subnetType(SubnetType.PUBLIC).build()))
        .build();
    Cluster cluster = Cluster.Builder.create(stack, "Cluster").vpc(vpc).build();
    cluster.addCapacity("Instances", AddCapacityOptions.builder()
        .instanceType(new InstanceType("t3.small"))
        .minCapacity(1)
        .maxCapacity(2)
        .build());

    Bucket configBucket = Bucket.Builder.create(stack, "AgentConfig").build();
    BucketDeployment.Builder.create(stack, "AgentConfigFile")
        .destinationBucket(configBucket)
        .sources(List.of(Source.data("ecs.config",
            "ECS_ENABLE_CONTAINER_METADATA=true\nECS_AWSVPC_BLOCK_IMDS=true\n")))
        .build();

    Ec2TaskDefinition task = Ec2TaskDefinition.Builder.create(stack, "WebTask").build();
    task.addContainer("web", ContainerDefinitionOptions.builder()
        .image(ContainerImage.fromRegistry("public.ecr.aws/nginx/nginx:1.27"))
        .memoryLimitMiB(widen ? 512 : 256)
        .privileged(widen)
        .stopTimeout(Duration.seconds(20))
        .portMappings(List.of(PortMapping.builder().containerPort(80).build()))
        .build());
    Ec2Service service = Ec2Service.Builder.create(stack, "Web")
        .cluster(cluster)
        .taskDefinition(task)
        .desiredCount(4)
        .minHealthyPercent(50)
        .maxHealthyPercent(150)
        .healthCheckGracePeriod(Duration.seconds(60))
        .build();

    ApplicationLoadBalancer alb = ApplicationLoadBalancer.Builder.create(stack, "Alb")
        .vpc(vpc)
        .internetFacing(true)
        .build();
    alb.addListener("Http", BaseApplicationListenerProps.builder()
            .port(80).protocol(ApplicationProtocol.HTTP).build())
        .addTargets("Web", AddApplicationTargetsProps.builder()
            .port(80)
            .targets(List.of(service))
            .deregistrationDelay(Duration.seconds(30))
            .healthCheck(HealthCheck.builder()
                .interval(Duration.seconds(10))
                .healthyThresholdCount(3)
                .build())
            .build());

    SecurityGroup bastion = SecurityGroup.Builder.create(stack, "Bastion").vpc(vpc)
        .description("Bastion access").allowAllOutbound(false).build();
    bastion.addIngressRule(Peer.ipv4("10.0.0.0/16"), Port.tcp(8080), "from inside the VPC");
    if (widen) {
      bastion.addIngressRule(Peer.anyIpv4(), Port.tcp(22), "SSH from anywhere");
    }
  }

  private static void appRoleStack(Stage stage, boolean widen) {
    Stack stack = Stack.Builder.create(stage, "AppRole").build();
    Bucket data = Bucket.Builder.create(stack, "Data").build();
    Role role = Role.Builder.create(stack, "AppRole")
        .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com"))
        .build();
    data.grantRead(role);
    role.addToPolicy(PolicyStatement.Builder.create()
        .actions(List.of("ecs:Submit*"))
        .resources(List.of("*"))
        .conditions(Map.of("StringEquals", Map.of("aws:RequestedRegion", "eu-west-1")))
        .build());
    if (widen) {
      role.addToPolicy(PolicyStatement.Builder.create()
          .actions(List.of("s3:PutObject"))
          .resources(List.of("*"))
          .build());
      NagSuppressions.addResourceSuppressions(role, List.of(NagPackSuppression.builder().id("AwsSolutions-IAM5")
          .reason(WILDCARD_REASON).appliesTo(List.of("Resource::*")).build()), true);
    } else {
      readParameters(stack, role);
    }
    role.addManagedPolicy(ManagedPolicy.fromAwsManagedPolicyName("CloudWatchLogsReadOnlyAccess"));
  }

  /** How EcsService words an environment file's wildcardReason in the suppression. */
  static final String WILDCARD_REASON = "From the environment file: reports land under keys generated per run";

  /** The project's load balancer construct (HTTPS when widened), a rule on its service listener, a named service. */
  private static void edgeStack(Stage stage, boolean widen) {
    Stack stack = Stack.Builder.create(stage, "Edge").build();
    Network network = new Network(stack, "Network", new NetworkProps("10.1.0.0/20", stack.getAvailabilityZones(), 1));
    EnvironmentLoadBalancer edge = new EnvironmentLoadBalancer(stack, "LoadBalancer",
        new EnvironmentLoadBalancerProps(network.vpc(), network.publicSubnets(),
            widen ? Optional.of("arn:aws:acm:eu-west-1:111111111111:certificate/abc") : Optional.empty(), 60));
    ApplicationListenerRule.Builder.create(stack, "WebRule")
        .listener(edge.serviceListener())
        .priority(10)
        .conditions(List.of(ListenerCondition.pathPatterns(List.of("/web/*"))))
        .action(ListenerAction.fixedResponse(200))
        .build();
    CfnService.Builder.create(stack, "LegacyWeb")
        .serviceName("legacy-web")
        .cluster("prod")
        .taskDefinition("legacy-web:1")
        .desiredCount(1)
        .role("arn:aws:iam::111111111111:role/" + (widen ? "ecs-service-b" : "ecs-service-a"))
        .build();
  }

  private static void readParameters(Stack stack, Role role) {
    ManagedPolicy.Builder.create(stack, "ReadParameters")
        .roles(List.of(role))
        .statements(List.of(PolicyStatement.Builder.create()
            .actions(List.of("ssm:GetParameter"))
            .resources(List.of(stack.formatArn(ArnComponents.builder()
                .service("ssm").resource("parameter").resourceName("app/*").build())))
            .build()))
        .build();
  }

  private static synchronized Path root() {
    if (root == null) {
      try {
        root = Files.createTempDirectory("review-assemblies");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Path toDelete = root;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(toDelete)));
    }
    return root;
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

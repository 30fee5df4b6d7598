package dev.deepdive.ecs.stacks;

import dev.deepdive.ecs.constructs.EnvironmentLoadBalancer;
import dev.deepdive.ecs.constructs.EnvironmentLoadBalancerProps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecr.LifecycleRule;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecr.TagMutability;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;

/**
 * What the environment's services share: the load balancer (when a service takes traffic), the ECR
 * repositories, and the legacy ECS service role where the environment asks for it.
 */
public final class LoadBalancerStack extends EnvironmentStack {
  /** The construct ID: {@code cdk deploy dev/LoadBalancer}. */
  public static final String ID = "LoadBalancer";

  private final Map<String, IRepository> repositories = new LinkedHashMap<>();
  private final Optional<EnvironmentLoadBalancer> loadBalancer;
  private final Optional<IRole> legacyServiceRole;

  /**
   * The stack {@code <environment>/LoadBalancer}. Its CloudFormation stack name stays {@code <environment>-Edge},
   * the name it was first deployed under: a new stack name would make CloudFormation create a second stack and
   * delete the first, and with it the load balancer, its DNS name and the repositories' images.
   */
  public LoadBalancerStack(Construct scope, EnvironmentSpec spec, NetworkStack network) {
    super(scope, ID, spec, spec.clusterName() + ": load balancer and image repositories", spec.name() + "-Edge");
    EnvironmentSpec.Services settings = spec.services();
    settings.ecrRepositories().forEach((name, keepImages) -> repositories.put(name, Repository.Builder
        .create(this, "Repository" + Ids.pascalCase(name))
        .imageScanOnPush(true)
        .imageTagMutability(TagMutability.IMMUTABLE)
        .lifecycleRules(List.of(LifecycleRule.builder()
            .description("keep the last " + keepImages + " images").maxImageCount(keepImages).build()))
        // Images are data: a destroyed environment leaves its repositories (and their images) behind.
        .removalPolicy(RemovalPolicy.RETAIN)
        .build()));

    boolean anyLoadBalanced = settings.services().stream().anyMatch(s -> s.loadBalancer().isPresent());
    this.loadBalancer = anyLoadBalanced
        ? Optional.of(new EnvironmentLoadBalancer(this, "LoadBalancer", new EnvironmentLoadBalancerProps(
            network.network().vpc(), network.network().publicSubnets(), settings.certificateArn(),
            settings.idleTimeoutSeconds())))
        : Optional.empty();
    this.legacyServiceRole = settings.legacyEcsServiceRole() && anyLoadBalanced
        ? Optional.of(createLegacyServiceRole())
        : Optional.empty();
  }

  /**
   * The legacy ECS service role (the one ECS used before service-linked roles), for environments that still need
   * it: ECS registers targets with it instead of its service-linked role. The calls AmazonEC2ContainerServiceRole grants for that, and no more.
   */
  private IRole createLegacyServiceRole() {
    Role role = Role.Builder.create(this, "LegacyEcsServiceRole")
        .assumedBy(new ServicePrincipal("ecs.amazonaws.com"))
        .description("Legacy ECS service role: registers tasks with the load balancer")
        .build();
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .actions(List.of("elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets",
            "elasticloadbalancing:Describe*", "ec2:Describe*", "ec2:AuthorizeSecurityGroupIngress"))
        .resources(List.of("*"))
        .build());
    return role;
  }

  public Map<String, IRepository> repositories() {
    return repositories;
  }

  public Optional<EnvironmentLoadBalancer> loadBalancer() {
    return loadBalancer;
  }

  public Optional<IRole> legacyServiceRole() {
    return legacyServiceRole;
  }
}

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
import software.constructs.Construct;

/**
 * What the environment's services share: the load balancer (when a service takes traffic) and the ECR
 * repositories. (The legacy ECS service role, where an environment asks for it, is each service's own: it may
 * register targets in that service's target group only.)
 */
public final class LoadBalancerStack extends EnvironmentStack {
  /** The construct ID: {@code cdk deploy dev/LoadBalancer}. */
  public static final String ID = "LoadBalancer";

  private final Map<String, IRepository> repositories = new LinkedHashMap<>();
  private final Optional<EnvironmentLoadBalancer> loadBalancer;

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
  }

  public Map<String, IRepository> repositories() {
    return repositories;
  }

  public Optional<EnvironmentLoadBalancer> loadBalancer() {
    return loadBalancer;
  }
}

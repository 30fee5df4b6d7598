package dev.deepdive.ecs.constructs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionDocument;
import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionProblems;
import dev.deepdive.ecs.testing.TestStacks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * One stack holding a bridge service with a dynamic port behind HTTPS, an awsvpc service, and a worker: the
 * behaviours each service type adds, read from one synth.
 */
class EcsServiceTest {
  private static Template template;

  @BeforeAll
  static void synthesize() throws IOException {
    Stack stack = TestStacks.withTwoZones();
    Fixture fixture = new Fixture(stack, Optional.of("arn:aws:acm:us-east-1:111111111111:certificate/abc"));
    Repository repository = Repository.Builder.create(stack, "Repo").build();
    new EcsService(stack, "Web", fixture.props("web", "tomcat-memcached.json",
        Optional.of(fixture.route("tomcat", 8080, 10)),
        Map.of()));
    new EcsService(stack, "Api", fixture.props("api", "awsvpc-healthchecks.json",
        Optional.of(fixture.route("api", 8080, 20)), Map.of("api", repository)));
    new EcsService(stack, "Worker", fixture.props("worker", "secrets-logging.json", Optional.empty(), Map.of()));
    template = Template.fromStack(stack);
  }

  @Test
  void serviceRunsOnTheCapacityProviderWithDefaultDeploymentBoundsAndACircuitBreaker() {
    template.hasResourceProperties("AWS::ECS::Service", Map.of(
        "ServiceName", "web",
        "CapacityProviderStrategy", List.of(Map.of("CapacityProvider", "cp", "Weight", 1)),
        "DeploymentConfiguration", Map.of("MaximumPercent", 200, "MinimumHealthyPercent", 100,
            "DeploymentCircuitBreaker", Map.of("Enable", true, "Rollback", true))));
  }

  /** The tag that makes ecsctl drain-delete refuse the service: CloudFormation puts none on ECS services. */
  @Test
  void serviceNamesItsStackInATag() {
    template.hasResourceProperties("AWS::ECS::Service", Map.of("ServiceName", "web", "Tags", List.of(
        Map.of("Key", "deep-dive:cloudformation-stack-name", "Value", "Test"))));
  }

  @Test
  void tasksSpreadOverZonesThenInstances() {
    template.hasResourceProperties("AWS::ECS::Service", Map.of("ServiceName", "web", "PlacementStrategies", List.of(
        Map.of("Type", "spread", "Field", "attribute:ecs.availability-zone"),
        Map.of("Type", "spread", "Field", "instanceId"))));
  }

  @Test
  void targetGroupDrainsIn30SecondsAndChecksHealthAsConfigured() {
    template.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Map.of(
        "Port", 8080,
        "TargetType", "instance",
        "HealthCheckPath", "/health",
        "HealthCheckIntervalSeconds", 15,
        "Matcher", Map.of("HttpCode", "200-399"),
        "TargetGroupAttributes", Match.arrayWith(List.of(
            Map.of("Key", "deregistration_delay.timeout_seconds", "Value", "30")))));
  }

  @Test
  void awsvpcTasksAreIpTargetsWithTheirOwnSecurityGroup() {
    template.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Map.of("TargetType", "ip"));
    template.hasResourceProperties("AWS::ECS::Service", Map.of("ServiceName", "api", "NetworkConfiguration",
        Map.of("AwsvpcConfiguration", Match.objectLike(Map.of("AssignPublicIp", "DISABLED")))));
  }

  @Test
  void listenerRuleRoutesByPathWithThePriorityGiven() {
    template.hasResourceProperties("AWS::ElasticLoadBalancingV2::ListenerRule", Map.of(
        "Priority", 10,
        "Conditions", List.of(Map.of("Field", "path-pattern", "PathPatternConfig", Map.of("Values", List.of("/*"))))));
  }

  @Test
  void aStaticHostPortOpensThatPortToTheLoadBalancerOnly() throws IOException {
    Stack stack = TestStacks.withTwoZones();
    Fixture fixture = new Fixture(stack, Optional.empty());
    new EcsService(stack, "Web", fixture.props("web", "web.json", Optional.of(fixture.route("tomcat", 8080, 10)),
        Map.of()));
    Template web = Template.fromStack(stack);
    web.resourceCountIs("AWS::EC2::SecurityGroupIngress", 1);
    web.hasResourceProperties("AWS::EC2::SecurityGroupIngress", Map.of("FromPort", 8080, "ToPort", 8080));
  }

  @Test
  void dynamicHostPortsOpenTheEphemeralRangeToTheLoadBalancerOnly() {
    template.hasResourceProperties("AWS::EC2::SecurityGroupIngress", Map.of(
        "FromPort", 32768, "ToPort", 65535, "IpProtocol", "tcp",
        "SourceSecurityGroupId", Match.objectLike(Map.of("Fn::GetAtt", Match.arrayWith(List.of("GroupId"))))));
  }

  @Test
  void httpsListenerWithTls13AndPort80Redirects() {
    template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of(
        "Port", 443, "Protocol", "HTTPS", "SslPolicy", Match.stringLikeRegexp(".*TLS13.*")));
    template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of(
        "Port", 80, "DefaultActions", List.of(Match.objectLike(Map.of("Type", "redirect")))));
  }

  @Test
  void onlyTheLoadBalancerIsOpenToTheInternet() {
    template.hasResourceProperties("AWS::EC2::SecurityGroup", Map.of("SecurityGroupIngress", List.of(
        Match.objectLike(Map.of("CidrIp", "0.0.0.0/0", "FromPort", 80)),
        Match.objectLike(Map.of("CidrIp", "0.0.0.0/0", "FromPort", 443)))));
  }

  @Test
  void logsGoToTheServicesOwnLogGroupWithRetention() {
    template.hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 30));
    template.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("Family", "web-cache", "ContainerDefinitions",
        Match.arrayWith(List.of(Match.objectLike(Map.of("LogConfiguration", Map.of("LogDriver", "awslogs", "Options", Map.of(
            "awslogs-group", Match.anyValue(), "awslogs-region", Map.of("Ref", "AWS::Region"),
            "awslogs-stream-prefix", "web"))))))));
  }

  @Test
  void ecrImagesResolveToTheEnvironmentsRepositoryAndOnlyItIsPullable() {
    template.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement",
        Match.arrayWith(List.of(Match.objectLike(Map.of(
            "Sid", "EcrImagePull",
            "Action", List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"),
            "Resource", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("Repo.*"), "Arn")))))))));
  }

  /** Derived from secrets-logging.json: every reference the agent resolves, and nothing for the file's defaults. */
  @Test
  void executionRoleReadsExactlyTheSecretsTheTaskReferences() {
    List<Object> statements = policyStatements("WorkerExecutionRole");
    assertThat(statements.stream().map(s -> (Object) ((Map<?, ?>) s).get("Sid")).toList()).containsExactly(
        "EcrAuthorizationToken", "EcrImagePull", "SecretsManagerRead", "SecretsManagerKmsDecrypt", "SsmParameterRead",
        "SsmParameterKmsDecrypt", "AwslogsWrite", "AwslogsCreateGroup", "EnvironmentFileRead",
        "EnvironmentFileBucketLocation", "S3ObjectKmsDecrypt");
    assertThat(statements).contains(Map.of("Sid", "SecretsManagerRead", "Effect", "Allow",
        "Action", "secretsmanager:GetSecretValue",
        "Resource", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:billing/db-AbCdEf"));
    assertThat(statements).contains(Map.of("Sid", "SsmParameterRead", "Effect", "Allow",
        "Action", "ssm:GetParameters",
        "Resource", List.of("arn:aws:ssm:eu-west-1:123456789012:parameter/billing/stripe-key",
            "arn:aws:ssm:eu-west-1:123456789012:parameter/billing/log-api-key")));
  }

  /** Every container of the worker names its own log configuration: the service's group is not granted. */
  @Test
  void theServicesOwnLogGroupIsGrantedOnlyWhenAContainerLogsThere() {
    assertThat(policyStatements("WorkerExecutionRole").toString()).doesNotContain("WorkerLogs");
    assertThat(policyStatements("WebExecutionRole").toString()).contains("WebLogs");
  }

  @SuppressWarnings("unchecked")
  private static List<Object> policyStatements(String rolePrefix) {
    Map<String, Map<String, Object>> policies = template.findResources("AWS::IAM::Policy");
    return policies.values().stream()
        .filter(p -> p.toString().contains("Ref=" + rolePrefix))
        .map(p -> (Map<?, ?>) ((Map<?, ?>) p.get("Properties")).get("PolicyDocument"))
        .map(d -> (List<Object>) d.get("Statement"))
        .findFirst().orElseThrow();
  }

  @Test
  void taskRoleHasOnlyWhatTheEnvironmentGrants() {
    template.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement", List.of(Map.of(
        "Action", "s3:GetObject", "Effect", "Allow", "Resource", "arn:aws:s3:::web-assets/*")))));
  }

  @Test
  void aWorkerHasNoTargetGroupNorGracePeriod() {
    template.hasResourceProperties("AWS::ECS::Service", Map.of("ServiceName", "worker",
        "LoadBalancers", Match.absent(), "HealthCheckGracePeriodSeconds", Match.absent()));
  }

  @Test
  void theServiceWaitsForItsListenerRule() {
    Map<String, Map<String, Object>> services = template.findResources("AWS::ECS::Service",
        Map.of("Properties", Map.of("ServiceName", "web")));
    assertThat(services.values().iterator().next().get("DependsOn").toString()).contains("WebListenerRule");
  }

  @Test
  void taskDefinitionRevisionsAreKeptForRollback() {
    template.hasResource("AWS::ECS::TaskDefinition", Map.of(
        "UpdateReplacePolicy", "Retain", "DeletionPolicy", "Retain"));
  }

  @Test
  void binpackAndPlacementConstraintsWhenTheEnvironmentAsks() throws IOException {
    Stack stack = TestStacks.withTwoZones();
    Fixture fixture = new Fixture(stack, Optional.empty());
    EcsServiceProps spread = fixture.props("batch", "web.json", Optional.empty(), Map.of());
    new EcsService(stack, "Batch", new EcsServiceProps(spread.serviceName(), spread.clusterCapacity(),
        spread.taskDefinition(), 1, spread.deployment(), EcsServiceProps.PlacementStrategy.BINPACK,
        List.of(Map.of("type", "distinctInstance"),
            Map.of("type", "memberOf", "expression", "attribute:ecs.instance-type =~ t3.*")),
        List.of(), RetentionDays.ONE_WEEK, Map.of(), Optional.empty(), false, Optional.empty(), Optional.empty()));
    Template.fromStack(stack).hasResourceProperties("AWS::ECS::Service", Map.of(
        "PlacementStrategies", List.of(Map.of("Type", "binpack", "Field", "memory")),
        "PlacementConstraints", List.of(Map.of("Type", "distinctInstance"),
            Map.of("Type", "memberOf", "Expression", "attribute:ecs.instance-type =~ t3.*"))));
  }

  /** The environment pins account 111111111111; secrets-logging.json names resources of 123456789012. */
  @Test
  void referencesToAnotherAccountAreWarningsOnTheTaskDefinition() throws IOException {
    Stack stack = new Stack(new App(), "Pinned", StackProps.builder()
        .env(Environment.builder().account("111111111111").region("us-east-1").build()).build());
    Fixture fixture = new Fixture(stack, Optional.empty());
    new EcsService(stack, "Worker", fixture.props("worker", "secrets-logging.json", Optional.empty(), Map.of()));
    Annotations annotations = Annotations.fromStack(stack);
    annotations.hasWarning("/Pinned/Worker/TaskDefinition", Match.stringLikeRegexp("test/constructs/resources/taskdef/"
        + "secrets-logging.json: containerDefinitions\\[1\\]\\.secrets\\[0\\]\\.valueFrom: the secret is in account"
        + " 123456789012, not this environment's 111111111111; its resource policy.*"));
    annotations.hasWarning("/Pinned/Worker/TaskDefinition", Match.stringLikeRegexp(".*containerDefinitions\\[1\\]"
        + "\\.image: the repository is in account 123456789012.*"));
    assertThat(annotations.findWarning("*", Match.stringLikeRegexp(".*in account 123456789012.*"))).hasSize(4);
  }

  @Test
  void aReferenceThatCanNeverWorkIsRefusedBeforeAnythingIsAdded() throws IOException {
    Stack stack = TestStacks.withTwoZones();
    Fixture fixture = new Fixture(stack, Optional.empty());
    EcsServiceProps props = fixture.props("web", "web.json", Optional.empty(), Map.of());
    EcsServiceProps bad = new EcsServiceProps(props.serviceName(), props.clusterCapacity(),
        TaskDefinitionDocument.parse("bad.json", "{\"family\": \"bad\", \"containerDefinitions\": [{\"name\":"
            + " \"app\", \"image\": \"nginx\", \"memory\": 128, \"logConfiguration\": {\"logDriver\": \"awslogs\"}}]}"),
        1, props.deployment(), props.placementStrategy(), List.of(), List.of(), RetentionDays.ONE_WEEK, Map.of(),
        Optional.empty(), false, Optional.empty(), Optional.empty());
    assertThatThrownBy(() -> new EcsService(stack, "Bad", bad)).isInstanceOf(TaskDefinitionProblems.class)
        .hasMessageContaining("bad.json: containerDefinitions[0].logConfiguration.options[\"awslogs-group\"]:"
            + " required by the awslogs log driver");
    assertThat(stack.getNode().tryFindChild("Bad").getNode().getChildren()).isEmpty();
  }

  @Test
  void rejectsARouteToAPortTheTaskDoesNotDeclare() throws IOException {
    Stack stack = TestStacks.withTwoZones();
    Fixture fixture = new Fixture(stack, Optional.empty());
    assertThatThrownBy(() -> new EcsService(stack, "Web",
        fixture.props("web", "web.json", Optional.of(fixture.route("tomcat", 9090, 10)), Map.of())))
        .isInstanceOf(TaskDefinitionProblems.class)
        .hasMessageContaining("routes to container 'tomcat' port 9090, which the task definition does not declare");
  }

  /** A VPC, cluster and load balancer to put services in. */
  private static final class Fixture {
    final Vpc vpc;
    final Cluster cluster;
    final SecurityGroup instances;
    final EnvironmentLoadBalancer loadBalancer;

    Fixture(Stack stack, Optional<String> certificate) {
      vpc = Vpc.Builder.create(stack, "Vpc").availabilityZones(List.of("us-east-1a", "us-east-1b")).build();
      cluster = Cluster.Builder.create(stack, "Cluster").vpc(vpc).clusterName("c").build();
      instances = SecurityGroup.Builder.create(stack, "Instances").vpc(vpc).build();
      loadBalancer = new EnvironmentLoadBalancer(stack, "Lb", new EnvironmentLoadBalancerProps(vpc,
          SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build(), certificate, 60));
    }

    ServiceLoadBalancing route(String container, int port, int priority) {
      return new ServiceLoadBalancing(loadBalancer, container, port, List.of("/*"), List.of(), priority,
          new ServiceLoadBalancing.HealthCheck("/health", 15, 5, 2, 3, "200-399"), 30, 60);
    }

    EcsServiceProps props(String name, String file, Optional<ServiceLoadBalancing> lb,
        Map<String, software.amazon.awscdk.services.ecr.IRepository> repositories) throws IOException {
      String json = Files.readString(Path.of("test/constructs/resources/taskdef", file));
      if (!repositories.isEmpty()) {
        json = json.replaceFirst("\"image\": *\"[^\"]*\"", "\"image\": \"ecr://api:1.2.3\"");
      }
      return new EcsServiceProps(name,
          new EcsServiceProps.ClusterCapacity(cluster.getClusterName(), "cp", List.of("m5.xlarge"), vpc,
              SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build(), instances, 0),
          TaskDefinitionDocument.parse("test/constructs/resources/taskdef/" + file, json),
          2, new EcsServiceProps.Deployment(200, 100, true), EcsServiceProps.PlacementStrategy.SPREAD, List.of(),
          name.equals("web") ? List.of(new TaskRoleGrant(List.of("s3:GetObject"),
              List.of("arn:aws:s3:::web-assets/*"), Optional.of("every object of the assets bucket"))) : List.of(),
          RetentionDays.ONE_MONTH, repositories, lb, false, Optional.empty(), Optional.empty());
    }
  }
}

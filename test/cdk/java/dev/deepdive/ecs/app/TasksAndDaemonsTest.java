package dev.deepdive.ecs.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepdive.ecs.stacks.Ids;
import dev.deepdive.ecs.testing.SynthesizedEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * An environment file with a nightly scheduled task, a migration run by hand and a daemon log router next to a
 * load-balanced service, synthesized by the app through the security gate: the templates the file makes.
 */
class TasksAndDaemonsTest {
  @TempDir static Path root;
  static SynthesizedEnvironment dev;

  static final String ENVIRONMENT = """
      {
        "name": "dev",
        "clusterName": "deep-dive-dev",
        "network": {"cidr": "10.10.0.0/16"},
        "capacity": {"instanceTypes": ["t3.medium"], "minSize": 1, "desiredSize": 1, "maxSize": 2},
        "ecrRepositories": {"jobs": {"keepImages": 5}},
        "services": [
          {"name": "web", "taskDefinition": "web.json", "desiredCount": 1,
           "loadBalancer": {"container": "tomcat", "containerPort": 8080, "pathPatterns": ["/*"]}},
          {"name": "log-router", "taskDefinition": "log-router.json", "schedulingStrategy": "DAEMON",
           "placement": {"constraints": [{"type": "memberOf", "expression": "attribute:ecs.os-type == linux"}]}}
        ],
        "tasks": [
          {"name": "nightly-report", "taskDefinition": "report.json", "schedule": "cron(0 2 * * ? *)",
           "scheduleTimezone": "Europe/Berlin",
           "containerOverrides": [{"container": "report", "environment": {"REPORT_DAY": "yesterday"}}],
           "taskRole": {"statements": [{"actions": ["s3:PutObject"], "resources": ["arn:aws:s3:::dev-reports/*"],
             "wildcardReason": "one report object per night under a dated key"}]}},
          {"name": "migrate", "taskDefinition": "migrate.json"}
        ]
      }
      """;

  static final Map<String, String> TASK_DEFINITIONS = Map.of(
      "web.json", """
          {"family": "web", "containerDefinitions": [{"name": "tomcat", "image": "tomcat", "cpu": 256,
            "memory": 512, "portMappings": [{"containerPort": 8080, "hostPort": 0}]}]}
          """,
      "log-router.json", """
          {"family": "log-router", "containerDefinitions": [{"name": "fluent-bit",
            "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable", "cpu": 64, "memory": 128}]}
          """,
      "report.json", """
          {"family": "report", "containerDefinitions": [{"name": "report", "image": "ecr://jobs:2.1.0",
            "memoryReservation": 256, "command": ["python", "-m", "report"]}]}
          """,
      "migrate.json", """
          {"family": "migrate", "containerDefinitions": [{"name": "migrate", "image": "ecr://jobs:2.1.0",
            "memoryReservation": 256, "command": ["bin/migrate", "up"],
            "secrets": [{"name": "DB_PASSWORD", "valueFrom": "/dev/db-password"}]}]}
          """);

  @BeforeAll
  static void synthesize() {
    dev = SynthesizedEnvironment.synthesize(root, "dev", ENVIRONMENT, TASK_DEFINITIONS);
  }

  @Test
  void theWholeEnvironmentPassesTheSecurityGate() {
    assertThat(dev.gateExitCode()).as(dev.gateOutput()).isZero();
    assertThat(dev.gateOutput().lines().filter(l -> l.contains("AwsSolutions") || l.contains("NIST")
        || l.contains("CdkNag"))).isEmpty();
  }

  @Test
  void theNightlyTaskIsAScheduleRunningItsTaskDefinitionOnTheEnvironmentsCapacityProvider() {
    Template tasks = dev.template("Tasks");
    tasks.hasResourceProperties("AWS::Scheduler::Schedule", Map.of(
        "ScheduleExpression", "cron(0 2 * * ? *)",
        "ScheduleExpressionTimezone", "Europe/Berlin",
        "Target", Match.objectLike(Map.of(
            "Input", "{\"containerOverrides\":[{\"name\":\"report\",\"environment\":[{\"name\":\"REPORT_DAY\","
                + "\"value\":\"yesterday\"}]}]}",
            "RetryPolicy", Map.of("MaximumRetryAttempts", 3, "MaximumEventAgeInSeconds", 3600),
            "EcsParameters", Match.objectLike(Map.of(
                "CapacityProviderStrategy", List.of(Map.of("CapacityProvider",
                    Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*CapacityProvider.*")), "Weight", 1)),
                "TaskCount", 1))))));
    tasks.resourceCountIs("AWS::Scheduler::Schedule", 1);
    tasks.resourceCountIs("AWS::SQS::Queue", 1);
  }

  @Test
  void theMigrationIsATaskDefinitionWithItsRolesAndLogsButNoSchedule() {
    Template tasks = dev.template("Tasks");
    tasks.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("Family", "dev-migrate"));
    tasks.hasResourceProperties("AWS::IAM::Role", Map.of("Description", "Containers of task migrate"));
    tasks.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement",
        Match.arrayWith(List.of(Match.objectLike(Map.of("Action", "ssm:GetParameters")))))));
    tasks.resourceCountIs("AWS::ECS::TaskDefinition", 2);
    tasks.resourceCountIs("AWS::Logs::LogGroup", 2);
  }

  @Test
  void tasksPullTheirImagesFromTheEnvironmentsRepositoryOnly() {
    dev.template("Tasks").hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("Family", "dev-report",
        "ContainerDefinitions", List.of(Match.objectLike(Map.of("Image", Map.of("Fn::Join",
            Match.arrayWith(List.of(Match.arrayWith(List.of(":2.1.0"))))))))));
  }

  @Test
  void theLogRouterIsADaemonServiceOnEveryInstance() {
    Template services = dev.template(Ids.serviceGroup("log-router"));
    services.hasResourceProperties("AWS::ECS::Service", Map.of(
        "ServiceName", "log-router",
        "SchedulingStrategy", "DAEMON",
        "LaunchType", "EC2",
        "DesiredCount", Match.absent(),
        "CapacityProviderStrategy", Match.absent(),
        "DeploymentConfiguration", Match.objectLike(Map.of("MaximumPercent", 100, "MinimumHealthyPercent", 50)),
        "PlacementConstraints", List.of(Map.of("Type", "memberOf", "Expression", "attribute:ecs.os-type == linux"))));
  }

  @Test
  void theReplicaServiceIsUnchangedByTheDaemonNextToIt() {
    dev.template(Ids.serviceGroup("web")).hasResourceProperties("AWS::ECS::Service", Map.of(
        "ServiceName", "web", "DesiredCount", 1, "SchedulingStrategy", Match.absent()));
  }
}

package dev.deepdive.ecs.app.config;

import static dev.deepdive.ecs.app.config.ServiceFiles.WORKER;
import static dev.deepdive.ecs.app.config.ServiceFiles.only;
import static dev.deepdive.ecs.app.config.ServiceFiles.problems;
import static dev.deepdive.ecs.app.config.ServiceFiles.web;
import static dev.deepdive.ecs.app.config.ServiceFiles.worker;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServicesSectionTest {
  private static final String FILE = "app/environments/qa.json: ";

  @Test
  void loadsAFullServiceIntoTheRecords() {
    EnvironmentConfig env = QaFile.config(QaFile.withTop("""
        "services": [{
          "name": "web",
          "taskDefinition": "web.json",
          "desiredCount": 3,
          "loadBalancer": {
            "container": "tomcat",
            "containerPort": 8080,
            "pathPatterns": ["/app/*", "/static/*"],
            "hostHeaders": ["web.example.com"],
            "priority": 7,
            "healthCheck": {"path": "/health", "intervalSeconds": 30, "timeoutSeconds": 10,
              "healthyThresholdCount": 3, "unhealthyThresholdCount": 4, "healthyHttpCodes": "200,302"},
            "deregistrationDelaySeconds": 5
          },
          "deployment": {"maximumPercent": 150, "minimumHealthyPercent": 50, "circuitBreakerRollback": false},
          "healthCheckGracePeriodSeconds": 120,
          "placement": {"strategy": "binpack", "constraints": [{"type": "distinctInstance"},
            {"type": "memberOf", "expression": "attribute:ecs.instance-type =~ t3.*"}]},
          "taskRole": {"statements": [{"actions": ["s3:GetObject"], "resources": ["arn:aws:s3:::my-bucket/*"],
            "wildcardReason": "every object of the upload bucket"}]},
          "logRetentionDays": 90
        }]"""));
    assertThat(env.services()).containsExactly(new ServiceConfig("web", "web.json", 3,
        Optional.of(new ServiceLoadBalancerConfig("tomcat", 8080, List.of("/app/*", "/static/*"),
            List.of("web.example.com"), 7, new HealthCheckConfig("/health", 30, 10, 3, 4, "200,302"), 5)),
        new DeploymentConfig(150, 50, false), Optional.of(120),
        new PlacementConfig(PlacementStrategy.BINPACK, List.of(
            new PlacementConstraintConfig("distinctInstance", Optional.empty()),
            new PlacementConstraintConfig("memberOf", Optional.of("attribute:ecs.instance-type =~ t3.*")))),
        Optional.of(new TaskRoleConfig(List.of(new PolicyStatementConfig(List.of("s3:GetObject"),
            List.of("arn:aws:s3:::my-bucket/*"), Optional.of("every object of the upload bucket"))))),
        90, Optional.empty(), false, SchedulingStrategy.REPLICA, "services[0]"));
  }

  @Test
  void keepsServicesInFileOrder() {
    assertThat(QaFile.config(ServiceFiles.file(web(""), WORKER)).services())
        .extracting(ServiceConfig::name).containsExactly("web", "worker");
  }

  @Test
  void aWorkerServiceHasNoLoadBalancerAndNoGracePeriod() {
    ServiceConfig worker = only(WORKER);
    assertThat(worker.loadBalancer()).isEmpty();
    assertThat(worker.healthCheckGracePeriodSeconds()).isEmpty();
  }

  @Test
  void acceptsAnEmptyList() {
    assertThat(QaFile.config(ServiceFiles.file()).services()).isEmpty();
  }

  @Test
  void rejectsServicesThatAreNotAList() {
    assertThat(QaFile.problems(QaFile.withTop("\"services\": {\"web\": {}}"))).containsExactly(
        FILE + "services: expected a list of service objects, got an object");
  }

  @Test
  void rejectsAServiceThatIsNotAnObject() {
    assertThat(problems("\"web\"")).containsExactly(FILE + "services[0]: expected an object, got \"web\" (a string)");
  }

  @Test
  void namesEveryMissingRequiredField() {
    assertThat(problems("{}")).containsExactly(
        FILE + "services[0].name: required field is missing",
        FILE + "services[0].taskDefinition: required field is missing",
        FILE + "services[0].desiredCount: required field is missing");
  }

  @Test
  void suggestsTheServiceFieldMeantByATypo() {
    assertThat(problems(worker("\"desiredcount\": 1").replace("\"desiredCount\": 1, ", ""))).containsExactly(
        FILE + "services[0].desiredcount: unknown field; did you mean 'desiredCount'? allowed: name, taskDefinition,"
            + " schedulingStrategy, desiredCount, loadBalancer, deployment, healthCheckGracePeriodSeconds, placement,"
            + " taskRole, logRetentionDays, autoScaling, enableExecuteCommand",
        FILE + "services[0].desiredCount: required field is missing");
  }

  @Test
  void rejectsAServiceNameWithCapitals() {
    assertThat(problems(WORKER.replace("\"worker\"", "\"Worker\""))).containsExactly(FILE + "services[0].name: must"
        + " start with a lowercase letter and hold only lowercase letters, digits and '-', at most 32 characters,"
        + " got \"Worker\"; it is the ECS service name people type");
  }

  @Test
  void rejectsAServiceNameLongerThan32Characters() {
    String name = "w" + "x".repeat(32);
    assertThat(problems(WORKER.replace("\"worker\"", "\"" + name + "\""))).containsExactly(FILE + "services[0].name:"
        + " must start with a lowercase letter and hold only lowercase letters, digits and '-', at most 32"
        + " characters, got \"" + name + "\"; it is the ECS service name people type");
  }

  @Test
  void rejectsATaskDefinitionInAnotherFolder() {
    assertThat(problems(WORKER.replace("\"worker.json\"", "\"../worker.json\""))).containsExactly(FILE
        + "services[0].taskDefinition: not a task definition file name, got \"../worker.json\"; expected the name of"
        + " a .json file in app/task-definitions, such as \"web.json\": letters, digits, '.', '_' and '-', no folders");
  }

  @Test
  void rejectsATaskDefinitionThatIsNotJson() {
    assertThat(problems(WORKER.replace("\"worker.json\"", "\"worker.yaml\""))).containsExactly(FILE
        + "services[0].taskDefinition: not a task definition file name, got \"worker.yaml\"; expected the name of"
        + " a .json file in app/task-definitions, such as \"web.json\": letters, digits, '.', '_' and '-', no folders");
  }

  @Test
  void acceptsADesiredCountOfZero() {
    assertThat(only(WORKER.replace("\"desiredCount\": 1", "\"desiredCount\": 0")).desiredCount()).isZero();
  }

  @Test
  void rejectsANegativeDesiredCount() {
    assertThat(problems(WORKER.replace("\"desiredCount\": 1", "\"desiredCount\": -1"))).containsExactly(
        FILE + "services[0].desiredCount: must be at least 0, got -1");
  }

  @Test
  void rejectsADesiredCountAbove1000() {
    assertThat(problems(WORKER.replace("\"desiredCount\": 1", "\"desiredCount\": 1001"))).containsExactly(
        FILE + "services[0].desiredCount: must be at most 1000, got 1001");
  }

  @Test
  void rejectsAQuotedDesiredCount() {
    assertThat(problems(WORKER.replace("\"desiredCount\": 1", "\"desiredCount\": \"1\""))).containsExactly(
        FILE + "services[0].desiredCount: expected an integer, got \"1\" (a string)");
  }

  @Test
  void readsTheGracePeriodOfALoadBalancedService() {
    assertThat(only(web("\"healthCheckGracePeriodSeconds\": 0")).healthCheckGracePeriodSeconds()).contains(0);
  }

  @Test
  void rejectsAGracePeriodOnAServiceWithoutLoadBalancer() {
    assertThat(problems(worker("\"healthCheckGracePeriodSeconds\": 60"))).containsExactly(FILE + "services[0]"
        + ".healthCheckGracePeriodSeconds: only allowed on a service with a loadBalancer, got 60; it delays load"
        + " balancer health checks, so remove it or add a loadBalancer");
  }

  @Test
  void rejectsANegativeGracePeriod() {
    assertThat(problems(web("\"healthCheckGracePeriodSeconds\": -1"))).containsExactly(
        FILE + "services[0].healthCheckGracePeriodSeconds: must be at least 0, got -1");
  }

  @Test
  void rejectsAGracePeriodBeyondWhatEcsStores() {
    assertThat(problems(web("\"healthCheckGracePeriodSeconds\": 2147483648"))).containsExactly(
        FILE + "services[0].healthCheckGracePeriodSeconds: must be at most 2147483647, got 2147483648");
  }

  @Test
  void readsALogRetentionCloudWatchOffers() {
    assertThat(only(worker("\"logRetentionDays\": 3653")).logRetentionDays()).isEqualTo(3653);
  }

  @Test
  void rejectsALogRetentionCloudWatchDoesNotOffer() {
    assertThat(problems(worker("\"logRetentionDays\": 10"))).containsExactly(FILE + "services[0].logRetentionDays:"
        + " not a CloudWatch Logs retention period, got 10; allowed: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365,"
        + " 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653");
  }

  @Test
  void reportsProblemsOfEveryServiceNotJustTheFirst() {
    assertThat(problems(worker("\"logRetentionDays\": 10"), web("\"logRetentionDays\": 2"))).hasSize(2);
  }

  @Test
  void aFileWithABadServiceYieldsNoConfig() {
    assertThat(QaFile.read(ServiceFiles.file(worker("\"logRetentionDays\": 10"))).config()).isEmpty();
  }
}

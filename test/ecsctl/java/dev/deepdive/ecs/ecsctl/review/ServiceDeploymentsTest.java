package dev.deepdive.ecs.ecsctl.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Services whose templates leave settings out get AWS defaults, and the review says so. */
class ServiceDeploymentsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ServiceDeployments.ServiceDeployment onlyService(String resources) throws Exception {
    List<ServiceDeployments.ServiceDeployment> services = ServiceDeployments.of("dev/Services",
        new StackResources(JSON.readTree("{\"Resources\": " + resources + "}")));
    assertThat(services).hasSize(1);
    return services.get(0);
  }

  private static final String TASK = """
      "Task": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"ContainerDefinitions": [
        {"Name": "app", "StopTimeout": 10}, {"Name": "sidecar"}]}}""";

  @Test
  void appliesTheEcsDefaultsToADeploymentConfigurationLeftOut() throws Exception {
    ServiceDeployments.ServiceDeployment service = onlyService("{" + TASK + """
        , "Svc": {"Type": "AWS::ECS::Service", "Properties": {"TaskDefinition": {"Ref": "Task"}, "DesiredCount": 2}}}""");
    assertThat(service.maximumPercent()).isEqualTo(ServiceDeployments.DEFAULT_MAXIMUM_PERCENT).isEqualTo(200);
    assertThat(service.minimumHealthyPercent()).isEqualTo(ServiceDeployments.DEFAULT_MINIMUM_HEALTHY_PERCENT)
        .isEqualTo(100);
    assertThat(service.notes()).contains("MaximumPercent not set: 200 assumed (ECS default)");
  }

  @Test
  void takesTheLargestStopTimeoutCountingAContainerWithoutOneAsThirtySeconds() throws Exception {
    ServiceDeployments.ServiceDeployment service = onlyService("{" + TASK + """
        , "Svc": {"Type": "AWS::ECS::Service", "Properties": {"TaskDefinition": {"Ref": "Task"}, "DesiredCount": 2}}}""");
    assertThat(service.stopTimeoutSeconds()).isEqualTo(ServiceDeployments.DEFAULT_STOP_TIMEOUT).isEqualTo(30);
  }

  @Test
  void assumesThreeHundredSecondsOfDeregistrationDelayWhenTheTargetGroupSetsNone() throws Exception {
    ServiceDeployments.ServiceDeployment service = onlyService("{" + TASK + """
        , "Tg": {"Type": "AWS::ElasticLoadBalancingV2::TargetGroup", "Properties": {"Port": 80}},
        "Svc": {"Type": "AWS::ECS::Service", "Properties": {"TaskDefinition": {"Ref": "Task"}, "DesiredCount": 1,
          "LoadBalancers": [{"ContainerName": "app", "ContainerPort": 80, "TargetGroupArn": {"Ref": "Tg"}}]}}}""");
    assertThat(service.deregistrationDelaySeconds()).isEqualTo(ServiceDeployments.DEFAULT_DEREGISTRATION_DELAY)
        .isEqualTo(300);
    // Healthy: 30 s × 5 by default; stop: 300 s + 30 s.
    assertThat(service.timing().deploySeconds()).isEqualTo(150 + 330);
  }

  @Test
  void computesNoDeploymentTimeForADaemonService() throws Exception {
    ServiceDeployments.ServiceDeployment service = onlyService("{" + TASK + """
        , "Svc": {"Type": "AWS::ECS::Service", "Properties": {"TaskDefinition": {"Ref": "Task"},
          "SchedulingStrategy": "DAEMON"}}}""");
    assertThat(service.timing()).isNull();
    assertThat(service.notes()).anyMatch(note -> note.startsWith("DAEMON service"));
  }

  @Test
  void computesNoDeploymentTimeWhenTheDesiredCountIsAParameter() throws Exception {
    ServiceDeployments.ServiceDeployment service = onlyService("{" + TASK + """
        , "Svc": {"Type": "AWS::ECS::Service", "Properties": {"TaskDefinition": {"Ref": "Task"},
          "DesiredCount": {"Ref": "Count"}}}}""");
    assertThat(service.timing()).isNull();
    assertThat(service.notes()).contains("DesiredCount is Count, not a number: deployment time not computed");
  }

  @Test
  void readsTheCircuitBreakerPlacementAndCapacityProviders() throws Exception {
    ServiceDeployments.ServiceDeployment service = onlyService("{" + TASK + """
        , "Svc": {"Type": "AWS::ECS::Service", "Properties": {"TaskDefinition": {"Ref": "Task"}, "DesiredCount": 2,
          "DeploymentConfiguration": {"DeploymentCircuitBreaker": {"Enable": true, "Rollback": true}},
          "PlacementStrategies": [{"Type": "spread", "Field": "attribute:ecs.availability-zone"}],
          "CapacityProviderStrategy": [{"CapacityProvider": {"Ref": "Cp"}, "Weight": 1}]}}}""");
    assertThat(service.circuitBreaker()).isEqualTo("on, rollback");
    assertThat(service.placementStrategies()).containsExactly("spread(attribute:ecs.availability-zone)");
    assertThat(service.capacityProviderStrategy()).containsExactly("Cp (weight 1, base 0)");
  }
}

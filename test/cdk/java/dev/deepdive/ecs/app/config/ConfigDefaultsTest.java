package dev.deepdive.ecs.app.config;

import static dev.deepdive.ecs.app.config.QaFile.config;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each default is the {@code "default"} app/environment.schema.json documents (and docs/environment-files.md shows,
 * generated from it), and is what an omitted field becomes; the position-dependent ones are {@link ConfigDefaults}.
 */
class ConfigDefaultsTest {
  private static final EnvironmentConfig MINIMAL = config(QaFile.MINIMAL);
  private static final ServiceConfig WEB = ServiceFiles.only(ServiceFiles.web(""));
  private static final ServiceLoadBalancerConfig WEB_LOAD_BALANCER = WEB.loadBalancer().orElseThrow();

  /** The schema's default of the field at {@code pointer}, e.g. {@code /$defs/network/properties/maxAzs}. */
  private static JsonNode documented(String pointer) {
    JsonNode field = EnvironmentSchema.tree().at(pointer);
    assertThat(field.has("default")).as(pointer + " has a default").isTrue();
    return field.get("default");
  }

  @Test
  void maxAzsDefaultsToTwo() {
    assertThat(documented("/$defs/network/properties/maxAzs").intValue()).isEqualTo(2);
    assertThat(MINIMAL.network().maxAzs()).isEqualTo(2);
  }

  @Test
  void availabilityZonesDefaultToNoneSoCdkPicks() {
    assertThat(MINIMAL.network().availabilityZones()).isEmpty();
  }

  @Test
  void natGatewaysDefaultToOne() {
    assertThat(documented("/$defs/network/properties/natGateways").intValue()).isEqualTo(1);
    assertThat(MINIMAL.network().natGateways()).isEqualTo(1);
  }

  @Test
  void amiFamilyDefaultsToAmazonLinux2023OnX86() {
    assertThat(documented("/$defs/capacity/properties/amiFamily").textValue()).isEqualTo("AL2023");
    assertThat(MINIMAL.capacity().amiFamily()).isEqualTo(AmiFamily.AL2023);
  }

  @Test
  void rootVolumeDefaultsTo30GiB() {
    assertThat(documented("/$defs/capacity/properties/rootVolumeGiB").intValue()).isEqualTo(30);
    assertThat(MINIMAL.capacity().rootVolumeGiB()).isEqualTo(30);
  }

  @Test
  void keyPairDefaultsToNone() {
    assertThat(MINIMAL.capacity().keyPair()).isEmpty();
  }

  @Test
  void agentSettingsAndTagsDefaultToEmptyMaps() {
    assertThat(documented("/properties/agent")).isEmpty();
    assertThat(documented("/properties/tags")).isEmpty();
    assertThat(MINIMAL.agent()).isNotNull().isEmpty();
    assertThat(MINIMAL.tags()).isNotNull().isEmpty();
  }

  @Test
  void theLoadBalancerIdlesOutAfter60SecondsWithoutCertificate() {
    assertThat(documented("/$defs/loadBalancer/properties/idleTimeoutSeconds").intValue()).isEqualTo(60);
    assertThat(MINIMAL.loadBalancer()).isEqualTo(new LoadBalancerConfig(Optional.empty(), 60));
  }

  @Test
  void noLegacyEcsServiceRole() {
    assertThat(documented("/properties/legacyEcsServiceRole").booleanValue()).isFalse();
    assertThat(MINIMAL.legacyEcsServiceRole()).isFalse();
  }

  @Test
  void ecrRepositoriesAndServicesDefaultToNone() {
    assertThat(MINIMAL.ecrRepositories()).isNotNull().isEmpty();
    assertThat(MINIMAL.services()).isNotNull().isEmpty();
  }

  @Test
  void ecrRepositoriesKeepTwentyImages() {
    assertThat(documented("/$defs/ecrRepository/properties/keepImages").intValue()).isEqualTo(20);
    assertThat(config(QaFile.withTop("\"ecrRepositories\": {\"web\": {}}")).ecrRepositories().get("web").keepImages())
        .isEqualTo(20);
  }

  @Test
  void listenerRulePrioritiesDefaultToTenTimesThePosition() {
    assertThat(ConfigDefaults.LISTENER_RULE_PRIORITY_STEP).isEqualTo(10);
    assertThat(ConfigDefaults.listenerRulePriority(0)).isEqualTo(10);
    assertThat(ConfigDefaults.listenerRulePriority(2)).isEqualTo(30);
    assertThat(WEB_LOAD_BALANCER.priority()).isEqualTo(ConfigDefaults.listenerRulePriority(0));
  }

  @Test
  void healthChecksProbeTheRootEvery15SecondsAcceptingSuccessAndRedirects() {
    String at = "/$defs/healthCheck/properties/";
    assertThat(List.of(documented(at + "path").textValue(), documented(at + "intervalSeconds").asText(),
        documented(at + "timeoutSeconds").asText(), documented(at + "healthyThresholdCount").asText(),
        documented(at + "unhealthyThresholdCount").asText(), documented(at + "healthyHttpCodes").textValue()))
        .containsExactly("/", "15", "5", "2", "3", "200-399");
    assertThat(WEB_LOAD_BALANCER.healthCheck()).isEqualTo(new HealthCheckConfig("/", 15, 5, 2, 3, "200-399"));
  }

  @Test
  void targetsDeregisterIn30SecondsNotAwss300() {
    assertThat(documented("/$defs/serviceLoadBalancer/properties/deregistrationDelaySeconds").intValue())
        .isEqualTo(30);
    assertThat(WEB_LOAD_BALANCER.deregistrationDelaySeconds()).isEqualTo(30);
  }

  @Test
  void deploymentsAreEcsDefaultsWithCircuitBreakerRollback() {
    assertThat(documented("/$defs/deployment/properties/maximumPercent").intValue()).isEqualTo(200);
    assertThat(documented("/$defs/deployment/properties/minimumHealthyPercent").intValue()).isEqualTo(100);
    assertThat(documented("/$defs/deployment/properties/circuitBreakerRollback").booleanValue()).isTrue();
    assertThat(WEB.deployment()).isEqualTo(new DeploymentConfig(200, 100, true));
  }

  @Test
  void loadBalancedServicesGetA60SecondGracePeriod() {
    assertThat(documented("/$defs/service/properties/healthCheckGracePeriodSeconds").intValue()).isEqualTo(60);
    assertThat(WEB.healthCheckGracePeriodSeconds()).contains(60);
  }

  @Test
  void servicesWithoutALoadBalancerHaveNoGracePeriod() {
    assertThat(ServiceFiles.only(ServiceFiles.WORKER).healthCheckGracePeriodSeconds()).isEmpty();
  }

  @Test
  void placementSpreadsWithoutConstraints() {
    assertThat(documented("/$defs/placement/properties/strategy").textValue()).isEqualTo("spread");
    assertThat(WEB.placement()).isEqualTo(new PlacementConfig(PlacementStrategy.SPREAD, List.of()));
  }

  @Test
  void taskRolesHaveNoStatements() {
    assertThat(WEB.taskRoleStatements()).isEmpty();
  }

  @Test
  void logsAreKept30Days() {
    assertThat(documented("/$defs/service/properties/logRetentionDays").intValue()).isEqualTo(30);
    assertThat(WEB.logRetentionDays()).isEqualTo(30);
  }
}

package dev.deepdive.ecs.app.config;

import static dev.deepdive.ecs.app.config.QaFile.config;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each default is a documented value (docs/environment-files.md) and is what an omitted field becomes. */
class ConfigDefaultsTest {
  private static final EnvironmentConfig MINIMAL = config(QaFile.MINIMAL);

  @Test
  void maxAzsDefaultsToTwo() {
    assertThat(ConfigDefaults.MAX_AZS).isEqualTo(2);
    assertThat(MINIMAL.network().maxAzs()).isEqualTo(ConfigDefaults.MAX_AZS);
  }

  @Test
  void availabilityZonesDefaultToNoneSoCdkPicks() {
    assertThat(MINIMAL.network().availabilityZones()).isEmpty();
  }

  @Test
  void natGatewaysDefaultToOne() {
    assertThat(ConfigDefaults.NAT_GATEWAYS).isEqualTo(1);
    assertThat(MINIMAL.network().natGateways()).isEqualTo(ConfigDefaults.NAT_GATEWAYS);
  }

  @Test
  void amiFamilyDefaultsToAmazonLinux2023OnX86() {
    assertThat(ConfigDefaults.AMI_FAMILY).isEqualTo(AmiFamily.AL2023);
    assertThat(MINIMAL.capacity().amiFamily()).isEqualTo(ConfigDefaults.AMI_FAMILY);
  }

  @Test
  void rootVolumeDefaultsTo30GiB() {
    assertThat(ConfigDefaults.ROOT_VOLUME_GIB).isEqualTo(30);
    assertThat(MINIMAL.capacity().rootVolumeGiB()).isEqualTo(ConfigDefaults.ROOT_VOLUME_GIB);
  }

  @Test
  void keyPairDefaultsToNone() {
    assertThat(MINIMAL.capacity().keyPair()).isEmpty();
  }

  @Test
  void agentSettingsDefaultToAnEmptyMap() {
    assertThat(MINIMAL.agent()).isNotNull().isEmpty();
  }

  @Test
  void tagsDefaultToAnEmptyMap() {
    assertThat(MINIMAL.tags()).isNotNull().isEmpty();
  }

  private static final ServiceConfig WEB = ServiceFiles.only(ServiceFiles.web(""));
  private static final ServiceLoadBalancerConfig WEB_LOAD_BALANCER = WEB.loadBalancer().orElseThrow();

  @Test
  void theLoadBalancerIdlesOutAfter60SecondsWithoutCertificate() {
    assertThat(ConfigDefaults.LOAD_BALANCER_IDLE_TIMEOUT_SECONDS).isEqualTo(60);
    assertThat(MINIMAL.loadBalancer()).isEqualTo(
        new LoadBalancerConfig(java.util.Optional.empty(), ConfigDefaults.LOAD_BALANCER_IDLE_TIMEOUT_SECONDS));
  }

  @Test
  void noLegacyEcsServiceRole() {
    assertThat(ConfigDefaults.LEGACY_ECS_SERVICE_ROLE).isFalse();
    assertThat(MINIMAL.legacyEcsServiceRole()).isEqualTo(ConfigDefaults.LEGACY_ECS_SERVICE_ROLE);
  }

  @Test
  void ecrRepositoriesAndServicesDefaultToNone() {
    assertThat(MINIMAL.ecrRepositories()).isNotNull().isEmpty();
    assertThat(MINIMAL.services()).isNotNull().isEmpty();
  }

  @Test
  void ecrRepositoriesKeepTwentyImages() {
    assertThat(ConfigDefaults.ECR_KEEP_IMAGES).isEqualTo(20);
    assertThat(config(QaFile.withTop("\"ecrRepositories\": {\"web\": {}}")).ecrRepositories().get(0).keepImages())
        .isEqualTo(ConfigDefaults.ECR_KEEP_IMAGES);
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
    assertThat(new HealthCheckConfig(ConfigDefaults.HEALTH_CHECK_PATH, ConfigDefaults.HEALTH_CHECK_INTERVAL_SECONDS,
        ConfigDefaults.HEALTH_CHECK_TIMEOUT_SECONDS, ConfigDefaults.HEALTHY_THRESHOLD_COUNT,
        ConfigDefaults.UNHEALTHY_THRESHOLD_COUNT, ConfigDefaults.HEALTHY_HTTP_CODES))
        .isEqualTo(new HealthCheckConfig("/", 15, 5, 2, 3, "200-399"));
    assertThat(WEB_LOAD_BALANCER.healthCheck()).isEqualTo(HealthCheckConfig.defaults());
  }

  @Test
  void targetsDeregisterIn30SecondsNotAwss300() {
    assertThat(ConfigDefaults.DEREGISTRATION_DELAY_SECONDS).isEqualTo(30);
    assertThat(WEB_LOAD_BALANCER.deregistrationDelaySeconds()).isEqualTo(ConfigDefaults.DEREGISTRATION_DELAY_SECONDS);
  }

  @Test
  void deploymentsAreEcsDefaultsWithCircuitBreakerRollback() {
    assertThat(ConfigDefaults.MAXIMUM_PERCENT).isEqualTo(200);
    assertThat(ConfigDefaults.MINIMUM_HEALTHY_PERCENT).isEqualTo(100);
    assertThat(ConfigDefaults.CIRCUIT_BREAKER_ROLLBACK).isTrue();
    assertThat(WEB.deployment()).isEqualTo(new DeploymentConfig(ConfigDefaults.MAXIMUM_PERCENT,
        ConfigDefaults.MINIMUM_HEALTHY_PERCENT, ConfigDefaults.CIRCUIT_BREAKER_ROLLBACK));
  }

  @Test
  void loadBalancedServicesGetA60SecondGracePeriod() {
    assertThat(ConfigDefaults.HEALTH_CHECK_GRACE_PERIOD_SECONDS).isEqualTo(60);
    assertThat(WEB.healthCheckGracePeriodSeconds()).contains(ConfigDefaults.HEALTH_CHECK_GRACE_PERIOD_SECONDS);
  }

  @Test
  void placementSpreadsWithoutConstraints() {
    assertThat(ConfigDefaults.PLACEMENT_STRATEGY).isEqualTo(PlacementStrategy.SPREAD);
    assertThat(WEB.placement()).isEqualTo(new PlacementConfig(ConfigDefaults.PLACEMENT_STRATEGY, java.util.List.of()));
  }

  @Test
  void taskRolesHaveNoStatements() {
    assertThat(WEB.taskRoleStatements()).isEmpty();
  }

  @Test
  void logsAreKept30Days() {
    assertThat(ConfigDefaults.LOG_RETENTION_DAYS).isEqualTo(30);
    assertThat(WEB.logRetentionDays()).isEqualTo(ConfigDefaults.LOG_RETENTION_DAYS);
  }
}

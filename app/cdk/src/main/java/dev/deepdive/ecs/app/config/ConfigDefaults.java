package dev.deepdive.ecs.app.config;

import dev.deepdive.ecs.constructs.ContainerInstancesProps;

/**
 * Every default an environment file may leave out, in one place so that the docs
 * (docs/environment-files.md), the readers and the tests cannot drift apart.
 */
public final class ConfigDefaults {
  /** network.maxAzs: two Availability Zones, the least that survives one zone failing. */
  public static final int MAX_AZS = 2;
  /** network.natGateways: one NAT gateway, shared by all private subnets (cheap, not zone-redundant). */
  public static final int NAT_GATEWAYS = 1;
  /** capacity.amiFamily: the current ECS-optimized Amazon Linux 2023 image on x86_64. */
  public static final AmiFamily AMI_FAMILY = AmiFamily.AL2023;
  /** capacity.rootVolumeGiB: the size of the ECS-optimized AMI's root snapshot, the smallest possible. */
  public static final int ROOT_VOLUME_GIB = 30;
  /** capacity.signalTimeoutMinutes: the container instances' own default (launch, boot and registration take 2 to 4). */
  public static final int SIGNAL_TIMEOUT_MINUTES = ContainerInstancesProps.DEFAULT_SIGNAL_TIMEOUT_MINUTES;
  /** capacity.spot.onDemandBaseCapacity: no On-Demand base. */
  public static final int SPOT_ON_DEMAND_BASE_CAPACITY = 0;
  /** capacity.spot.onDemandPercentageAboveBaseCapacity: all Spot above the base. */
  public static final int SPOT_ON_DEMAND_PERCENTAGE_ABOVE_BASE = 0;
  /** capacity.spot.allocationStrategy: lowest interruption risk, then price; what AWS recommends. */
  public static final SpotAllocation SPOT_ALLOCATION = SpotAllocation.PRICE_CAPACITY_OPTIMIZED;

  /** loadBalancer.idleTimeoutSeconds: the Application Load Balancer's own default. */
  public static final int LOAD_BALANCER_IDLE_TIMEOUT_SECONDS = 60;
  /** legacyEcsServiceRole: off; ECS registers targets with its service-linked role. */
  public static final boolean LEGACY_ECS_SERVICE_ROLE = false;
  /** ecrRepositories.*.keepImages: the newest 20 images, enough to roll back a few releases. */
  public static final int ECR_KEEP_IMAGES = 20;

  /** services[i].loadBalancer.priority is this times (i + 1): gaps of 10 leave room to insert a rule. */
  public static final int LISTENER_RULE_PRIORITY_STEP = 10;
  /** services[].loadBalancer.healthCheck.path. */
  public static final String HEALTH_CHECK_PATH = "/";
  /** services[].loadBalancer.healthCheck.intervalSeconds. */
  public static final int HEALTH_CHECK_INTERVAL_SECONDS = 15;
  /** services[].loadBalancer.healthCheck.timeoutSeconds. */
  public static final int HEALTH_CHECK_TIMEOUT_SECONDS = 5;
  /** services[].loadBalancer.healthCheck.healthyThresholdCount: healthy after 2 passes (30 s at 15 s intervals). */
  public static final int HEALTHY_THRESHOLD_COUNT = 2;
  /** services[].loadBalancer.healthCheck.unhealthyThresholdCount. */
  public static final int UNHEALTHY_THRESHOLD_COUNT = 3;
  /** services[].loadBalancer.healthCheck.healthyHttpCodes: success and redirects (tomcat's / redirects). */
  public static final String HEALTHY_HTTP_CODES = "200-399";
  /**
   * services[].loadBalancer.deregistrationDelaySeconds: 30 s rather than AWS's 300 s, which is what makes
   * ECS deployments and deletions slow.
   */
  public static final int DEREGISTRATION_DELAY_SECONDS = 30;
  /** services[].deployment.maximumPercent: ECS's default. */
  public static final int MAXIMUM_PERCENT = 200;
  /** services[].deployment.minimumHealthyPercent: ECS's default. */
  public static final int MINIMUM_HEALTHY_PERCENT = 100;
  /** services[].deployment.circuitBreakerRollback: on, so a crash-looping release stops and rolls back. */
  public static final boolean CIRCUIT_BREAKER_ROLLBACK = true;
  /** services[].healthCheckGracePeriodSeconds, for load-balanced services only. */
  public static final int HEALTH_CHECK_GRACE_PERIOD_SECONDS = 60;
  /** services[].placement.strategy: the ECS service scheduler's default (spread over zones, then instances). */
  public static final PlacementStrategy PLACEMENT_STRATEGY = PlacementStrategy.SPREAD;
  /** services[].logRetentionDays. */
  public static final int LOG_RETENTION_DAYS = 30;
  /**
   * services[].autoScaling.scaleInCooldownSeconds and scaleOutCooldownSeconds: 300 s, Application Auto Scaling's
   * default for ECS services (TargetTrackingScalingPolicyConfiguration,
   * https://docs.aws.amazon.com/autoscaling/application/APIReference/API_TargetTrackingScalingPolicyConfiguration.html).
   */
  public static final int SCALING_COOLDOWN_SECONDS = 300;
  /** services[].enableExecuteCommand: off; ECS Exec opens a shell in production containers. */
  public static final boolean ENABLE_EXECUTE_COMMAND = false;

  /** The default listener rule priority of the service at {@code index} (0-based) in {@code services}. */
  public static int listenerRulePriority(int index) {
    return LISTENER_RULE_PRIORITY_STEP * (index + 1);
  }

  private ConfigDefaults() {}
}

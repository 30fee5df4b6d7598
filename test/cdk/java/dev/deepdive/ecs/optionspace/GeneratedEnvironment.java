package dev.deepdive.ecs.optionspace;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One environment file of the option space, with the task definition it runs, built from one row of factor levels
 * ({@link Factor}) plus the options no other option interacts with, rotated over the rows ({@link #extra}) so that
 * each appears in some file. The task definition uses what the row documents: its network mode and ports, ARM64 or
 * GPU needs for those AMI families, a load-balanced port, secrets, a health check and a second container. Rotated
 * in as well: a DAEMON service with a task definition of its own (placed next to the row's service, whose fit check
 * then counts the daemon's share), and tasks that the row's task definition runs, one scheduled with every option
 * and one run by hand.
 */
final class GeneratedEnvironment {
  static final ObjectMapper JSON = new ObjectMapper();

  /** The interacting options and their levels. */
  enum Factor {
    NETWORK_MODE("bridge", "host", "awsvpc"),
    LOAD_BALANCER("none", "http", "https"),
    NAT_GATEWAYS("0", "1", "2"),
    AMI_FAMILY("AL2023", "AL2023_ARM64", "AL2023_GPU", "AL2", "AL2_ARM64", "AL2_GPU"),
    PLACEMENT("spread", "binpack", "distinctInstance", "memberOf"),
    PINNED("none", "account", "accountAndRegion"),
    LEGACY_ROLE("false", "true"),
    CAPACITY("one-type", "mixed-types-reserved-memory", "from-zero"),
    AMI_PIN("newest", "amiId", "amiParameterVersion"),
    SPOT("onDemand", "spot");

    final List<String> levels;

    Factor(String... levels) {
      this.levels = List.of(levels);
    }

    static int[] levelCounts() {
      Factor[] all = values();
      int[] counts = new int[all.length];
      for (int i = 0; i < all.length; i++) {
        counts[i] = all[i].levels.size();
      }
      return counts;
    }
  }

  /** The combinations ECS itself refuses: a legacy service role for an awsvpc task behind the load balancer. */
  static boolean valid(int[] row) {
    return !(is(row, Factor.LEGACY_ROLE, "true") && is(row, Factor.NETWORK_MODE, "awsvpc")
        && row[Factor.LOAD_BALANCER.ordinal()] > 0);
  }

  /** True when the row's factor is set to {@code level}. */
  static boolean is(int[] row, Factor factor, String level) {
    return row[factor.ordinal()] >= 0 && factor.levels.get(row[factor.ordinal()]).equals(level);
  }

  static final String ACCOUNT = "111111111111";
  static final String REGION = "us-east-1";

  final String name;
  final ObjectNode environment;
  final ObjectNode taskDefinition;
  final String taskDefinitionFile;
  /** The other task definitions the file names (a daemon's), by file name. */
  final java.util.Map<String, ObjectNode> otherTaskDefinitions = new java.util.LinkedHashMap<>();

  GeneratedEnvironment(int index, int[] row) {
    this.name = String.format("opt-%02d", index);
    this.taskDefinitionFile = name + "-app.json";
    String mode = level(row, Factor.NETWORK_MODE);
    String lb = level(row, Factor.LOAD_BALANCER);
    String ami = level(row, Factor.AMI_FAMILY);
    String pinned = level(row, Factor.PINNED);
    String capacityKind = level(row, Factor.CAPACITY);
    int nat = Integer.parseInt(level(row, Factor.NAT_GATEWAYS));

    environment = JSON.createObjectNode();
    environment.put("$schema", "../environment.schema.json");
    environment.put("name", name);
    if (!pinned.equals("none")) {
      environment.put("account", ACCOUNT);
    }
    if (pinned.equals("accountAndRegion")) {
      environment.put("region", REGION);
    }
    environment.put("clusterName", name + "-cluster");

    ObjectNode network = environment.putObject("network").put("cidr", "10." + (100 + index) + ".0.0/16");
    if (extra(index, 0) && pinned.equals("accountAndRegion")) {
      network.putArray("availabilityZones").add(REGION + "a").add(REGION + "b").add(REGION + "c");
    } else {
      network.put("maxAzs", nat == 2 || extra(index, 1) ? 3 : 2);
    }
    network.put("natGateways", nat);

    ObjectNode capacity = environment.putObject("capacity");
    ArrayNode types = capacity.putArray("instanceTypes");
    instanceTypes(ami, capacityKind.equals("mixed-types-reserved-memory")).forEach(types::add);
    int min = capacityKind.equals("from-zero") ? 0 : 1;
    // maxSize 3 for every kind: 2 tasks with a static host port (host network mode) run on 2 instances, and their
    // rolling deployment needs a third (the placement model rejects such a file as one that never deploys).
    capacity.put("minSize", min).put("desiredSize", min).put("maxSize", 3);
    capacity.put("amiFamily", ami);
    if (extra(index, 2)) {
      capacity.put("rootVolumeGiB", 60).put("keyPair", "ops-key");
    }
    switch (level(row, Factor.AMI_PIN)) {
      case "amiId" -> capacity.put("amiId", "ami-0123456789abcdef0");
      case "amiParameterVersion" -> capacity.put("amiParameterVersion", 42);
      default -> { }
    }
    if (is(row, Factor.SPOT, "spot")) {
      ObjectNode spot = capacity.putObject("spot");
      if (extra(index, 1)) {
        spot.put("onDemandBaseCapacity", 1).put("onDemandPercentageAboveBaseCapacity", 25)
            .put("allocationStrategy", "capacity-optimized-prioritized");
      }
    }
    if (extra(index, 3)) {
      capacity.put("signalTimeoutMinutes", 20);
    }

    ObjectNode agent = environment.putObject("agent").put("ECS_ENABLE_CONTAINER_METADATA", "true");
    if (capacityKind.equals("mixed-types-reserved-memory")) {
      agent.put("ECS_RESERVED_MEMORY", "256");
    }
    if (extra(index, 3)) {
      environment.putObject("tags").put("environment", name).put("cost-center", "1234");
    }
    if (!lb.equals("none") && (lb.equals("https") || extra(index, 0))) {
      ObjectNode balancer = environment.putObject("loadBalancer");
      if (lb.equals("https")) {
        balancer.put("certificateArn", "arn:aws:acm:" + REGION + ":" + ACCOUNT + ":certificate/0b9c7bd1-6a4f");
      }
      balancer.put("idleTimeoutSeconds", 120);
    }
    environment.put("legacyEcsServiceRole", Boolean.parseBoolean(level(row, Factor.LEGACY_ROLE)));
    boolean ecr = extra(index, 1);
    if (ecr) {
      // Families as the files write them ("app"), shared by these environments: what an account of their own allows.
      environment.put("taskDefinitionFamilies", "asWritten");
      environment.putObject("ecrRepositories").putObject("team/app").put("keepImages", 10);
    }

    ArrayNode services = environment.putArray("services");
    ObjectNode service = services.addObject().put("name", "app").put("taskDefinition", taskDefinitionFile);
    if (extra(index, 3)) {
      // The scaler owns the count: no desiredCount beside autoScaling. maxCount 2, like the unscaled services'
      // desiredCount: the placement check places a scaled service at maxCount, and some generated services allow
      // one task per instance (a static host port, distinctInstance, a GPU) on maxSize 3.
      ObjectNode scaling = service.putObject("autoScaling").put("minCount", 1).put("maxCount", 2);
      ObjectNode targets = scaling.putObject("targets").put("cpuUtilization", 60).put("memoryUtilization", 80);
      if (!lb.equals("none")) {
        targets.put("requestsPerTarget", 300);
      }
      scaling.put("scaleInCooldownSeconds", 600).put("scaleOutCooldownSeconds", 60);
      ArrayNode actions = scaling.putArray("scheduledActions");
      actions.addObject().put("name", "weekdays").put("schedule", "cron(0 7 ? * MON-FRI *)")
          .put("timeZone", "Europe/Berlin").put("minCount", 2);
      actions.addObject().put("name", "nights").put("schedule", "cron(0 22 * * ? *)").put("minCount", 1)
          .put("maxCount", 2);
    } else {
      service.put("desiredCount", extra(index, 2) ? 0 : 2);
    }
    if (extra(index, 1)) {
      service.put("enableExecuteCommand", true);
    }
    if (!lb.equals("none")) {
      ObjectNode route = service.putObject("loadBalancer").put("container", "app").put("containerPort", 8080);
      route.putArray("pathPatterns").add("/*");
      if (extra(index, 3)) {
        route.putArray("hostHeaders").add(name + ".example.com");
        route.put("priority", 5).put("deregistrationDelaySeconds", 10);
        route.putObject("healthCheck").put("path", "/health").put("intervalSeconds", 10).put("timeoutSeconds", 4)
            .put("healthyThresholdCount", 3).put("unhealthyThresholdCount", 4).put("healthyHttpCodes", "200,302");
        service.put("healthCheckGracePeriodSeconds", 90);
      }
    }
    if (extra(index, 0)) {
      service.putObject("deployment").put("maximumPercent", 150).put("minimumHealthyPercent", 50)
          .put("circuitBreakerRollback", false);
      service.put("logRetentionDays", 90);
    }
    placement(service, level(row, Factor.PLACEMENT));
    if (extra(index, 1)) {
      String agentFile = name + "-agent.json";
      ObjectNode daemon = services.addObject().put("name", "agent").put("taskDefinition", agentFile)
          .put("schedulingStrategy", "DAEMON");
      daemon.putObject("deployment").put("maximumPercent", 100).put("minimumHealthyPercent", 0);
      daemon.putObject("placement").putArray("constraints").addObject().put("type", "memberOf")
          .put("expression", "attribute:ecs.os-type == linux");
      otherTaskDefinitions.put(agentFile, agentTaskDefinition(ami));
    }
    if (extra(index, 2)) {
      ArrayNode tasks = environment.putArray("tasks");
      ObjectNode nightly = tasks.addObject().put("name", "nightly").put("taskDefinition", taskDefinitionFile)
          .put("schedule", "cron(30 2 ? * MON-FRI *)").put("scheduleTimezone", "Europe/Berlin").put("count", 2);
      ObjectNode override = nightly.putArray("containerOverrides").addObject().put("container", "app");
      override.putArray("command").add("report").add("--yesterday");
      override.putObject("environment").put("REPORT_MODE", "nightly");
      nightly.putObject("retryPolicy").put("maximumRetryAttempts", 5).put("maximumEventAgeSeconds", 7200);
      nightly.put("enabled", false).put("logRetentionDays", 14);
      ObjectNode statement = nightly.putObject("taskRole").putArray("statements").addObject();
      statement.putArray("actions").add("s3:PutObject");
      statement.putArray("resources").add("arn:aws:s3:::" + name + "-reports/*");
      statement.put("wildcardReason", "one report object per night under a dated key");
      tasks.addObject().put("name", "migrate").put("taskDefinition", taskDefinitionFile);
    }
    if (extra(index, 1)) {
      ObjectNode statement = service.putObject("taskRole").putArray("statements").addObject();
      statement.putArray("actions").add("s3:GetObject").add("s3:PutObject");
      statement.putArray("resources").add("arn:aws:s3:::" + name + "-reports/*");
      statement.put("wildcardReason", "one report object per run under a generated key");
    }

    taskDefinition = taskDefinition(mode, ami, ecr, extra(index, 2));
  }

  /**
   * Whether the rotating option {@code k} (0 to 3) is on in file {@code index}: each is on in every fourth file,
   * so every option appears as soon as there are four files.
   */
  static boolean extra(int index, int k) {
    return (index + k) % 4 == 0;
  }

  private static String level(int[] row, Factor factor) {
    return factor.levels.get(row[factor.ordinal()]);
  }

  private static List<String> instanceTypes(String ami, boolean mixed) {
    if (ami.endsWith("_ARM64")) {
      return mixed ? List.of("m7g.large", "m6g.large") : List.of("t4g.medium");
    }
    if (ami.endsWith("_GPU")) {
      return mixed ? List.of("g4dn.xlarge", "g5.xlarge") : List.of("g4dn.xlarge");
    }
    return mixed ? List.of("m5.large", "m6i.large") : List.of("t3.medium");
  }

  private static void placement(ObjectNode service, String placement) {
    switch (placement) {
      case "spread" -> { }
      case "binpack" -> service.putObject("placement").put("strategy", "binpack");
      case "distinctInstance" -> service.putObject("placement").put("strategy", "spread")
          .putArray("constraints").addObject().put("type", "distinctInstance");
      case "memberOf" -> service.putObject("placement").putArray("constraints").addObject()
          .put("type", "memberOf").put("expression", "attribute:ecs.availability-zone in [us-east-1a, us-east-1b]");
      default -> throw new IllegalArgumentException(placement);
    }
  }

  /** A small agent, one on every instance; for the ARM64 families an ARM64 task, as the row's own. */
  private static ObjectNode agentTaskDefinition(String ami) {
    ObjectNode task = JSON.createObjectNode().put("family", "agent");
    if (ami.endsWith("_ARM64")) {
      task.putObject("runtimePlatform").put("cpuArchitecture", "ARM64").put("operatingSystemFamily", "LINUX");
    }
    task.putArray("containerDefinitions").addObject().put("name", "agent")
        .put("image", "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable").put("essential", true)
        .put("cpu", 64).put("memory", 128);
    return task;
  }

  private static ObjectNode taskDefinition(String mode, String ami, boolean ecr, boolean sidecar) {
    ObjectNode task = JSON.createObjectNode().put("family", "app").put("networkMode", mode);
    task.putArray("requiresCompatibilities").add("EC2");
    if (ami.endsWith("_ARM64")) {
      task.putObject("runtimePlatform").put("cpuArchitecture", "ARM64").put("operatingSystemFamily", "LINUX");
    }
    ArrayNode containers = task.putArray("containerDefinitions");
    ObjectNode app = containers.addObject().put("name", "app")
        .put("image", ecr ? "ecr://team/app:1.0.0" : "public.ecr.aws/nginx/nginx:1.27")
        .put("essential", true).put("cpu", 256).put("memory", 512);
    ObjectNode port = app.putArray("portMappings").addObject().put("containerPort", 8080).put("protocol", "tcp");
    if (mode.equals("bridge")) {
      port.put("hostPort", 0);
    }
    app.putObject("healthCheck").put("interval", 15).put("timeout", 5).put("retries", 3)
        .putArray("command").add("CMD-SHELL").add("curl -fs http://localhost:8080/ || exit 1");
    app.putArray("secrets").addObject().put("name", "DB_PASSWORD").put("valueFrom", "/app/db-password");
    if (ami.endsWith("_GPU")) {
      app.putArray("resourceRequirements").addObject().put("type", "GPU").put("value", "1");
    }
    if (sidecar) {
      containers.addObject().put("name", "sidecar").put("image", "public.ecr.aws/docker/library/busybox:1.36")
          .put("essential", false).put("memoryReservation", 64)
          .putArray("command").add("sleep").add("infinity");
      app.putArray("dependsOn").addObject().put("containerName", "sidecar").put("condition", "START");
    }
    return task;
  }
}

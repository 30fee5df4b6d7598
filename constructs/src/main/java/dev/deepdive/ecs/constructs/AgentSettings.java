package dev.deepdive.ecs.constructs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.deepdive.ecs.placement.AgentRegistration;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ECS agent settings an environment may put into its {@code ecs.config}: every one this tool accepts, its
 * type and the values the agent takes, and the instance role permissions it needs (granted by
 * {@code grants.InstanceRoleGrants}).
 *
 * <p>Why a catalog: the agent reads {@code ecs.config} as environment variables and ignores a name it does not know,
 * and for most settings falls back to its default on a value it cannot parse or that is out of bounds
 * (https://github.com/aws/amazon-ecs-agent/blob/master/agent/config/config.go). A typo therefore does nothing, and
 * silently; so an unknown name or a value the agent would not take is an error here, with a suggestion.
 *
 * <p>Sources: the agent's configuration reference
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-agent-config.html) and its README's table of
 * environment variables (https://github.com/aws/amazon-ecs-agent#environment-variables), Linux values.
 */
public final class AgentSettings {
  /** Written from the environment's cluster name by the tool; never by an environment file. */
  public static final String CLUSTER = "ECS_CLUSTER";
  /** ecs.config holds one NAME=value per line; a longer value is a mistake, not a setting. */
  public static final int MAX_VALUE_CHARS = 1024;
  private static final Pattern NAME = Pattern.compile("ECS_[A-Z0-9_]+");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The log drivers the agent knows (its dockerclient.LoggingDriverMinimumVersion). */
  private static final List<String> LOGGING_DRIVERS = List.of("json-file", "syslog", "journald", "gelf", "fluentd",
      "awslogs", "splunk", "logentries", "sumologic", "awsfirelens", "none");
  /** What Go's strconv.ParseBool, which the agent uses, accepts. */
  private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");
  private static final Set<String> FALSE = Set.of("0", "f", "F", "FALSE", "false", "False");
  private static final Pattern GO_DURATION_PART = Pattern.compile("([0-9]*(?:\\.[0-9]*)?)(ns|us|µs|μs|ms|s|m|h)");

  /**
   * One setting.
   *
   * @param name         the variable, e.g. {@code ECS_LOGLEVEL}
   * @param type         how the agent reads the value, in words ({@code boolean}, {@code duration}, ...)
   * @param allowed      the values this tool accepts, in words
   * @param instanceRole the instance role permissions the setting needs, in words; empty when none
   */
  public record Setting(String name, String type, String allowed, String instanceRole,
      Function<String, Optional<String>> check) {}

  /** A problem with one setting, for the caller to place: {@code message} does not repeat the name. */
  public record Problem(String setting, String message) {}

  private static final Map<String, Setting> CATALOG = new LinkedHashMap<>();
  private static final Map<String, String> REFUSED = new LinkedHashMap<>();

  static {
    // Registration and identity
    jsonMap("ECS_INSTANCE_ATTRIBUTES", 128, 128, false,
        "attributes (name to value, each at most 128 characters) registered with the container instance");
    jsonMap("ECS_CONTAINER_INSTANCE_TAGS", 128, 256, true,
        "tags (key at most 128, value at most 256 characters, keys not starting with aws:) for the container instance",
        "ecs:TagResource on container instances, only as part of RegisterContainerInstance, only with these tag keys");
    oneOf("ECS_CONTAINER_INSTANCE_PROPAGATE_TAGS_FROM",
        "ec2:DescribeTags, and ecs:TagResource on container instances as part of RegisterContainerInstance, when"
            + " ec2_instance", "none", "ec2_instance");
    bool("ECS_WARM_POOLS_CHECK", "");
    // Task behaviour
    bool("ECS_ENABLE_TASK_IAM_ROLE", "");
    bool("ECS_ENABLE_TASK_IAM_ROLE_NETWORK_HOST", "");
    bool("ECS_AWSVPC_BLOCK_IMDS", "");
    jsonList("ECS_AWSVPC_ADDITIONAL_LOCAL_ROUTES", "a JSON list of IPv4 CIDR blocks", AgentSettings::cidr);
    bool("ECS_ENABLE_TASK_ENI", "");
    bool("ECS_ENABLE_HIGH_DENSITY_ENI", "");
    bool("ECS_ENABLE_CONTAINER_METADATA", "");
    bool("ECS_ENABLE_TASK_CPU_MEM_LIMIT", "");
    duration("ECS_CGROUP_CPU_PERIOD", 8, 100);
    integer("ECS_TASK_PIDS_LIMIT", 1, 4_194_304, "");
    bool("ECS_DISABLE_PRIVILEGED", "");
    bool("ECS_SELINUX_CAPABLE", "");
    bool("ECS_APPARMOR_CAPABLE", "");
    bool("ECS_ENABLE_GPU_SUPPORT", "");
    text("ECS_NVIDIA_RUNTIME");
    bool("ECS_SHARED_VOLUME_MATCH_FULL_CONFIG", "");
    rateLimits("ECS_TASK_METADATA_RPS_LIMIT");
    bool("ECS_DISABLE_TASK_METADATA_AZ", "");
    // Capacity and ports
    // The placement model's own reading of it, so both agree on what is valid.
    CATALOG.put(AgentRegistration.RESERVED_MEMORY, new Setting(AgentRegistration.RESERVED_MEMORY, "integer",
        "0 to " + AgentRegistration.MAX_RESERVED_MEMORY_MIB + " MiB; the placement model subtracts it", "", v -> {
          try {
            AgentRegistration.reservedMemoryMiB(Map.of(AgentRegistration.RESERVED_MEMORY, v));
            return Optional.empty();
          } catch (IllegalArgumentException e) {
            return Optional.of("must be a whole number of MiB from 0 to " + AgentRegistration.MAX_RESERVED_MEMORY_MIB
                + ", got " + quoted(v) + "; the agent keeps that much memory from tasks, e.g. \"256\"");
          }
        }));
    jsonList("ECS_RESERVED_PORTS", "a JSON list of port numbers 0 to 65535", AgentSettings::port);
    jsonList("ECS_RESERVED_PORTS_UDP", "a JSON list of port numbers 0 to 65535", AgentSettings::port);
    portRange("ECS_DYNAMIC_HOST_PORT_RANGE");
    bool("ECS_EXCLUDE_IPV6_PORTBINDING", "");
    // Timeouts (the agent refuses to start below the minimum, or replaces the value with its default)
    durationAtLeast("ECS_CONTAINER_STOP_TIMEOUT", 1_000);
    durationAtLeast("ECS_CONTAINER_START_TIMEOUT", 45_000);
    durationAtLeast("ECS_CONTAINER_CREATE_TIMEOUT", 60_000);
    durationAtLeast("ECS_MANIFEST_PULL_TIMEOUT", 30_000);
    durationAtLeast("ECS_IMAGE_PULL_TIMEOUT", 1);
    durationAtLeast("ECS_IMAGE_PULL_INACTIVITY_TIMEOUT", 60_000);
    durationAtLeast("ECS_ENGINE_TASK_CLEANUP_WAIT_DURATION", 1_000);
    durationAtLeast("ECS_ENGINE_TASK_CLEANUP_WAIT_DURATION_JITTER", 0);
    // Images
    oneOf("ECS_IMAGE_PULL_BEHAVIOR", "", "default", "always", "once", "prefer-cached");
    bool("ECS_PULL_DEPENDENT_CONTAINERS_UPFRONT", "");
    bool("ECS_DISABLE_IMAGE_CLEANUP", "");
    durationAtLeast("ECS_IMAGE_CLEANUP_INTERVAL", 600_000);
    durationAtLeast("ECS_IMAGE_MINIMUM_CLEANUP_AGE", 0);
    integer("ECS_NUM_IMAGES_DELETE_PER_CYCLE", 1, Integer.MAX_VALUE, "");
    bool("ECS_ENABLE_UNTRACKED_IMAGE_CLEANUP", "");
    text("ECS_EXCLUDE_UNTRACKED_IMAGE");
    oneOf("ECS_ENGINE_AUTH_TYPE", "", "docker", "dockercfg");
    jsonObject("ECS_ENGINE_AUTH_DATA");
    // Logging and metrics
    oneOf("ECS_LOGLEVEL", "", "crit", "error", "warn", "info", "debug");
    oneOf("ECS_LOGLEVEL_ON_INSTANCE", "", "none", "crit", "error", "warn", "info", "debug");
    oneOf("ECS_LOG_ROLLOVER_TYPE", "", "size", "hourly");
    oneOf("ECS_LOG_OUTPUT_FORMAT", "", "logfmt", "json");
    integer("ECS_LOG_MAX_FILE_SIZE_MB", 1, Integer.MAX_VALUE, " MB");
    integer("ECS_LOG_MAX_ROLL_COUNT", 1, Integer.MAX_VALUE, "");
    oneOf("ECS_LOG_DRIVER", "logs:CreateLogGroup on the group of ECS_LOG_OPTS when it sets awslogs-create-group"
        + " (the CDK's cluster grants logs:CreateLogStream and logs:PutLogEvents)",
        LOGGING_DRIVERS.toArray(String[]::new));
    jsonMap("ECS_LOG_OPTS", 0, 0, false, "log driver options for the agent's own container (name to value)");
    jsonList("ECS_AVAILABLE_LOGGING_DRIVERS", "a JSON list of " + String.join(", ", LOGGING_DRIVERS),
        d -> d.isTextual() && LOGGING_DRIVERS.contains(d.textValue()));
    CATALOG.put("ECS_ENABLE_AWSLOGS_EXECUTIONROLE_OVERRIDE", new Setting("ECS_ENABLE_AWSLOGS_EXECUTIONROLE_OVERRIDE",
        "boolean", "true (the default of the ECS-optimized AMI)", "",
        v -> v.equals("true") ? Optional.empty() : Optional.of("must be true, got " + quoted(v) + ": with false the"
            + " awslogs driver writes with the instance role, while this tool grants each service's log groups to"
            + " its execution role")));
    bool("ECS_DISABLE_METRICS", "");
    bool("ECS_POLL_METRICS", "");
    duration("ECS_POLLING_METRICS_WAIT_DURATION", 5_000, 20_000);
    bool("ECS_ENABLE_RUNTIME_STATS", "");
    bool("ECS_DISABLE_DOCKER_HEALTH_CHECK", "");
    // Instance lifecycle
    bool("ECS_ENABLE_SPOT_INSTANCE_DRAINING", "ecs:UpdateContainerInstancesState on this cluster's container"
        + " instances, when true (the agent sets its own instance to DRAINING on a Spot interruption notice)");
    // ecs-init (the service that runs the agent on the ECS-optimized AMI)
    bool("ECS_SKIP_LOCALHOST_TRAFFIC_FILTER", "");
    bool("ECS_ALLOW_OFFHOST_INTROSPECTION_ACCESS", "");
    text("ECS_OFFHOST_INTROSPECTION_INTERFACE_NAME");
    text("ECS_AGENT_HEALTHCHECK_HOST");
    jsonMap("ECS_AGENT_LABELS", 0, 0, false, "Docker labels for the agent's container (name to value)");
    text("ECS_AGENT_APPARMOR_PROFILE");

    REFUSED.put(CLUSTER, "the tool writes ECS_CLUSTER from clusterName, so remove this line");
    String ecsInit = "set by ecs-init on the ECS-optimized AMI, where another value breaks the agent's state, mounts"
        + " or updates; remove this line";
    for (String name : List.of("ECS_DATADIR", "ECS_HOST_DATA_DIR", "ECS_CHECKPOINT", "ECS_LOGFILE", "ECS_CGROUP_PATH",
        "ECS_CNI_PLUGINS_PATH", "ECS_UPDATES_ENABLED", "ECS_UPDATE_DOWNLOAD_DIR", "ECS_EBSTA_SUPPORTED")) {
      REFUSED.put(name, ecsInit);
    }
    REFUSED.put("ECS_BACKEND_HOST", "points the agent at another ECS endpoint; container instances register with"
        + " their own region's ECS, through this tool's VPC endpoints; remove this line");
    REFUSED.put("ECS_ALTERNATE_CREDENTIAL_PROFILE", "makes the agent use credentials other than the instance role,"
        + " which this tool grants exactly what the agent needs; remove this line");
    for (String name : List.of("ECS_ENABLE_CPU_UNBOUNDED_WINDOWS_WORKAROUND",
        "ECS_ENABLE_MEMORY_UNBOUNDED_WINDOWS_WORKAROUND", "ECS_FSX_WINDOWS_FILE_SERVER_SUPPORTED")) {
      REFUSED.put(name, "Windows only; this tool runs the Linux ECS-optimized AMIs; remove this line");
    }
    REFUSED.put("ECS_GMSA_SUPPORTED", "gMSA needs credentialSpecs in task definitions, which this tool does not"
        + " support; remove this line");
  }

  private AgentSettings() {}

  /** Every setting this tool accepts, in the order of the reference (grouped by what they affect). */
  public static Collection<Setting> catalog() {
    return Collections.unmodifiableCollection(CATALOG.values());
  }

  /** Settings the agent knows but this tool refuses, each with the reason. */
  public static Map<String, String> refused() {
    return Collections.unmodifiableMap(REFUSED);
  }

  /**
   * Checks an environment's agent settings: names, one-line values, each value against its setting, and the
   * settings that only work together.
   *
   * @return every problem, in the order of the settings; empty when all are valid
   */
  public static List<Problem> check(Map<String, String> settings) {
    List<Problem> problems = new ArrayList<>();
    settings.forEach((name, value) -> checkOne(name, value).ifPresent(m -> problems.add(new Problem(name, m))));
    if (settings.containsKey("ECS_ENGINE_AUTH_DATA") != settings.containsKey("ECS_ENGINE_AUTH_TYPE")) {
      String missing = settings.containsKey("ECS_ENGINE_AUTH_DATA") ? "ECS_ENGINE_AUTH_TYPE" : "ECS_ENGINE_AUTH_DATA";
      String present = missing.equals("ECS_ENGINE_AUTH_TYPE") ? "ECS_ENGINE_AUTH_DATA" : "ECS_ENGINE_AUTH_TYPE";
      problems.add(new Problem(present, "needs " + missing + " as well: the agent reads the registry credentials"
          + " only from both together"));
    }
    if ("awslogs".equals(settings.get("ECS_LOG_DRIVER")) && awslogsGroup(settings).isEmpty()) {
      problems.add(new Problem("ECS_LOG_DRIVER", "awslogs needs ECS_LOG_OPTS with an awslogs-group, e.g."
          + " {\"awslogs-group\":\"/ecs/agent\"}: without one Docker refuses to start the agent's container"));
    }
    return problems;
  }

  private static Optional<String> checkOne(String name, String value) {
    if (REFUSED.containsKey(name)) {
      return Optional.of("not allowed here, got " + quoted(value) + "; " + REFUSED.get(name));
    }
    if (!NAME.matcher(name).matches()) {
      return Optional.of("not an ECS agent setting name, got " + quoted(name)
          + "; expected ECS_ followed by capital letters, digits or _, e.g. ECS_LOGLEVEL");
    }
    if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\0') >= 0) {
      return Optional.of("must not contain a line break or NUL (ecs.config holds one setting per line), got "
          + quoted(value));
    }
    if (value.codePointCount(0, value.length()) > MAX_VALUE_CHARS) {
      return Optional.of("must be at most " + MAX_VALUE_CHARS + " characters, got "
          + value.codePointCount(0, value.length()) + " characters");
    }
    Setting setting = CATALOG.get(name);
    if (setting == null) {
      List<String> known = new ArrayList<>(CATALOG.keySet());
      known.addAll(REFUSED.keySet());
      return Optional.of("not an ECS agent setting this tool knows; the agent would ignore it"
          + FieldNameSuggestion.closest(name, known).map(s -> "; did you mean " + s + "?").orElse("")
          + " (the settings: docs/grants.md#agent-settings)");
    }
    return setting.check().apply(value);
  }

  /** The {@code awslogs-group} of {@code ECS_LOG_OPTS}, if it is valid JSON and has one. */
  public static Optional<String> awslogsGroup(Map<String, String> settings) {
    return jsonOptions(settings).map(o -> o.path("awslogs-group")).filter(JsonNode::isTextual).map(JsonNode::textValue);
  }

  /** {@code ECS_LOG_OPTS} as JSON, if set and valid. */
  public static Optional<JsonNode> jsonOptions(Map<String, String> settings) {
    return Optional.ofNullable(settings.get("ECS_LOG_OPTS")).flatMap(AgentSettings::json);
  }

  /** {@code ECS_CONTAINER_INSTANCE_TAGS} keys, if set and valid. */
  public static List<String> containerInstanceTagKeys(Map<String, String> settings) {
    List<String> keys = new ArrayList<>();
    Optional.ofNullable(settings.get("ECS_CONTAINER_INSTANCE_TAGS")).flatMap(AgentSettings::json)
        .ifPresent(tags -> tags.fieldNames().forEachRemaining(keys::add));
    return keys;
  }

  /** Go's {@code strconv.ParseBool}, which the agent uses: 1, t, T, TRUE, true, True are true. */
  public static boolean isTrue(String value) {
    return TRUE.contains(value);
  }

  private static void bool(String name, String instanceRole) {
    CATALOG.put(name, new Setting(name, "boolean", "true or false", instanceRole,
        v -> TRUE.contains(v) || FALSE.contains(v) ? Optional.empty()
            : Optional.of("expected true or false, got " + quoted(v))));
  }

  private static void oneOf(String name, String instanceRole, String... values) {
    List<String> allowed = List.of(values);
    CATALOG.put(name, new Setting(name, "one of", String.join(", ", allowed), instanceRole, v -> allowed.contains(v)
        ? Optional.empty()
        : Optional.of("expected one of " + String.join(", ", allowed) + ", got " + quoted(v)
            + FieldNameSuggestion.closest(v, allowed).map(s -> "; did you mean " + s + "?").orElse(""))));
  }

  private static void integer(String name, long min, long max, String unit) {
    String range = max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max;
    CATALOG.put(name, new Setting(name, "integer", range + unit, "", v -> {
      if (!v.matches("[0-9]{1,10}")) {
        return Optional.of("expected a whole number, " + range + unit + ", got " + quoted(v));
      }
      long n = Long.parseLong(v);
      return n >= min && n <= max ? Optional.empty()
          : Optional.of("must be " + range + unit + ", got " + v);
    }));
  }

  private static void text(String name) {
    CATALOG.put(name, new Setting(name, "text", "non-empty text", "", v -> v.isBlank()
        ? Optional.of("must not be empty; remove the line for the agent's default") : Optional.empty()));
  }

  /** A Go duration with a minimum (the agent fails or falls back to its default below it). */
  private static void durationAtLeast(String name, long minMillis) {
    String shape = "a Go duration such as 30s, 5m or 1h30m";
    CATALOG.put(name, new Setting(name, "duration", shape + (minMillis > 0 ? ", at least " + shownDuration(minMillis)
        : ""), "", v -> {
          Optional<BigDecimal> ms = goDurationMillis(v);
          if (ms.isEmpty()) {
            return Optional.of("expected " + shape + ", got " + quoted(v));
          }
          return ms.get().compareTo(BigDecimal.valueOf(minMillis)) >= 0 ? Optional.empty()
              : Optional.of("must be at least " + shownDuration(minMillis) + " (below it the agent fails or uses its"
                  + " default), got " + quoted(v));
        }));
  }

  /** A Go duration within bounds (the agent replaces a value outside them, silently). */
  private static void duration(String name, long minMillis, long maxMillis) {
    String range = shownDuration(minMillis) + " to " + shownDuration(maxMillis);
    CATALOG.put(name, new Setting(name, "duration", "a Go duration, " + range, "", v -> {
      Optional<BigDecimal> ms = goDurationMillis(v);
      if (ms.isEmpty()) {
        return Optional.of("expected a Go duration such as " + shownDuration(minMillis) + ", got " + quoted(v));
      }
      boolean within = ms.get().compareTo(BigDecimal.valueOf(minMillis)) >= 0
          && ms.get().compareTo(BigDecimal.valueOf(maxMillis)) <= 0;
      return within ? Optional.empty()
          : Optional.of("must be " + range + " (the agent replaces other values), got " + quoted(v));
    }));
  }

  private static void jsonMap(String name, int maxKey, int maxValue, boolean tags, String allowed) {
    jsonMap(name, maxKey, maxValue, tags, allowed, "");
  }

  private static void jsonMap(String name, int maxKey, int maxValue, boolean tags, String allowed,
      String instanceRole) {
    CATALOG.put(name, new Setting(name, "JSON object", allowed, instanceRole, v -> {
      Optional<JsonNode> json = json(v);
      if (json.isEmpty() || !json.get().isObject()) {
        return Optional.of("expected a JSON object of names to strings, e.g. {\"team\":\"web\"}, got " + quoted(v));
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = json.get().fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = e.getKey();
        if (!e.getValue().isTextual()) {
          return Optional.of("the value of " + quoted(key) + " must be a string, got " + e.getValue());
        }
        if (key.isEmpty() || maxKey > 0 && key.length() > maxKey) {
          return Optional.of("names must be 1 to " + (maxKey > 0 ? maxKey : "any") + " characters, got "
              + quoted(key));
        }
        if (maxValue > 0 && e.getValue().textValue().length() > maxValue) {
          return Optional.of("the value of " + quoted(key) + " must be at most " + maxValue + " characters");
        }
        if (tags && key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
          return Optional.of("tag keys must not start with aws: (reserved for AWS), got " + quoted(key));
        }
      }
      return Optional.empty();
    }));
  }

  private static void jsonObject(String name) {
    CATALOG.put(name, new Setting(name, "JSON object", "a JSON object (registry credentials, see"
        + " https://docs.aws.amazon.com/AmazonECS/latest/developerguide/private-auth-container-instances.html)", "",
        v -> json(v).filter(JsonNode::isObject).isPresent() ? Optional.empty()
            : Optional.of("expected a JSON object, got a value that is not one (not shown: it holds credentials)")));
  }

  private static void jsonList(String name, String allowed, java.util.function.Predicate<JsonNode> element) {
    CATALOG.put(name, new Setting(name, "JSON list", allowed, "", v -> {
      Optional<JsonNode> json = json(v);
      if (json.isEmpty() || !json.get().isArray()) {
        return Optional.of("expected " + allowed + ", got " + quoted(v));
      }
      for (JsonNode e : json.get()) {
        if (!element.test(e)) {
          return Optional.of("expected " + allowed + ", got " + e + " in " + quoted(v));
        }
      }
      return Optional.empty();
    }));
  }

  private static void portRange(String name) {
    CATALOG.put(name, new Setting(name, "port range", "<first>-<last>, 1 to 65535, first below last", "", v -> {
      Matcher m = Pattern.compile("([0-9]{1,5})-([0-9]{1,5})").matcher(v);
      if (!m.matches()) {
        return Optional.of("expected <first>-<last>, e.g. 49152-65535, got " + quoted(v));
      }
      int first = Integer.parseInt(m.group(1));
      int last = Integer.parseInt(m.group(2));
      return first >= 1 && last <= 65_535 && first < last ? Optional.empty()
          : Optional.of("expected ports 1 to 65535 with the first below the last, got " + quoted(v));
    }));
  }

  private static void rateLimits(String name) {
    CATALOG.put(name, new Setting(name, "steady,burst", "two whole numbers above 0, steady state then burst", "",
        v -> v.matches("[1-9][0-9]{0,8},[1-9][0-9]{0,8}") ? Optional.empty()
            : Optional.of("expected <steady>,<burst> requests per second, e.g. 40,60, got " + quoted(v))));
  }

  private static boolean port(JsonNode n) {
    return n.isInt() && n.intValue() >= 0 && n.intValue() <= 65_535;
  }

  private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
  private static final Pattern CIDR = Pattern.compile("(" + OCTET + "\\.){3}" + OCTET + "/([0-9]|[12][0-9]|3[0-2])");

  private static boolean cidr(JsonNode n) {
    return n.isTextual() && CIDR.matcher(n.textValue()).matches();
  }


  /**
   * Go's {@code time.ParseDuration}: a sequence of decimal numbers, each with a unit (ns, us, ms, s, m, h), or
   * {@code 0}; negative durations are out of every setting's bounds anyway.
   */
  static Optional<BigDecimal> goDurationMillis(String value) {
    if (value.equals("0")) {
      return Optional.of(BigDecimal.ZERO);
    }
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Matcher m = GO_DURATION_PART.matcher(value);
    BigDecimal total = BigDecimal.ZERO;
    int at = 0;
    while (at < value.length()) {
      if (!m.find(at) || m.start() != at || m.group(1).isEmpty() || m.group(1).equals(".")) {
        return Optional.empty();
      }
      BigDecimal millisPerUnit = switch (m.group(2)) {
        case "ns" -> new BigDecimal("0.000001");
        case "us", "µs", "μs" -> new BigDecimal("0.001");
        case "ms" -> BigDecimal.ONE;
        case "s" -> BigDecimal.valueOf(1_000);
        case "m" -> BigDecimal.valueOf(60_000);
        default -> BigDecimal.valueOf(3_600_000);
      };
      total = total.add(new BigDecimal(m.group(1)).multiply(millisPerUnit));
      at = m.end();
    }
    return Optional.of(total);
  }

  private static String shownDuration(long millis) {
    if (millis % 3_600_000 == 0 && millis > 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0 && millis > 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1_000 == 0 && millis > 0) {
      return millis / 1_000 + "s";
    }
    return millis + "ms";
  }

  private static Optional<JsonNode> json(String value) {
    try {
      return Optional.ofNullable(JSON.readTree(value));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** A value as a JSON string literal, cut at 60 characters, so a problem stays one readable line. */
  private static String quoted(String value) {
    int max = 60;
    if (value.codePointCount(0, value.length()) <= max) {
      return JsonNodeFactory.instance.textNode(value).toString();
    }
    return JsonNodeFactory.instance.textNode(value.substring(0, value.offsetByCodePoints(0, max))) + "... ("
        + value.codePointCount(0, value.length()) + " characters)";
  }
}

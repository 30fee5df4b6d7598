package dev.deepdive.ecs.app.config;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads and checks a service's {@code loadBalancer.healthCheck} object into a {@link HealthCheckConfig}, with
 * the limits of an Application Load Balancer target group
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html).
 */
final class HealthCheckSection {
  static final List<String> FIELDS = List.of("path", "intervalSeconds", "timeoutSeconds", "healthyThresholdCount",
      "unhealthyThresholdCount", "healthyHttpCodes");

  private static final int MAX_PATH_CHARS = 1024;
  private static final IntRange INTERVAL = IntRange.between(5, 300);
  private static final IntRange TIMEOUT = IntRange.between(2, 120);
  private static final IntRange THRESHOLD = IntRange.between(2, 10);
  private static final Pattern HTTP_CODES = Pattern.compile("[0-9]{3}(-[0-9]{3})?(,[0-9]{3}(-[0-9]{3})?)*");
  /** What an Application Load Balancer accepts as success codes. */
  private static final int MIN_CODE = 200;
  private static final int MAX_CODE = 499;

  private HealthCheckSection() {}

  /** The health check, the defaults when absent, or empty when anything is invalid. */
  static Optional<HealthCheckConfig> read(ObjectFields parent, String name) {
    return parent.optionalSection(name, FIELDS, HealthCheckConfig::defaults, fields -> {
      Optional<String> path = fields.has("path")
          ? fields.optionalString("path").filter(value -> pathValid(value, fields))
          : Optional.of(ConfigDefaults.HEALTH_CHECK_PATH);
      Optional<Integer> interval =
          fields.optionalInt("intervalSeconds", ConfigDefaults.HEALTH_CHECK_INTERVAL_SECONDS, INTERVAL);
      Optional<Integer> timeout =
          fields.optionalInt("timeoutSeconds", ConfigDefaults.HEALTH_CHECK_TIMEOUT_SECONDS, TIMEOUT);
      if (interval.isPresent() && timeout.isPresent() && timeout.get() >= interval.get()) {
        timeoutBelowInterval(timeout.get(), interval.get(), fields);
      }
      Optional<Integer> healthy =
          fields.optionalInt("healthyThresholdCount", ConfigDefaults.HEALTHY_THRESHOLD_COUNT, THRESHOLD);
      Optional<Integer> unhealthy =
          fields.optionalInt("unhealthyThresholdCount", ConfigDefaults.UNHEALTHY_THRESHOLD_COUNT, THRESHOLD);
      Optional<String> codes = fields.has("healthyHttpCodes")
          ? fields.optionalString("healthyHttpCodes").filter(value -> codesValid(value, fields))
          : Optional.of(ConfigDefaults.HEALTHY_HTTP_CODES);
      return () -> new HealthCheckConfig(path.orElseThrow(), interval.orElseThrow(), timeout.orElseThrow(),
          healthy.orElseThrow(), unhealthy.orElseThrow(), codes.orElseThrow());
    });
  }

  private static boolean pathValid(String path, ObjectFields fields) {
    JsonPath at = fields.path("path");
    if (!path.startsWith("/")) {
      fields.problems().at(at, "must start with '/', got " + Shown.quoted(path) + "; e.g. \"/health\"");
      return false;
    }
    return TextChecks.atMost(path, MAX_PATH_CHARS, fields.problems(), at, "the longest health check path");
  }

  /** A probe that may take as long as the interval overlaps the next one; the load balancer refuses it. */
  private static void timeoutBelowInterval(int timeout, int interval, ObjectFields fields) {
    if (fields.has("timeoutSeconds")) {
      String intervalShown = fields.has("intervalSeconds") ? interval + "" : interval + ", the default";
      fields.problems().at(fields.path("timeoutSeconds"), "must be less than intervalSeconds (" + intervalShown
          + "), got " + timeout + "; a probe must end before the next one starts");
    } else {
      fields.problems().at(fields.path("intervalSeconds"), "must be greater than timeoutSeconds (" + timeout
          + ", the default), got " + interval + "; a probe must end before the next one starts");
    }
  }

  private static boolean codesValid(String codes, ObjectFields fields) {
    JsonPath at = fields.path("healthyHttpCodes");
    if (!TextChecks.matches(codes, HTTP_CODES, fields.problems(), at, "not a list of HTTP codes, got %s;"
        + " expected codes and ranges separated by commas, e.g. \"200\", \"200-399\" or \"200,302\"")) {
      return false;
    }
    for (String part : codes.split(",")) {
      String[] bounds = part.split("-");
      int low = Integer.parseInt(bounds[0]);
      int high = Integer.parseInt(bounds[bounds.length - 1]);
      if (low < MIN_CODE || high > MAX_CODE) {
        fields.problems().at(at, "codes must lie between " + MIN_CODE + " and " + MAX_CODE + ", got "
            + Shown.quoted(codes) + "; an Application Load Balancer accepts no others as healthy");
        return false;
      }
      if (low > high) {
        fields.problems().at(at, "a range must run from low to high, got " + Shown.quoted(part) + " in "
            + Shown.quoted(codes) + "; e.g. \"200-399\"");
        return false;
      }
    }
    return true;
  }
}

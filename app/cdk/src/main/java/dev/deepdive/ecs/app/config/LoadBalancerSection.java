package dev.deepdive.ecs.app.config;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and checks the top-level {@code loadBalancer} object into a {@link LoadBalancerConfig}. */
final class LoadBalancerSection {
  static final List<String> FIELDS = List.of("certificateArn", "idleTimeoutSeconds");

  private static final Pattern CERTIFICATE_ARN =
      Pattern.compile("arn:aws[a-z-]*:acm:([a-z0-9-]+):[0-9]{12}:certificate/.+");
  private static final IntRange IDLE_TIMEOUT = IntRange.between(1, 4000);

  private LoadBalancerSection() {}

  /**
   * The settings, the defaults when absent, or empty when anything is invalid.
   *
   * @param region the environment's region when given and valid; the certificate must lie in it
   */
  static Optional<LoadBalancerConfig> read(ObjectFields top, String name, Optional<String> region) {
    return top.optionalSection(name, FIELDS, LoadBalancerConfig::defaults, fields -> {
      Optional<String> certificate = fields.optionalString("certificateArn")
          .filter(arn -> certificateValid(arn, fields, region));
      Optional<Integer> idleTimeout = fields.optionalInt(
          "idleTimeoutSeconds", ConfigDefaults.LOAD_BALANCER_IDLE_TIMEOUT_SECONDS, IDLE_TIMEOUT);
      return () -> new LoadBalancerConfig(certificate, idleTimeout.orElseThrow());
    });
  }

  private static boolean certificateValid(String arn, ObjectFields fields, Optional<String> region) {
    JsonPath at = fields.path("certificateArn");
    Matcher matcher = CERTIFICATE_ARN.matcher(arn);
    if (!matcher.matches()) {
      fields.problems().at(at, "not an ACM certificate ARN, got " + Shown.quoted(arn)
          + "; expected arn:aws:acm:<region>:<12-digit account>:certificate/<id>");
      return false;
    }
    String certificateRegion = matcher.group(1);
    // https://docs.aws.amazon.com/acm/latest/userguide/acm-regions.html: a load balancer only takes
    // certificates from its own region, and CloudFormation would fail only halfway through a deploy.
    if (region.isPresent() && !certificateRegion.equals(region.get())) {
      fields.problems().at(at, "certificate is in " + certificateRegion + ", not in the environment's region "
          + region.get() + ", got " + Shown.quoted(arn) + "; a load balancer uses certificates of its own region"
          + " only, so request or import one in " + region.get());
      return false;
    }
    return true;
  }
}

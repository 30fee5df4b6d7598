package dev.deepdive.ecs.app.config;

import static dev.deepdive.ecs.app.config.ServiceFiles.only;
import static dev.deepdive.ecs.app.config.ServiceFiles.problems;
import static dev.deepdive.ecs.app.config.ServiceFiles.webLoadBalancer;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HealthCheckSectionTest {
  private static final String FILE = "app/environments/qa.json: services[0].loadBalancer.healthCheck";

  private static String healthCheck(String fields) {
    return webLoadBalancer("\"healthCheck\": {" + fields + "}");
  }

  private static HealthCheckConfig read(String fields) {
    return only(healthCheck(fields)).loadBalancer().orElseThrow().healthCheck();
  }

  @Test
  void anEmptyObjectTakesEveryDefault() {
    assertThat(read("")).isEqualTo(new HealthCheckConfig("/", 15, 5, 2, 3, "200-399"));
  }

  @Test
  void keepsTheDefaultsOfFieldsLeftOut() {
    assertThat(read("\"path\": \"/health\"")).isEqualTo(new HealthCheckConfig("/health", 15, 5, 2, 3, "200-399"));
  }

  @Test
  void rejectsAPathWithoutLeadingSlash() {
    assertThat(problems(healthCheck("\"path\": \"health\""))).containsExactly(
        FILE + ".path: must start with '/', got \"health\"; e.g. \"/health\"");
  }

  @Test
  void rejectsAPathLongerThan1024Characters() {
    assertThat(problems(healthCheck("\"path\": \"/" + "a".repeat(1024) + "\""))).containsExactly(
        FILE + ".path: must be at most 1024 characters, got 1025 characters; the longest health check path");
  }

  @Test
  void rejectsAnIntervalBelowFiveSeconds() {
    assertThat(problems(healthCheck("\"intervalSeconds\": 4, \"timeoutSeconds\": 2"))).containsExactly(
        FILE + ".intervalSeconds: must be at least 5, got 4");
  }

  @Test
  void rejectsATimeoutAbove120Seconds() {
    assertThat(problems(healthCheck("\"intervalSeconds\": 300, \"timeoutSeconds\": 121"))).containsExactly(
        FILE + ".timeoutSeconds: must be at most 120, got 121");
  }

  @Test
  void rejectsATimeoutAsLongAsTheInterval() {
    assertThat(problems(healthCheck("\"intervalSeconds\": 10, \"timeoutSeconds\": 10"))).containsExactly(
        FILE + ".timeoutSeconds: must be less than intervalSeconds (10), got 10; a probe must end before the next"
            + " one starts");
  }

  @Test
  void rejectsATimeoutAsLongAsTheDefaultInterval() {
    assertThat(problems(healthCheck("\"timeoutSeconds\": 20"))).containsExactly(
        FILE + ".timeoutSeconds: must be less than intervalSeconds (15, the default), got 20; a probe must end"
            + " before the next one starts");
  }

  @Test
  void rejectsAnIntervalNoLongerThanTheDefaultTimeout() {
    assertThat(problems(healthCheck("\"intervalSeconds\": 5"))).containsExactly(
        FILE + ".intervalSeconds: must be greater than timeoutSeconds (5, the default), got 5; a probe must end"
            + " before the next one starts");
  }

  @Test
  void rejectsAHealthyThresholdOfOne() {
    assertThat(problems(healthCheck("\"healthyThresholdCount\": 1"))).containsExactly(
        FILE + ".healthyThresholdCount: must be at least 2, got 1");
  }

  @Test
  void rejectsAnUnhealthyThresholdAboveTen() {
    assertThat(problems(healthCheck("\"unhealthyThresholdCount\": 11"))).containsExactly(
        FILE + ".unhealthyThresholdCount: must be at most 10, got 11");
  }

  @Test
  void readsCodesAndRanges() {
    assertThat(read("\"healthyHttpCodes\": \"200-299,301,302\"").healthyHttpCodes()).isEqualTo("200-299,301,302");
  }

  @Test
  void rejectsCodesWithSpaces() {
    assertThat(problems(healthCheck("\"healthyHttpCodes\": \"200, 302\""))).containsExactly(FILE + ".healthyHttpCodes:"
        + " not a list of HTTP codes, got \"200, 302\"; expected codes and ranges separated by commas, e.g. \"200\","
        + " \"200-399\" or \"200,302\"");
  }

  @Test
  void rejectsCodesALoadBalancerDoesNotAccept() {
    assertThat(problems(healthCheck("\"healthyHttpCodes\": \"200-599\""))).containsExactly(FILE + ".healthyHttpCodes:"
        + " codes must lie between 200 and 499, got \"200-599\"; an Application Load Balancer accepts no others as"
        + " healthy");
  }

  @Test
  void rejectsADescendingRange() {
    assertThat(problems(healthCheck("\"healthyHttpCodes\": \"399-200\""))).containsExactly(FILE + ".healthyHttpCodes:"
        + " a range must run from low to high, got \"399-200\" in \"399-200\"; e.g. \"200-399\"");
  }

  @Test
  void rejectsAnUnknownField() {
    assertThat(problems(healthCheck("\"interval\": 10"))).containsExactly(FILE + ".interval: unknown field; did you"
        + " mean 'intervalSeconds'? allowed: path, intervalSeconds, timeoutSeconds, healthyThresholdCount,"
        + " unhealthyThresholdCount, healthyHttpCodes");
  }
}

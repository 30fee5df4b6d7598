package dev.deepdive.ecs.app.config;

import static dev.deepdive.ecs.app.config.ServiceFiles.only;
import static dev.deepdive.ecs.app.config.ServiceFiles.problems;
import static dev.deepdive.ecs.app.config.ServiceFiles.web;
import static dev.deepdive.ecs.app.config.ServiceFiles.webLoadBalancer;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceLoadBalancerSectionTest {
  private static final String FILE = "app/environments/qa.json: ";
  private static final String PATHS = "\"pathPatterns\": [\"/*\"]";

  private static String webRoutedBy(String conditions) {
    assertThat(web("")).contains(PATHS);
    return web("").replace(PATHS, conditions);
  }

  private static ServiceLoadBalancerConfig loadBalancerOf(String service) {
    return only(service).loadBalancer().orElseThrow();
  }

  @Test
  void namesEveryMissingRequiredField() {
    assertThat(problems(web("").replace(ServiceFiles.WEB_LOAD_BALANCER, PATHS))).containsExactly(
        FILE + "services[0].loadBalancer.container: required field is missing",
        FILE + "services[0].loadBalancer.containerPort: required field is missing");
  }

  @Test
  void rejectsALoadBalancerThatIsNotAnObject() {
    assertThat(problems("{\"name\": \"web\", \"taskDefinition\": \"web.json\", \"desiredCount\": 2,"
        + " \"loadBalancer\": true}")).containsExactly(
            FILE + "services[0].loadBalancer: expected an object, got true (a boolean)");
  }

  @Test
  void rejectsAContainerNameEcsWouldRefuse() {
    assertThat(problems(web("").replace("\"tomcat\"", "\"tom cat\""))).containsExactly(FILE + "services[0]"
        + ".loadBalancer.container: not a container name, got \"tom cat\"; expected 1 to 255 letters, digits, '-'"
        + " and '_', the name of a container in the task definition");
  }

  @Test
  void rejectsContainerPortZero() {
    assertThat(problems(web("").replace("8080", "0"))).containsExactly(
        FILE + "services[0].loadBalancer.containerPort: must be at least 1, got 0");
  }

  @Test
  void rejectsAContainerPortAbove65535() {
    assertThat(problems(web("").replace("8080", "65536"))).containsExactly(
        FILE + "services[0].loadBalancer.containerPort: must be at most 65535, got 65536");
  }

  @Test
  void requiresPathPatternsOrHostHeaders() {
    assertThat(problems(webRoutedBy("\"priority\": 5"))).containsExactly(FILE + "services[0].loadBalancer: needs"
        + " pathPatterns, hostHeaders or both for its listener rule, got neither; e.g. \"pathPatterns\": [\"/*\"]");
  }

  @Test
  void routesByHostHeadersAlone() {
    ServiceLoadBalancerConfig lb = loadBalancerOf(webRoutedBy("\"hostHeaders\": [\"web.example.com\"]"));
    assertThat(lb.pathPatterns()).isEmpty();
    assertThat(lb.hostHeaders()).containsExactly("web.example.com");
  }

  @Test
  void rejectsAnEmptyPathPatternList() {
    assertThat(problems(webRoutedBy("\"pathPatterns\": []"))).containsExactly(FILE + "services[0].loadBalancer"
        + ".pathPatterns: must list 1 to 3 path patterns, got an empty list; leave pathPatterns out to route by"
        + " hostHeaders alone");
  }

  @Test
  void rejectsMorePathPatternsThanOneConditionMatches() {
    assertThat(problems(webRoutedBy("\"pathPatterns\": [\"/a\", \"/b\", \"/c\", \"/d\"]"))).containsExactly(FILE
        + "services[0].loadBalancer.pathPatterns: must list at most 3 path patterns (the most an Application Load"
        + " Balancer condition matches), got 4");
  }

  @Test
  void rejectsMoreHostHeadersThanOneConditionMatches() {
    assertThat(problems(webRoutedBy("\"hostHeaders\": [\"a.com\", \"b.com\", \"c.com\", \"d.com\"]")))
        .containsExactly(FILE + "services[0].loadBalancer.hostHeaders: must list at most 3 host names (the most an"
            + " Application Load Balancer condition matches), got 4");
  }

  @Test
  void rejectsMoreConditionValuesThanOneRuleEvaluates() {
    assertThat(problems(webRoutedBy("\"pathPatterns\": [\"/a\", \"/b\", \"/c\"], \"hostHeaders\": [\"a.com\","
        + " \"b.com\", \"c.com\"]"))).containsExactly(FILE + "services[0].loadBalancer: must have at most 5 path"
            + " patterns and host names together (the most an Application Load Balancer rule evaluates), got 3 + 3");
  }

  @Test
  void rejectsAPathPatternWithoutLeadingSlash() {
    assertThat(problems(webRoutedBy("\"pathPatterns\": [\"api/*\"]"))).containsExactly(FILE + "services[0]"
        + ".loadBalancer.pathPatterns[0]: must start with '/' and hold only letters, digits and _ - . $ / ~ \" ' @ :"
        + " + & * ?, got \"api/*\"; e.g. \"/api/*\"");
  }

  @Test
  void rejectsAPathPatternWithASpace() {
    assertThat(problems(webRoutedBy("\"pathPatterns\": [\"/my app/*\"]"))).containsExactly(FILE + "services[0]"
        + ".loadBalancer.pathPatterns[0]: must start with '/' and hold only letters, digits and _ - . $ / ~ \" ' @ :"
        + " + & * ?, got \"/my app/*\"; e.g. \"/api/*\"");
  }

  @Test
  void rejectsAPathPatternLongerThan128Characters() {
    String path = "/" + "a".repeat(128);
    assertThat(problems(webRoutedBy("\"pathPatterns\": [\"" + path + "\"]"))).containsExactly(FILE + "services[0]"
        + ".loadBalancer.pathPatterns[0]: must be at most 128 characters, got 129 characters; the longest condition"
        + " value");
  }

  @Test
  void rejectsAHostHeaderWithAScheme() {
    assertThat(problems(webRoutedBy("\"hostHeaders\": [\"https://web.example.com\"]"))).containsExactly(FILE
        + "services[0].loadBalancer.hostHeaders[0]: not a host name, got \"https://web.example.com\"; expected"
        + " letters, digits, '-', '.' and the wildcards '*' and '?', e.g. \"web.example.com\"");
  }

  @Test
  void acceptsWildcardHostHeaders() {
    assertThat(loadBalancerOf(webRoutedBy("\"hostHeaders\": [\"*.example.com\", \"api-?.example.com\"]"))
        .hostHeaders()).containsExactly("*.example.com", "api-?.example.com");
  }

  @Test
  void rejectsAPriorityOfZero() {
    assertThat(problems(webLoadBalancer("\"priority\": 0"))).containsExactly(
        FILE + "services[0].loadBalancer.priority: must be at least 1, got 0");
  }

  @Test
  void rejectsAPriorityAbove50000() {
    assertThat(problems(webLoadBalancer("\"priority\": 50001"))).containsExactly(
        FILE + "services[0].loadBalancer.priority: must be at most 50000, got 50001");
  }

  @Test
  void rejectsADeregistrationDelayAboveAnHour() {
    assertThat(problems(webLoadBalancer("\"deregistrationDelaySeconds\": 3601"))).containsExactly(
        FILE + "services[0].loadBalancer.deregistrationDelaySeconds: must be at most 3600, got 3601");
  }

  @Test
  void acceptsADeregistrationDelayOfZero() {
    assertThat(loadBalancerOf(webLoadBalancer("\"deregistrationDelaySeconds\": 0")).deregistrationDelaySeconds())
        .isZero();
  }
}

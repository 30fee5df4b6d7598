package dev.deepdive.ecs.app.config;

import static dev.deepdive.ecs.app.config.ServiceFiles.WORKER;
import static dev.deepdive.ecs.app.config.ServiceFiles.problems;
import static dev.deepdive.ecs.app.config.ServiceFiles.web;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceListChecksTest {
  private static final String FILE = "app/environments/qa.json: ";
  private static final String WEB = web("");

  /** The web service renamed, routed by other conditions, so only what a test changes can clash. */
  private static String api(String conditions) {
    return WEB.replace("\"web\"", "\"api\"").replace("\"pathPatterns\": [\"/*\"]", conditions);
  }

  @Test
  void rejectsTwoServicesWithOneName() {
    assertThat(problems(WORKER, WORKER.replace("worker.json", "other.json"))).containsExactly(FILE + "services[1]"
        + ".name: duplicate service name, got \"worker\", also the name of services[0]; each service of an"
        + " environment needs its own name");
  }

  @Test
  void rejectsTwoServicesWithTheSameListenerRule() {
    assertThat(problems(WEB, api("\"pathPatterns\": [\"/*\"]"))).containsExactly(FILE + "services[1].loadBalancer:"
        + " same listener rule as services[0] ('web': paths [/*]); give one a hostHeaders or other pathPatterns");
  }

  @Test
  void comparesConditionsAsSetsAndHostsWithoutCase() {
    String both = "\"pathPatterns\": [\"/a\", \"/b\"], \"hostHeaders\": [\"web.example.com\"]";
    String reordered = "\"pathPatterns\": [\"/b\", \"/a\"], \"hostHeaders\": [\"WEB.example.com\"]";
    assertThat(problems(api(both).replace("\"api\"", "\"one\""), api(reordered))).containsExactly(FILE + "services[1]"
        + ".loadBalancer: same listener rule as services[0] ('one': paths [/a, /b], hosts [web.example.com]); give"
        + " one a hostHeaders or other pathPatterns");
  }

  @Test
  void acceptsTheSamePathsOnOtherHosts() {
    assertThat(problems(WEB, api("\"pathPatterns\": [\"/*\"], \"hostHeaders\": [\"api.example.com\"]"))).isEmpty();
  }

  @Test
  void givesEachServiceADefaultPriorityTenApart() {
    EnvironmentConfig env = QaFile.config(ServiceFiles.file(WEB, WORKER, api("\"pathPatterns\": [\"/api/*\"]")));
    assertThat(env.services()).extracting(s -> s.loadBalancer().map(ServiceLoadBalancerConfig::priority).orElse(0))
        .containsExactly(10, 0, 30);
  }

  @Test
  void rejectsAnExplicitPriorityEqualToAnother() {
    assertThat(problems(WEB, api("\"pathPatterns\": [\"/api/*\"], \"priority\": 10"))).containsExactly(FILE
        + "services[1].loadBalancer.priority: duplicate listener rule priority, got 10, also the priority of"
        + " services[0] ('web'); give each load-balanced service its own priority");
  }

  @Test
  void rejectsADefaultPriorityEqualToAnExplicitOne() {
    assertThat(problems(api("\"pathPatterns\": [\"/api/*\"], \"priority\": 20"), WEB)).containsExactly(FILE
        + "services[1].loadBalancer.priority: duplicate listener rule priority, got 20 (the default for services[1]),"
        + " also the priority of services[0] ('api'); give each load-balanced service its own priority");
  }

  @Test
  void reportsAClashEvenWhenTheServiceHasOtherMistakes() {
    assertThat(problems(WORKER, WORKER.replace("\"desiredCount\": 1", "\"desiredCount\": -1"))).containsExactly(
        FILE + "services[1].desiredCount: must be at least 0, got -1",
        FILE + "services[1].name: duplicate service name, got \"worker\", also the name of services[0]; each service"
            + " of an environment needs its own name");
  }

  @Test
  void asksForAnExplicitPriorityWhenTheDefaultPassesTheLimit() {
    String[] services = new String[5001];
    for (int i = 0; i < 5000; i++) {
      services[i] = WORKER.replace("\"worker\"", "\"w" + i + "\"");
    }
    services[5000] = WEB;
    assertThat(problems(services)).containsExactly(FILE + "services[5000].loadBalancer.priority: the default priority"
        + " (10 x position) is above 50000, got 50010; give a priority of 1 to 50000");
  }
}

package dev.deepdive.ecs.ecsctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepdive.ecs.ecsctl.cli.CliRun.Result;
import org.junit.jupiter.api.Test;

class ServicesCommandTest extends FakeProdClusterTest {
  @Test void listsServiceNamesOfACluster() {
    prod.service("web");
    prod.service("api");
    prod.service("old").inactive();

    Result result = CliRun.against(fake, time).run("services", "list", "--cluster", "prod");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).isEqualTo("api\nweb\n");
  }

  @Test void describesCountsTaskDefinitionDeploymentsAndLatestEvents() {
    prod.service("web").counts(3, 2, 1).taskDefinition("web:7").event("(service web) was unable to place a task.");

    Result result = CliRun.against(fake, time).run("services", "describe", "--cluster", "prod", "web");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).contains("web (ACTIVE)\n  desired 3, running 2, pending 1\n  task definition: web:7\n")
        .contains("    PRIMARY web:7: desired 3, running 2, pending 1, failed 0, rollout COMPLETED\n")
        .contains("Z  (service web) was unable to place a task.\n");
  }

  @Test void describesInJson() throws Exception {
    prod.service("web").counts(3, 2, 1);

    Result result = CliRun.against(fake, time)
        .run("services", "describe", "--cluster", "prod", "web", "--output", "json");

    JsonNode web = new ObjectMapper().readTree(result.out()).get("services").get(0);
    assertThat(web.get("name").asText()).isEqualTo("web");
    assertThat(web.get("desiredCount").asInt()).isEqualTo(3);
    assertThat(web.get("deployments").get(0).get("status").asText()).isEqualTo("PRIMARY");
  }

  @Test void failsForAnUnknownService() {
    Result result = CliRun.against(fake, time).run("services", "describe", "--cluster", "prod", "ghost");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("ecsctl: ServiceNotFoundException: service 'ghost' not found in cluster 'prod'\n");
  }
}

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
    assertThat(result.err()).isEqualTo("ecsctl: service 'ghost' in cluster 'prod' not found (ServiceNotFoundException)"
        + " in region us-east-1 (from --region) at " + fake.endpoint() + "; list the services with 'ecsctl services"
        + " list --cluster prod', or check --region and --profile\n");
  }

  @Test void describesTheServicesThatExistAndNamesTheMissingOne() {
    prod.service("web");

    Result result = CliRun.against(fake, time).run("services", "describe", "--cluster", "prod", "web", "ghost");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
    assertThat(result.out()).startsWith("web (ACTIVE)").doesNotContain("ghost");
    assertThat(result.err()).startsWith("ecsctl: service 'ghost' in cluster 'prod' not found (ServiceNotFoundException)")
        .doesNotContain("'web'");
  }

  @Test void jsonListsTheMissingServicesBesideTheFoundOnes() throws Exception {
    prod.service("web");

    Result result = CliRun.against(fake, time).run("--output", "json", "services", "describe", "--cluster", "prod",
        "web", "ghost");

    JsonNode doc = new ObjectMapper().readTree(result.out());
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(doc.get("services").get(0).get("name").asText()).isEqualTo("web");
    assertThat(doc.get("missing").get(0).asText()).isEqualTo("ghost");
  }
}

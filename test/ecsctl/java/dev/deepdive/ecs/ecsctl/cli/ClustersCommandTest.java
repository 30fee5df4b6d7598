package dev.deepdive.ecs.ecsctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepdive.ecs.ecsctl.cli.CliRun.Result;
import dev.deepdive.ecs.ecsctl.testing.FakeEcs;
import dev.deepdive.ecs.ecsctl.testing.SimulatedTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClustersCommandTest {
  private final SimulatedTime time = new SimulatedTime();
  private FakeEcs fake;

  @BeforeEach void startFake() {
    fake = FakeEcs.start(time);
  }

  @AfterEach void stopFake() {
    fake.close();
  }

  @Test void listsClusterNamesSortedAcrossPages() {
    for (int i = 11; i >= 0; i--) {
      fake.cluster(String.format("c%02d", i));
    }

    Result result = CliRun.against(fake, time).run("clusters", "list");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out().lines()).hasSize(12).startsWith("c00", "c01").endsWith("c11");
    assertThat(fake.callsTo("ListClusters")).hasSize(2);
  }

  @Test void describesStatusInstancesTasksAndServices() {
    fake.cluster("prod").containerInstances(3).service("web").counts(2, 2, 1);
    fake.cluster("prod").service("api").counts(1, 1, 0);

    Result result = CliRun.against(fake, time).run("clusters", "describe", "prod");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).isEqualTo("""
        CLUSTER  STATUS  INSTANCES  RUNNING  PENDING  SERVICES
        prod     ACTIVE  3          3        1        2
        """);
  }

  @Test void describesEveryClusterWhenNoneIsNamed() throws Exception {
    fake.cluster("dev");
    fake.cluster("prod");

    Result result = CliRun.against(fake, time).run("--output", "json", "clusters", "describe");

    JsonNode doc = new ObjectMapper().readTree(result.out());
    assertThat(doc.get("clusters")).extracting(c -> c.get("name").asText()).containsExactly("dev", "prod");
    assertThat(doc.get("clusters").get(0).get("registeredContainerInstances").asInt()).isEqualTo(2);
  }

  @Test void failsWithClusterNotFoundForAnUnknownCluster() {
    Result result = CliRun.against(fake, time).run("clusters", "describe", "nope");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("ecsctl: cluster 'nope' not found (ClusterNotFoundException) in region"
        + " us-east-1 (from --region) at " + fake.endpoint() + "; list the clusters with 'ecsctl clusters list', or"
        + " check --region and --profile\n");
  }

  @Test void describesTheClustersThatExistAndNamesTheMissingOne() {
    fake.cluster("prod");

    Result result = CliRun.against(fake, time).run("clusters", "describe", "prod", "nope");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
    assertThat(result.out()).startsWith("CLUSTER").contains("prod");
    assertThat(result.err()).startsWith("ecsctl: cluster 'nope' not found (ClusterNotFoundException)")
        .doesNotContain("'prod'");
  }
}

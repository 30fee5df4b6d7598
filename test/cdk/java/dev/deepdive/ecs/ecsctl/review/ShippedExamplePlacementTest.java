package dev.deepdive.ecs.ecsctl.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepdive.ecs.testing.ShippedExample;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped example places with headroom, as {@code ecsctl review} shows it from the synthesized assembly. */
class ShippedExamplePlacementTest {
  static String markdown;
  static JsonNode json;

  @BeforeAll
  static void review() throws Exception {
    AssemblyReview review = AssemblyReview.read(ShippedExample.get().outdir());
    markdown = review.toMarkdown();
    json = new ObjectMapper().readTree(review.toJson());
  }

  static String section(String environment) {
    int start = markdown.indexOf("## Environment `" + environment + "`");
    int end = markdown.indexOf("\n## Environment ", start + 1);
    return markdown.substring(start, end < 0 ? markdown.length() : end);
  }

  static JsonNode placement(String environment) {
    for (JsonNode e : json.get("environments")) {
      if (e.get("name").asText().equals(environment)) {
        return e.get("placement");
      }
    }
    throw new AssertionError("no environment " + environment);
  }

  @Test
  void everyEnvironmentPlacesAndDeploysWithoutWarnings() {
    for (String environment : new String[] {"dev", "qa", "prod"}) {
      JsonNode placement = placement(environment);
      assertThat(placement.get("errors")).as(environment).isEmpty();
      assertThat(placement.get("warnings")).as(environment).isEmpty();
      assertThat(placement.at("/atMaximum/fits").asBoolean()).as(environment).isTrue();
      assertThat(placement.at("/atDesired/fits").asBoolean()).as(environment).isTrue();
    }
  }

  @Test
  void showsDevAtMaximumCapacityWithItsHeadroomAndLargestDeployment() {
    assertThat(section("dev"))
        .contains("#### At maximum capacity: 2 × `t3.medium`\n\nEvery service places and deploys; the services need"
            + " 1 instance.")
        .contains("| `web` | 1 | 1 | 1 | 7 (memory) | 1 / 1 | yes | 2 |")
        .contains("| `shop` | 1 | 1 | 1 | 5 (CPU) | 1 / 1 | yes | 2 |")
        .contains("Headroom with every service running: 3456 of 4096 CPU units, 6784 of 7936 MiB, 0 of 0 GPUs, 4 of"
            + " 4 network interfaces for awsvpc tasks; at most 5 of 100 reserved ports on an instance.")
        .contains("The deployment that needs the most room: `shop`, 2 tasks at its peak on 2 instances (1 beyond its"
            + " desired count: 384 CPU units, 640 MiB).");
  }

  @Test
  void showsProdAtDesiredCapacity() {
    assertThat(section("prod")).contains("#### At desired capacity: 3 × `m6i.large`")
        .contains("| `web` | 3 | 3 | 3 | 8 (CPU) | 1 / 1 | yes | 6 |");
  }
}

package dev.deepdive.ecs.ecsctl.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepdive.ecs.placement.Architecture;
import dev.deepdive.ecs.placement.CapacityInput;
import dev.deepdive.ecs.placement.EnvironmentInput;
import dev.deepdive.ecs.placement.HostPort;
import dev.deepdive.ecs.placement.NetworkMode;
import dev.deepdive.ecs.placement.PlacementInputsJson;
import dev.deepdive.ecs.placement.PlacementStrategy;
import dev.deepdive.ecs.placement.Reservation;
import dev.deepdive.ecs.placement.ServiceInput;
import dev.deepdive.ecs.placement.StaticHostPort;
import dev.deepdive.ecs.placement.TaskRequirements;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The placement section, run from inputs recorded the way CDK writes stack metadata: an additional metadata file
 * named by the manifest. The shipped example's own review is tested with the CDK app (test/cdk).
 */
class PlacementReviewTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  static EnvironmentInput input(int desired, int maxSize, int hostPort) {
    TaskRequirements task = new TaskRequirements("app/task-definitions/web.json", "web", NetworkMode.BRIDGE,
        new Reservation(256, "containerDefinitions[0].cpu", "its container's cpu"),
        new Reservation(512, "containerDefinitions[0].memory", "its container's memory"),
        Reservation.none("containerDefinitions"),
        hostPort == 0 ? List.of() : List.of(new StaticHostPort(HostPort.tcp(hostPort),
            "containerDefinitions[0].portMappings[0].hostPort")),
        null, null, List.of());
    return new EnvironmentInput("dev", new CapacityInput("app/environments/dev.json", List.of("t3.medium"), 1,
        maxSize, 2, List.of(), "AL2023", Architecture.X86_64, false), Map.of(),
        List.of(new ServiceInput("web", "services[0]", desired, 200, 100, PlacementStrategy.SPREAD, List.of(), task)));
  }

  /** A one-stage assembly whose Cluster stack records {@code data} as the placement inputs. */
  private Path assembly(String data) throws IOException {
    Path cdkOut = Files.createDirectories(tmp.resolve("cdk.out"));
    Path stage = Files.createDirectories(cdkOut.resolve("assembly-dev"));
    Files.writeString(cdkOut.resolve("manifest.json"), "{\"version\":\"48.0.0\",\"artifacts\":{\"assembly-dev\":"
        + "{\"type\":\"cdk:cloud-assembly\",\"properties\":{\"directoryName\":\"assembly-dev\",\"displayName\":"
        + "\"dev\"}}}}");
    Files.writeString(stage.resolve("manifest.json"), "{\"version\":\"48.0.0\",\"artifacts\":{\"devCluster\":"
        + "{\"type\":\"aws:cloudformation:stack\",\"properties\":{\"templateFile\":\"devCluster.template.json\"},"
        + "\"displayName\":\"dev/Cluster\",\"additionalMetadataFile\":\"devCluster.metadata.json\"}}}");
    Files.writeString(stage.resolve("devCluster.template.json"), "{\"Resources\":{}}");
    ObjectNode metadata = JSON.createObjectNode();
    ArrayNode entries = metadata.putArray("/dev/Cluster");
    entries.addObject().put("type", PlacementInputsJson.METADATA_TYPE).put("data", data);
    Files.writeString(stage.resolve("devCluster.metadata.json"), JSON.writeValueAsString(metadata));
    return cdkOut;
  }

  @Test
  void showsThePlacementAtMaximumAndDesiredCapacity() throws Exception {
    String markdown = AssemblyReview.read(assembly(PlacementInputsJson.write(input(2, 3, 0)))).toMarkdown();

    assertThat(markdown)
        .contains("### Task placement (ECS scheduler model)\n\nRun again from the inputs recorded on `dev/Cluster`")
        .contains("#### At maximum capacity: 3 × `t3.medium`\n\nEvery service places and deploys; the services need"
            + " 1 instance.")
        .contains("| `web` | 2 | 2 | 2 | 7 (memory) | 1 / 1 | yes | 4 |")
        .contains("Headroom with every service running: 5632 of 6144 CPU units, 10880 of 11904 MiB, 0 of 0 GPUs, 6"
            + " of 6 network interfaces for awsvpc tasks; at most 5 of 100 reserved ports on an instance.")
        .contains("The deployment that needs the most room: `web`, 4 tasks at its peak on 3 instances (2 beyond its"
            + " desired count: 512 CPU units, 1024 MiB).")
        .contains("#### At desired capacity: 1 × `t3.medium`");
  }

  @Test
  void listsWhatTheModelFindsWrong() throws Exception {
    AssemblyReview review = AssemblyReview.read(assembly(PlacementInputsJson.write(input(2, 2, 8080))));

    assertThat(review.toMarkdown()).contains("- ⚠️ app/task-definitions/web.json:"
        + " containerDefinitions[0].portMappings[0].hostPort: static host port 8080 allows one task per instance;")
        .contains("⚠️ Not every service places and deploys; the services need 3 instances.")
        .contains("| `web` | 2 | 2 | 2 | 1 (static host port 8080) | 2 / 3 | ⚠️ no | 2 |");
    assertThat(JSON.readTree(review.toJson()).path("environments").get(0).path("placement").path("atMaximum")
        .path("fits").asBoolean(true)).isFalse();
  }

  @Test
  void namesTheStackOfInputsItCannotRead() throws Exception {
    Path cdkOut = assembly("{\"format\":9}");

    assertThatThrownBy(() -> AssemblyReview.read(cdkOut)).isInstanceOf(ReviewException.class)
        .hasMessage("dev/Cluster: metadata ecs-on-ec2:placement-inputs at /dev/Cluster: placement inputs of format 9,"
            + " but this version reads format 1; synthesize again with this version");
  }
}

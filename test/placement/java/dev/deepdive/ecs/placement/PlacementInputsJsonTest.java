package dev.deepdive.ecs.placement;

import static dev.deepdive.ecs.placement.Environments.environment;
import static dev.deepdive.ecs.placement.Environments.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The inputs recorded in the cloud assembly read back exactly as written. */
class PlacementInputsJsonTest {
  static EnvironmentInput everything() {
    return environment("m5.large", "t3.large").sizes(2, 6).zones("eu-west-1a", "eu-west-1b").gpuAmi()
        .agent("ECS_RESERVED_MEMORY", "256").agent("ECS_RESERVED_PORTS", "[22, 8080]")
        .service("web", 3, task("app/task-definitions/web.json", 256, 512).hostPort(80).hostPort(443)
            .memberOf("attribute:ecs.instance-type =~ m5.*").architecture(Architecture.X86_64))
        .service("api", 2, 150, 50, PlacementStrategy.BINPACK,
            List.of(PlacementConstraint.distinctInstance("services[1].placement.constraints[0]")),
            task("app/task-definitions/api.json", 512, 1024).awsvpc().gpus(1).operatingSystem("LINUX"))
        .build();
  }

  @Test
  void readsBackWhatItWrites() {
    EnvironmentInput input = everything();

    assertThat(PlacementInputsJson.read(PlacementInputsJson.write(input))).isEqualTo(input);
  }

  @Test
  void writesTheFormatFirstAndLeavesAbsentValuesOut() {
    String json = PlacementInputsJson.write(everything());

    assertThat(json).startsWith("{\"format\":1,\"environment\":{\"name\":\"dev\",");
    assertThat(json).doesNotContain("null");
  }

  @Test
  void refusesAnotherFormat() {
    String other = PlacementInputsJson.write(everything()).replace("{\"format\":1,", "{\"format\":2,");

    assertThatThrownBy(() -> PlacementInputsJson.read(other)).hasMessage("placement inputs of format 2, but this"
        + " version reads format 1; synthesize again with this version");
  }

  @Test
  void refusesAFieldItDoesNotKnow() {
    String extra = PlacementInputsJson.write(everything()).replace("{\"name\":\"dev\",", "{\"name\":\"dev\",\"x\":1,");

    assertThatThrownBy(() -> PlacementInputsJson.read(extra))
        .hasMessageStartingWith("not a placement inputs document (Unrecognized field \"x\"")
        .hasMessageEndingWith("; synthesize again");
  }

  @Test
  void namesAMissingPart() {
    assertThatThrownBy(() -> PlacementInputsJson.read("{\"format\":1,\"environment\":{\"name\":\"dev\"}}"))
        .hasMessage("not a placement inputs document (no capacity); synthesize again");
  }
}

package dev.deepdive.ecs.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.deepdive.ecs.app.config.ConfigException;
import dev.deepdive.ecs.app.config.EnvironmentConfig;
import dev.deepdive.ecs.app.config.EnvironmentLoader;
import dev.deepdive.ecs.placement.PlacementReport.ServicePlacement;
import dev.deepdive.ecs.placement.ServiceInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DAEMON services and tasks no service owns go through the placement model like services: the shipped dev
 * environment (2 x t3.medium at most, web and shop) with a daemon and a task added.
 */
class TasksAndDaemonsPlacementTest {
  @TempDir Path root;
  Path environments;
  Path taskDefinitions;
  String dev;

  @BeforeEach
  void copyTheShippedExample() throws IOException {
    environments = Files.createDirectories(root.resolve("environments"));
    taskDefinitions = Files.createDirectories(root.resolve("task-definitions"));
    Files.copy(Path.of("app/environments/dev.json"), environments.resolve("dev.json"));
    for (String file : List.of("web.json", "shop.json")) {
      Files.copy(Path.of("app/task-definitions", file), taskDefinitions.resolve(file));
    }
    dev = environments.resolve("dev.json").toString();
  }

  private void add(String file, int memoryMiB) throws IOException {
    Files.writeString(taskDefinitions.resolve(file), "{\"family\": \"" + file.replace(".json", "") + "\","
        + " \"containerDefinitions\": [{\"name\": \"main\", \"image\": \"busybox:1\", \"cpu\": 64, \"memory\": "
        + memoryMiB + "}]}");
  }

  private void edit(String from, String to) throws IOException {
    Path path = Path.of(dev);
    String text = Files.readString(path);
    assertThat(text).contains(from);
    Files.writeString(path, text.replace(from, to));
  }

  private void addDaemon(int memoryMiB) throws IOException {
    add("agent.json", memoryMiB);
    edit("\"services\": [", "\"services\": [{\"name\": \"agent\", \"taskDefinition\": \"agent.json\","
        + " \"schedulingStrategy\": \"DAEMON\"},");
  }

  private void addTask(int count, int memoryMiB) throws IOException {
    add("migrate.json", memoryMiB);
    edit("\"services\": [", "\"tasks\": [{\"name\": \"migrate\", \"taskDefinition\": \"migrate.json\","
        + " \"schedule\": \"rate(1 day)\", \"count\": " + count + "}], \"services\": [");
  }

  private EnvironmentPlacement.Placed placed() {
    List<EnvironmentConfig> loaded = EnvironmentLoader.loadAll(environments);
    return EnvironmentPlacement.check(loaded, TaskDefinitionFiles.load(loaded)).get("dev");
  }

  private List<String> problems() {
    ConfigException e = catchThrowableOfType(ConfigException.class, this::placed);
    assertThat(e).as("a ConfigException").isNotNull();
    return e.problems();
  }

  @Test
  void aDaemonServicesShareOfEveryInstanceIsTakenBeforeTheOtherServicesArePlaced() throws IOException {
    addDaemon(3500);

    assertThat(problems()).anySatisfy(p -> assertThat(p)
        .startsWith(taskDefinitions.resolve("web.json") + ": containerDefinitions[0].memory: the task reserves 512"
            + " MiB")
        .contains("less 3500 MiB for DAEMON service agent)")
        .contains("service web (" + dev + " services[1])"));
  }

  @Test
  void aDaemonThatFitsRunsOnEveryInstanceBesideTheServices() throws IOException {
    addDaemon(256);

    EnvironmentPlacement.Placed placed = placed();

    assertThat(placed.report().errors()).isEmpty();
    assertThat(placed.input().services().get(0).kind()).isEqualTo(ServiceInput.Kind.DAEMON);
    assertThat(placed.report().atMaximum().services()).extracting(ServicePlacement::name)
        .containsExactly("agent", "web", "shop");
    assertThat(placed.report().atMaximum().services().get(0).placed()).isEqualTo(2);
  }

  @Test
  void aTaskIsPlacedLikeAServiceAtMaximumCapacity() throws IOException {
    addTask(10, 1024);

    assertThat(problems()).singleElement().asString()
        .startsWith(taskDefinitions.resolve("migrate.json") + ": containerDefinitions[0].memory: the task reserves"
            + " 1024 MiB (its container's memory) and a t3.medium registers 3968 MiB for tasks (4 GiB installed),"
            + " room for 3 tasks per instance; task migrate (" + dev + " tasks[0]) with count 10 needs 4 instances to"
            + " run, capacity.maxSize is 2; reserve less memory, use a larger instance type or raise capacity.maxSize"
            + " to 4");
  }

  @Test
  void aTaskThatFitsIsInTheRecordedInputs() throws IOException {
    addTask(1, 512);

    EnvironmentPlacement.Placed placed = placed();

    assertThat(placed.report().errors()).isEmpty();
    assertThat(placed.input().services()).extracting(ServiceInput::name, ServiceInput::kind)
        .contains(org.assertj.core.groups.Tuple.tuple("migrate", ServiceInput.Kind.TASK));
  }
}

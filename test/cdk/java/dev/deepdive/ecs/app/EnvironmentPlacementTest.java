package dev.deepdive.ecs.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.deepdive.ecs.app.config.ConfigException;
import dev.deepdive.ecs.app.config.EnvironmentConfig;
import dev.deepdive.ecs.app.config.EnvironmentLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;

/**
 * The cases of issue 13's "Why", each rejected before synthesis with one line naming the file, the field and the
 * numbers: the shipped dev environment (2 x t3.medium at most), changed one way per test.
 */
class EnvironmentPlacementTest {
  @TempDir Path root;
  Path environments;
  Path taskDefinitions;
  String dev;
  String web;
  String shop;

  @BeforeEach
  void copyTheShippedExample() throws IOException {
    environments = Files.createDirectories(root.resolve("environments"));
    taskDefinitions = Files.createDirectories(root.resolve("task-definitions"));
    Files.copy(Path.of("app/environments/dev.json"), environments.resolve("dev.json"));
    for (String file : List.of("web.json", "shop.json")) {
      Files.copy(Path.of("app/task-definitions", file), taskDefinitions.resolve(file));
    }
    dev = environments.resolve("dev.json").toString();
    web = taskDefinitions.resolve("web.json").toString();
    shop = taskDefinitions.resolve("shop.json").toString();
  }

  private void edit(String file, String from, String to) throws IOException {
    Path path = Path.of(file);
    String text = Files.readString(path);
    assertThat(text).contains(from);
    Files.writeString(path, text.replace(from, to));
  }

  /** Every problem found before synthesis: the files', then the placement model's. */
  private List<String> problems() {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> {
      List<EnvironmentConfig> loaded = EnvironmentLoader.loadAll(environments);
      EnvironmentPlacement.check(loaded, TaskDefinitionFiles.load(loaded));
    });
    assertThat(e).as("a ConfigException").isNotNull();
    return e.problems();
  }

  private void webDesiredCount(int count) throws IOException {
    edit(dev, "\"taskDefinition\": \"web.json\",\n      \"desiredCount\": 1",
        "\"taskDefinition\": \"web.json\",\n      \"desiredCount\": " + count);
  }

  @Test
  void theShippedDevEnvironmentPlaces() {
    List<EnvironmentConfig> loaded = EnvironmentLoader.loadAll(environments);
    var placed = EnvironmentPlacement.check(loaded, TaskDefinitionFiles.load(loaded)).get("dev");

    assertThat(placed.report().errors()).isEmpty();
    assertThat(placed.report().warnings()).isEmpty();
    assertThat(placed.report().atMaximum().fits()).isTrue();
  }

  @Test
  void aStaticHostPortWithMoreTasksThanInstances() throws IOException {
    edit(web, "\"hostPort\": 0", "\"hostPort\": 80");
    webDesiredCount(3);

    assertThat(problems()).containsExactly(web + ": containerDefinitions[0].portMappings[0].hostPort: static host"
        + " port 80 allows one task per instance; service web (" + dev + " services[0]) with desiredCount 3 needs 3"
        + " instances to run and 4 to deploy (minimumHealthyPercent 100 keeps all 3 old tasks until new ones run; 6"
        + " at maximumPercent 200), capacity.maxSize is 2; use hostPort 0 (a dynamic host port) or raise"
        + " capacity.maxSize to 4");
  }

  /** A scaled service is checked at the most tasks its scaler may ask for, and the message names that field. */
  @Test
  void aScaledServiceIsPlacedAtItsMaxCount() throws IOException {
    edit(web, "\"hostPort\": 0", "\"hostPort\": 80");
    edit(dev, "\"taskDefinition\": \"web.json\",\n      \"desiredCount\": 1",
        "\"taskDefinition\": \"web.json\",\n      \"autoScaling\": {\"minCount\": 1, \"maxCount\": 3,"
            + " \"targets\": {\"cpuUtilization\": 60}}");

    assertThat(problems()).containsExactly(web + ": containerDefinitions[0].portMappings[0].hostPort: static host"
        + " port 80 allows one task per instance; service web (" + dev + " services[0]) with autoScaling.maxCount 3"
        + " needs 3 instances to run and 4 to deploy (minimumHealthyPercent 100 keeps all 3 old tasks until new ones"
        + " run; 6 at maximumPercent 200), capacity.maxSize is 2; use hostPort 0 (a dynamic host port) or raise"
        + " capacity.maxSize to 4");
  }

  @Test
  void aStaticHostPortOnEveryInstanceBehindTheLoadBalancerNeverDeploys() throws IOException {
    edit(web, "\"hostPort\": 0", "\"hostPort\": 8080");
    webDesiredCount(2);

    assertThat(problems()).containsExactly(web + ": containerDefinitions[0].portMappings[0].hostPort: static host"
        + " port 8080 allows one task per instance; service web (" + dev + " services[0]) with desiredCount 2 runs on 2"
        + " instances but needs 3 to deploy (minimumHealthyPercent 100 keeps all 2 old tasks until new ones run; 4 at"
        + " maximumPercent 200), capacity.maxSize is 2; use hostPort 0 (a dynamic host port), raise capacity.maxSize"
        + " to 3 or lower minimumHealthyPercent to 50");
  }

  @Test
  void fourHundredStaticHostPortsInOneTask() throws IOException {
    String ports = IntStream.range(0, 400)
        .mapToObj(i -> "{\"containerPort\": " + (10000 + i) + ", \"hostPort\": " + (10000 + i) + "}")
        .collect(Collectors.joining(", "));
    edit(web, "\"memory\": 512", "\"memory\": 512, \"essential\": true");
    edit(web, "\"portMappings\": [", "\"portMappings\": [" + ports + ",");

    assertThat(problems()).containsExactly(web + ": containerDefinitions[0].portMappings: 400 static host ports in"
        + " one task, but a container instance holds at most 100 reserved ports, 5 of them the agent's (22, 2375,"
        + " 2376, 51678, 51679), so ECS could never place a task of service web (" + dev + " services[0]); use"
        + " hostPort 0 (ECS assigns dynamic host ports, which do not count) or awsvpc network mode");
  }

  @Test
  void gpusOnInstanceTypesWithoutGpus() throws IOException {
    edit(web, "\"cpu\": 256", "\"cpu\": 256, \"resourceRequirements\": [{\"type\": \"GPU\", \"value\": \"1\"}]");

    assertThat(problems()).containsExactly(web + ": containerDefinitions[0].resourceRequirements[0]: the task needs 1"
        + " GPU, but t3.medium (capacity.instanceTypes[0]) has none, so ECS could never place a task of service web ("
        + dev + " services[0]); use an instance type with 1 GPU or more (e.g. g4dn.xlarge) with a GPU"
        + " capacity.amiFamily (AL2023_GPU or AL2_GPU)");
  }

  @Test
  void moreGpusThanTheInstanceTypeHas() throws IOException {
    edit(dev, "\"t3.medium\",\n      \"t3a.medium\"", "\"g4dn.xlarge\"");
    edit(dev, "\"amiFamily\": \"AL2023\"", "\"amiFamily\": \"AL2023_GPU\"");
    edit(web, "\"cpu\": 256", "\"cpu\": 256, \"resourceRequirements\": [{\"type\": \"GPU\", \"value\": \"2\"}]");

    assertThat(problems()).containsExactly(web + ": containerDefinitions[0].resourceRequirements[0]: the task needs 2"
        + " GPUs, but g4dn.xlarge (capacity.instanceTypes[0]) has 1, so ECS could never place a task of service web ("
        + dev + " services[0]); use an instance type with 2 GPUs or more (e.g. p3.8xlarge) with a GPU"
        + " capacity.amiFamily (AL2023_GPU or AL2_GPU)");
  }

  @Test
  void anArm64TaskOnAnX86Family() throws IOException {
    edit(web, "\"family\": \"web\",", "\"family\": \"web\", \"runtimePlatform\": {\"cpuArchitecture\": \"ARM64\"},");

    assertThat(problems()).containsExactly(web + ": runtimePlatform.cpuArchitecture: ARM64 needs arm64 instances, but"
        + " environment dev runs x86_64 ones (capacity.amiFamily AL2023: t3.medium, t3a.medium), so ECS could never"
        + " place a task of service web (" + dev + " services[0]); use X86_64 with an image built for it, or an arm64"
        + " capacity.amiFamily with instance types of that architecture");
  }

  @Test
  void aWindowsTaskOnAmazonLinux() throws IOException {
    edit(web, "\"family\": \"web\",",
        "\"family\": \"web\", \"runtimePlatform\": {\"operatingSystemFamily\": \"WINDOWS_SERVER_2022_CORE\"},");

    assertThat(problems()).containsExactly(web + ": runtimePlatform.operatingSystemFamily: WINDOWS_SERVER_2022_CORE"
        + " needs Windows container instances, but environment dev runs Amazon Linux (capacity.amiFamily AL2023), so"
        + " ECS could never place a task of service web (" + dev + " services[0]); use LINUX or leave"
        + " operatingSystemFamily out");
  }

  @Test
  void successOnAnEssentialContainer() throws IOException {
    edit(shop, "\"condition\": \"START\"", "\"condition\": \"SUCCESS\"");

    assertThat(problems()).containsExactly(shop + ": containerDefinitions[0].dependsOn[0].condition: SUCCESS waits for"
        + " container 'memcached' to exit, but it is essential (essential defaults to true), and ECS rejects SUCCESS on"
        + " an essential container; set containerDefinitions[1].essential to false, or use START or HEALTHY");
  }

  @Test
  void aHealthCheckIntervalOfOneSecond() throws IOException {
    edit(shop, "\"interval\": 15", "\"interval\": 1");

    assertThat(problems()).containsExactly(shop + ": containerDefinitions[0].healthCheck.interval: 1 is outside what"
        + " ECS allows, 5 to 300 seconds (default 30)");
  }

  @Test
  void anUnfilledTemplatePlaceholderAsImage() throws IOException {
    edit(web, "\"image\": \"tomcat\"", "\"image\": \"{{demo-app-image}}\"");

    assertThat(problems()).containsExactly(web + ": containerDefinitions[0].image: \"{{demo-app-image}}\" is an"
        + " unfilled template placeholder ({{demo-app-image}}); put the image reference there, e.g."
        + " \"public.ecr.aws/nginx/nginx:1.27\" or \"ecr://web:1.4.2\"");
  }

  @Test
  void ecsReservedMemoryCountsAgainstTheInstance() throws IOException {
    edit(dev, "\"ECS_ENABLE_CONTAINER_METADATA\": \"true\",",
        "\"ECS_ENABLE_CONTAINER_METADATA\": \"true\",\n    \"ECS_RESERVED_MEMORY\": \"2000\",");
    edit(web, "\"memory\": 512", "\"memory\": 3000");

    assertThat(problems()).containsExactly(web + ": containerDefinitions[0].memory: the task reserves 3000 MiB (its"
        + " container's memory), more than the 1968 MiB t3.medium (capacity.instanceTypes[0]) registers for tasks (4"
        + " GiB installed, ECS_RESERVED_MEMORY 2000), so ECS could never place a task of service web (" + dev
        + " services[0]); reserve less or use a larger instance type");
  }

  @Test
  void theAppStopsBeforeSynthesisAndWritesNothing() throws IOException {
    edit(web, "\"hostPort\": 0", "\"hostPort\": 8080");
    webDesiredCount(2);
    Path outdir = Files.createDirectories(root.resolve("cdk.out"));
    App app = App.Builder.create().outdir(outdir.toString())
        .context(Map.of(EcsApp.ENVIRONMENTS_DIR_CONTEXT, environments.toString())).build();

    assertThatThrownBy(() -> EcsApp.build(app)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("static host port 8080 allows one task per instance");
    try (Stream<Path> written = Files.list(outdir)) {
      assertThat(written).isEmpty();
    }
  }
}

package dev.deepdive.ecs.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.deepdive.ecs.app.config.ConfigException;
import dev.deepdive.ecs.app.config.EnvironmentLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The services' task definition files, checked against each environment before anything is synthesized. */
class TaskDefinitionFilesTest {
  @TempDir Path root;
  Path environments;
  Path taskDefinitions;

  @BeforeEach
  void copyTheShippedExample() throws IOException {
    environments = Files.createDirectories(root.resolve("environments"));
    taskDefinitions = Files.createDirectories(root.resolve("task-definitions"));
    Files.copy(Path.of("app/environments/dev.json"), environments.resolve("dev.json"));
    for (String file : List.of("web.json", "shop.json")) {
      Files.copy(Path.of("app/task-definitions", file), taskDefinitions.resolve(file));
    }
  }

  private List<String> problems() {
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> TaskDefinitionFiles.load(EnvironmentLoader.loadAll(environments)));
    assertThat(e).as("a ConfigException").isNotNull();
    return e.problems();
  }

  private void edit(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }

  @Test
  void theShippedTaskDefinitionsLoad() {
    assertThat(TaskDefinitionFiles.load(EnvironmentLoader.loadAll(environments)).get("dev"))
        .containsOnlyKeys("web.json", "shop.json");
  }

  @Test
  void eachEnvironmentRegistersTheFilesUnderFamiliesOfItsOwn() throws IOException {
    Files.copy(Path.of("app/environments/qa.json"), environments.resolve("qa.json"));
    var loaded = TaskDefinitionFiles.load(EnvironmentLoader.loadAll(environments));
    assertThat(loaded.get("dev").get("web.json").family()).isEqualTo("dev-web");
    assertThat(loaded.get("qa").get("web.json").family()).isEqualTo("qa-web");
    assertThat(loaded.get("qa").get("shop.json").family()).isEqualTo("qa-shop");
  }

  @Test
  void anEnvironmentMayKeepTheFamiliesAsWritten() throws IOException {
    edit(environments.resolve("dev.json"), "\"clusterName\"", "\"taskDefinitionFamilies\": \"asWritten\",\n  \"clusterName\"");
    assertThat(TaskDefinitionFiles.load(EnvironmentLoader.loadAll(environments)).get("dev").get("web.json").family())
        .isEqualTo("web");
  }

  @Test
  void aFamilyTooLongWithTheEnvironmentsNameIsRejected() throws IOException {
    String longest = "w".repeat(255);
    edit(taskDefinitions.resolve("web.json"), "\"family\": \"web\"", "\"family\": \"" + longest + "\"");
    assertThat(problems()).containsExactly(environments.resolve("dev.json") + ": services[0].taskDefinition: "
        + taskDefinitions.resolve("web.json") + ": family: \"dev-" + longest + "\" is not a task definition family:"
        + " ECS takes 1 to 255 letters, digits, '_' and '-', got 259 (the file's \"" + longest + "\" with the"
        + " environment's name in front, see taskDefinitionFamilies)");
  }

  @Test
  void aMissingFileIsNamedWithTheServiceThatReferencesIt() throws IOException {
    Files.delete(taskDefinitions.resolve("shop.json"));
    assertThat(problems()).containsExactly(environments.resolve("dev.json") + ": services[1].taskDefinition: file "
        + taskDefinitions.resolve("shop.json") + " does not exist; task definitions live in " + taskDefinitions);
  }

  @Test
  void aContainerTheTaskDoesNotDeclareIsRejected() throws IOException {
    edit(environments.resolve("dev.json"), "\"container\": \"tomcat\",\n        \"containerPort\": 8080,\n"
        + "        \"pathPatterns\": [\n          \"/*\"", "\"container\": \"jetty\",\n        \"containerPort\": 8080,\n"
        + "        \"pathPatterns\": [\n          \"/*\"");
    assertThat(problems()).containsExactly(environments.resolve("dev.json")
        + ": services[0].loadBalancer.container: " + taskDefinitions.resolve("web.json")
        + " has no container 'jetty'; its containers: tomcat");
  }

  @Test
  void aPortTheContainerDoesNotDeclareIsRejected() throws IOException {
    edit(environments.resolve("dev.json"), "\"containerPort\": 8080,\n        \"pathPatterns\": [\n          \"/*\"",
        "\"containerPort\": 8081,\n        \"pathPatterns\": [\n          \"/*\"");
    assertThat(problems()).containsExactly(environments.resolve("dev.json")
        + ": services[0].loadBalancer.containerPort: container 'tomcat' in " + taskDefinitions.resolve("web.json")
        + " declares no portMapping for 8081; declared: [8080]");
  }

  @Test
  void anEcrImageMustNameOneOfTheEnvironmentsRepositories() throws IOException {
    edit(taskDefinitions.resolve("web.json"), "\"image\": \"tomcat\"", "\"image\": \"ecr://web:1.0.0\"");
    assertThat(problems()).containsExactly(environments.resolve("dev.json") + ": services[0].taskDefinition: "
        + taskDefinitions.resolve("web.json") + " uses image 'ecr://web:1.0.0', but environment dev has no ECR"
        + " repository 'web'; add it under ecrRepositories");
  }

  @Test
  void aMalformedEcrImageIsRejected() throws IOException {
    edit(taskDefinitions.resolve("web.json"), "\"image\": \"tomcat\"", "\"image\": \"ecr://Web:1.0.0\"");
    assertThat(problems()).containsExactly(environments.resolve("dev.json") + ": services[0].taskDefinition: "
        + taskDefinitions.resolve("web.json") + " uses image 'ecr://Web:1.0.0', which is not"
        + " ecr://<repository>[:tag] (a lowercase repository name, a tag of letters, digits, '.', '_' and '-')");
  }

  @Test
  void everyProblemOfEveryFileIsReportedTogether() throws IOException {
    edit(taskDefinitions.resolve("web.json"), "\"memory\": 512", "\"memorySize\": 512");
    edit(taskDefinitions.resolve("shop.json"), "\"links\": [\"memcached\"]", "\"links\": [\"redis\"]");
    List<String> problems = problems();
    assertThat(problems).anyMatch(p -> p.contains("web.json") && p.contains("memorySize"));
    assertThat(problems).anyMatch(p -> p.contains("shop.json") && p.contains("redis"));
  }

  private void addDaemon(int memoryMiB) throws IOException {
    Files.writeString(taskDefinitions.resolve("agent.json"), "{\"family\": \"agent\", \"containerDefinitions\":"
        + " [{\"name\": \"agent\", \"image\": \"agent:1\", \"memory\": " + memoryMiB + "}]}");
    edit(environments.resolve("dev.json"), "\"services\": [", "\"services\": [{\"name\": \"agent\","
        + " \"taskDefinition\": \"agent.json\", \"schedulingStrategy\": \"DAEMON\"},");
  }

  @Test
  void aDaemonServicesFileIsReadLikeAnyServices() throws IOException {
    addDaemon(256);

    assertThat(TaskDefinitionFiles.load(EnvironmentLoader.loadAll(environments)).get("dev"))
        .containsKeys("agent.json", "web.json");
  }

  @Test
  void tasksAreReadAndCheckedLikeServicesAndTheirOverridesNameTheirContainers() throws IOException {
    edit(environments.resolve("dev.json"), "\"services\": [", "\"tasks\": [{\"name\": \"migrate\","
        + " \"taskDefinition\": \"migrate.json\"}, {\"name\": \"nightly\", \"taskDefinition\": \"web.json\","
        + " \"schedule\": \"rate(1 day)\", \"containerOverrides\": [{\"container\": \"tomcatt\", \"command\":"
        + " [\"report\"]}]}], \"services\": [");

    assertThat(problems()).containsExactly(
        environments.resolve("dev.json") + ": tasks[0].taskDefinition: file " + taskDefinitions.resolve("migrate.json")
            + " does not exist; task definitions live in " + taskDefinitions,
        environments.resolve("dev.json") + ": tasks[1].containerOverrides[0].container: "
            + taskDefinitions.resolve("web.json") + " has no container 'tomcatt'; its containers: tomcat");
  }
}

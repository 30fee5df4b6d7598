package dev.deepdive.ecs.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Task definition files sit next to the environments folder: app/environments/dev.json -> app/task-definitions. */
class TaskDefinitionsDirTest {
  @Test
  void isTheSiblingOfTheEnvironmentsFolder() {
    assertThat(QaFile.config(QaFile.MINIMAL).taskDefinitionsDir()).isEqualTo(Path.of("app/task-definitions"));
  }

  @Test
  void staysRelativeForAFolderGivenByName() {
    assertThat(EnvironmentConfig.taskDefinitionsDirFor(Path.of("environments/qa.json")))
        .isEqualTo(Path.of("task-definitions"));
  }

  @Test
  void worksForAFileInTheWorkingDirectory() {
    Path expected = Path.of("").toAbsolutePath().resolveSibling("task-definitions");
    assertThat(EnvironmentConfig.taskDefinitionsDirFor(Path.of("qa.json"))).isEqualTo(expected);
    assertThat(EnvironmentConfig.taskDefinitionsDirFor(Path.of("./qa.json"))).isEqualTo(expected);
  }

  @Test
  void isNamedInMessagesAboutATaskDefinition() {
    assertThat(EnvironmentFileReader.read(Path.of("deploy/envs/qa.json"), ServiceFiles.file(
        ServiceFiles.WORKER.replace("worker.json", "worker")).getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .problems()).singleElement().asString().contains("a .json file in deploy/task-definitions,");
  }
}

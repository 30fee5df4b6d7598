package dev.deepdive.ecs.constructs.taskdef;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The memory rule for JVM images: a warning, never an error, naming the crash loop. */
class JvmImageMemoryRuleTest {
  static final String PATH = "app/task-definitions/web.json";

  static List<String> warnings(String json) {
    return TaskDefinitionDocument.parse(PATH, json).validate().warnings();
  }

  static String one(String container, String topLevel) {
    return "{\"family\":\"web\"" + topLevel + ",\"containerDefinitions\":[" + container + "]}";
  }

  @Test
  void warnsAboutAFiftyMibTomcat() {
    assertThat(warnings(TaskDefinitionRoundTripTest.read("web.json"))).containsExactly(PATH
        + ": containerDefinitions[0].memory: 50 MiB is far too little for container 'tomcat' (image 'tomcat' runs a"
        + " JVM): it will be killed for lack of memory as it starts and the service will restart it in a loop"
        + " (a tomcat with 50 MiB does); give it at least 256 MiB");
  }

  @Test
  void theFileIsOtherwiseValid() {
    assertThat(TaskDefinitionDocument.parse(PATH, TaskDefinitionRoundTripTest.read("web.json")).validate().errors())
        .isEmpty();
  }

  @Test
  void recognisesJvmImagesBehindRegistriesTagsAndDigests() {
    assertThat(warnings(one("{\"name\":\"app\",\"image\":\"public.ecr.aws/docker/library/eclipse-temurin:21-jre"
        + "@sha256:abc\",\"memory\":128}", ""))).hasSize(1);
  }

  @Test
  void warnsOnASmallTaskLevelMemoryForAContainerWithoutItsOwnLimit() {
    assertThat(warnings(one("{\"name\":\"app\",\"image\":\"jetty:12\"}", ",\"memory\":\"200\"")))
        .singleElement().asString().startsWith(PATH + ": memory: 200 MiB is far too little for container 'app'");
  }

  @Test
  void doesNotWarnAt256Mib() {
    assertThat(warnings(one("{\"name\":\"app\",\"image\":\"tomcat\",\"memory\":256}", ""))).isEmpty();
  }

  @Test
  void doesNotWarnForASoftLimitOnly() {
    assertThat(warnings(one("{\"name\":\"app\",\"image\":\"tomcat\",\"memoryReservation\":64}", ""))).isEmpty();
  }

  @Test
  void doesNotWarnForOtherImages() {
    assertThat(warnings(one("{\"name\":\"cache\",\"image\":\"memcached:1.6\",\"memory\":64}", ""))).isEmpty();
  }
}

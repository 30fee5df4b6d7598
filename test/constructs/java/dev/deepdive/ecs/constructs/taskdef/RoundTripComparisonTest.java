package dev.deepdive.ecs.constructs.taskdef;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The round-trip comparison itself catches each kind of unfaithful rendering. */
class RoundTripComparisonTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FILE = """
      {"family":"f","memory":"512","containerDefinitions":[{"name":"a","memory":64,
       "dockerLabels":{"com.example":"x"}}],
       "volumes":[{"name":"v","efsVolumeConfiguration":{"fileSystemId":"fs-1","authorizationConfig":{"iam":"ENABLED"}}}]}
      """;

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static final String FAITHFUL = """
      {"Family":"f","Memory":"512","ContainerDefinitions":[{"Name":"a","Memory":64,
       "DockerLabels":{"com.example":"x"}}],
       "Volumes":[{"Name":"v","EFSVolumeConfiguration":{"FilesystemId":"fs-1","AuthorizationConfig":{"IAM":"ENABLED"}}}],
       "ExecutionRoleArn":"arn"}
      """;

  @Test
  void acceptsAFaithfulRendering() {
    assertThat(RoundTripComparison.differences(json(FILE), json(FAITHFUL))).isEmpty();
  }

  @Test
  void reportsAChangedNumber() {
    assertThat(RoundTripComparison.differences(json(FILE), json(FAITHFUL.replace("\"Memory\":64", "\"Memory\":65"))))
        .containsExactly("containerDefinitions[0].memory: expected the number 64, got 65");
  }

  @Test
  void reportsARecasedFreeFormKey() {
    assertThat(RoundTripComparison.differences(json(FILE), json(FAITHFUL.replace("com.example", "Com.example"))))
        .singleElement().asString().startsWith("containerDefinitions[0].dockerLabels: free-form map changed");
  }

  @Test
  void reportsAMechanicallyCasedExceptionName() {
    assertThat(RoundTripComparison.differences(json(FILE), json(FAITHFUL.replace("FilesystemId", "FileSystemId"))))
        .contains("volumes[0].efsVolumeConfiguration.fileSystemId: missing (looked for FilesystemId)");
  }

  @Test
  void reportsAFieldTheFileDoesNotHave() {
    assertThat(RoundTripComparison.differences(json(FILE), json(FAITHFUL.replace("\"Name\":\"a\",",
        "\"Name\":\"a\",\"Essential\":true,"))))
        .containsExactly("containerDefinitions[0].Essential: not in the file but in the resource");
  }

  @Test
  void reportsTaskMemoryRenderedAsANumber() {
    assertThat(RoundTripComparison.differences(json(FILE), json(FAITHFUL.replace("\"Memory\":\"512\"", "\"Memory\":512"))))
        .containsExactly("memory: expected the string \"512\", got 512");
  }
}

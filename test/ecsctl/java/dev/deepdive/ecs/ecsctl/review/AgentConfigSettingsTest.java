package dev.deepdive.ecs.ecsctl.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ecs.config settings from asset shapes and user data encodings the synthesized assemblies do not cover. */
class AgentConfigSettingsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path cdkOut;

  private AgentConfigSettings settings(String resources, List<CloudAssembly.AssetSource> assets) throws Exception {
    JsonNode template = JSON.readTree("{\"Resources\": " + resources + "}");
    CloudAssembly.Stack stack = new CloudAssembly.Stack("dev", "dev/Cluster", template, assets,
        JsonNodeFactory.instance.objectNode());
    return AgentConfigSettings.of(stack, new StackResources(template), new AssemblyFiles(cdkOut));
  }

  @Test
  void readsEcsConfigFromAZippedAsset() throws Exception {
    Path zip = cdkOut.resolve("asset.abc.zip");
    try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
      out.putNextEntry(new ZipEntry("config/ecs.config"));
      out.write("# agent\nECS_ENABLE_TASK_IAM_ROLE=true\n\nECS_IMAGE_PULL_BEHAVIOR=once\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    AgentConfigSettings settings = settings("{}", List.of(new CloudAssembly.AssetSource("AgentConfig/Asset1", zip)));
    assertThat(settings.files()).singleElement().satisfies(file -> {
      assertThat(file.file()).isEqualTo("config/ecs.config");
      assertThat(file.settings()).containsExactly(new AgentConfigSettings.Setting("ECS_ENABLE_TASK_IAM_ROLE", "true"),
          new AgentConfigSettings.Setting("ECS_IMAGE_PULL_BEHAVIOR", "once"));
    });
  }

  @Test
  void decodesUserDataWrittenAsALiteralBase64String() throws Exception {
    String userData = Base64.getEncoder().encodeToString(
        "#!/bin/bash\necho ECS_CLUSTER=prod >> /etc/ecs/ecs.config\n".getBytes(StandardCharsets.UTF_8));
    AgentConfigSettings settings = settings("""
        {"Lt": {"Type": "AWS::EC2::LaunchTemplate", "Properties": {"LaunchTemplateData": {"UserData": "%s"}}}}"""
        .formatted(userData), List.of());
    assertThat(settings.userDataLines()).containsExactly(
        new AgentConfigSettings.UserDataLine("dev/Cluster", "Lt", "echo ECS_CLUSTER=prod >> /etc/ecs/ecs.config"));
  }

  @Test
  void ignoresAssetsWithoutEcsConfig() throws Exception {
    Path folder = Files.createDirectories(cdkOut.resolve("asset.def"));
    Files.writeString(folder.resolve("index.py"), "print('hello')\n");
    assertThat(settings("{}", List.of(new CloudAssembly.AssetSource("Handler/Code", folder))).files()).isEmpty();
  }

  @Test
  void keepsOnlyUserDataLinesThatWriteAgentSettings() throws Exception {
    String script = String.join("\\n", "#!/bin/bash",
        "# the cluster's own echo ECS_CLUSTER=... >> /etc/ecs/ecs.config must still run",
        "sed -n 's/^ECS_CLUSTER=//p' /etc/ecs/ecs.config",
        "cat <<'EOF' >> /etc/ecs/ecs.config",
        "ECS_ENABLE_SPOT_INSTANCE_DRAINING=true",
        "EOF",
        "echo ECS_CLUSTER=");
    AgentConfigSettings settings = settings("""
        {"Lt": {"Type": "AWS::EC2::LaunchTemplate", "Properties": {"LaunchTemplateData": {"UserData":
          {"Fn::Base64": {"Fn::Join": ["", ["%s", {"Ref": "Cluster"}, " >> /etc/ecs/ecs.config"]]}}}}}}"""
        .formatted(script), List.of());
    assertThat(settings.userDataLines()).extracting(AgentConfigSettings.UserDataLine::line).containsExactly(
        "ECS_ENABLE_SPOT_INSTANCE_DRAINING=true", "echo ECS_CLUSTER=${Cluster} >> /etc/ecs/ecs.config");
  }
}

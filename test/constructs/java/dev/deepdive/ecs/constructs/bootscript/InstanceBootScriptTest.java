package dev.deepdive.ecs.constructs.bootscript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deepdive.ecs.constructs.InstanceBootScript;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rendering the boot script: placeholders filled, bad values rejected before synth. */
class InstanceBootScriptTest {

  private static InstanceBootScript.Values dev() {
    return Environment.values(Environment.ECS_CONFIG_OBJECT);
  }

  /** The dev values with one replaced, by its name in messages. */
  private static InstanceBootScript.Values devWith(String parameter, String value) {
    InstanceBootScript.Values v = dev();
    return new InstanceBootScript.Values(
        parameter.equals("bucket") ? value : v.bucket(),
        parameter.equals("key") ? value : v.key(),
        parameter.equals("configSha256") ? value : v.configSha256(),
        parameter.equals("clusterName") ? value : v.clusterName(),
        parameter.equals("region") ? value : v.region(),
        parameter.equals("stackId") ? value : v.stackId(),
        parameter.equals("logicalId") ? value : v.logicalId(),
        v.registrationTimeoutSeconds());
  }

  private static List<String> render(InstanceBootScript.Values values) {
    return InstanceBootScript.render(values);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bucket", "key", "configSha256", "clusterName", "region", "stackId", "logicalId"})
  void rejectsABlankValue(String parameter) {
    assertThatThrownBy(() -> render(devWith(parameter, "  ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("InstanceBootScript: " + parameter + " must not be blank, got '  '");
  }

  @ParameterizedTest
  @ValueSource(strings = {"bucket", "key", "configSha256", "clusterName", "region", "stackId", "logicalId"})
  void rejectsANullValue(String parameter) {
    assertThatThrownBy(() -> render(devWith(parameter, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("InstanceBootScript: " + parameter + " must not be blank, got null");
  }

  @Test
  void reportsEveryBadValueAtOnce() {
    InstanceBootScript.Values v = dev();
    assertThatThrownBy(() -> render(new InstanceBootScript.Values("", null, v.configSha256(), v.clusterName(), "",
        v.stackId(), v.logicalId(), 30)))
        .hasMessage("InstanceBootScript: bucket must not be blank, got ''; key must not be blank, got null; "
            + "region must not be blank, got ''; registrationTimeoutSeconds must be 60 to 3600, got 30");
  }

  @Test
  void rejectsAClusterNameThatWouldBreakOutOfItsQuotes() {
    assertThatThrownBy(() -> render(devWith("clusterName", "dev\"; reboot; \"")))
        .hasMessage("InstanceBootScript: clusterName must be an ECS cluster name: 1-255 of A-Z a-z 0-9 _ - "
            + "(or a CDK token), got 'dev\"; reboot; \"'");
  }

  @Test
  void rejectsAnUppercaseBucketName() {
    assertThatThrownBy(() -> render(devWith("bucket", "Deep-Dive")))
        .hasMessageContaining("bucket must be an S3 bucket name: 3-63 of a-z 0-9 . - (or a CDK token), got 'Deep-Dive'");
  }

  @Test
  void rejectsAKeyWithALeadingSlash() {
    assertThatThrownBy(() -> render(devWith("key", "/ecs.config")))
        .hasMessageContaining("key must be made of A-Z a-z 0-9 . _ - / without a leading /");
  }

  @Test
  void rejectsSomethingThatIsNotARegion() {
    assertThatThrownBy(() -> render(devWith("region", "Ireland")))
        .hasMessageContaining("region must be an AWS region name such as eu-west-1 (or a CDK token), got 'Ireland'");
  }

  @Test
  void rejectsAHashThatIsNotSha256() {
    assertThatThrownBy(() -> render(devWith("configSha256", "abc")))
        .hasMessageContaining("configSha256 must be 64 lowercase hex digits (or a CDK token), got 'abc'");
  }

  @Test
  void rejectsAStackNameWhereTheStackIdBelongs() {
    assertThatThrownBy(() -> render(devWith("stackId", "dev-Cluster")))
        .hasMessageContaining("stackId must be a CloudFormation stack ID");
  }

  @Test
  void rejectsALogicalIdWithPunctuation() {
    assertThatThrownBy(() -> render(devWith("logicalId", "Container-Instances")))
        .hasMessageContaining("logicalId must be a CloudFormation logical ID: 1-255 of A-Z a-z 0-9");
  }

  @Test
  void acceptsCdkTokensAndPlacesThemInDoubleQuotes() {
    InstanceBootScript.Values v = dev();
    List<String> lines = render(new InstanceBootScript.Values("${Token[TOKEN.101]}", v.key(), v.configSha256(),
        "${Token[TOKEN.103]}", "${Token[AWS.Region.4]}", "${Token[AWS.StackId.9]}", "${Token[TOKEN.104]}", 600));

    assertThat(lines).contains(
        "readonly bucket=\"${Token[TOKEN.101]}\"",
        "readonly cluster=\"${Token[TOKEN.103]}\"",
        "readonly region=\"${Token[AWS.Region.4]}\"",
        "readonly stack=\"${Token[AWS.StackId.9]}\"",
        "readonly resource=\"${Token[TOKEN.104]}\"",
        "readonly registration_timeout=\"600\"");
  }

  @Test
  void checksTheLiteralPartOfAValueMixedWithAToken() {
    assertThatThrownBy(() -> render(devWith("key", "${Token[TOKEN.7]}/my config")))
        .hasMessageContaining("key must be made of");
  }

  @Test
  void fillsEveryPlaceholder() {
    assertThat(render(dev())).noneMatch(line -> line.contains("@@"));
  }

  @Test
  void placesTheClusterTheObjectMustNameAndTheHashItMustHave() {
    assertThat(render(dev())).contains("readonly cluster=\"deep-dive-dev\"",
        "readonly config_sha256=\"" + Environment.sha256(Environment.ECS_CONFIG_OBJECT) + "\"");
  }

  @Test
  void hasNoShebangSoCdkCanAddItsOwn() {
    assertThat(render(dev()).get(0)).doesNotStartWith("#!");
  }

  @Test
  void endsByStoppingTheUserDataWhenTheBootFails() {
    assertThat(render(dev())).last().isEqualTo("instance_boot || exit 1");
  }

  @Test
  void leavesOutCommentsBlankLinesAndIndentationButKeepsShellcheckDirectives() {
    List<String> lines = render(dev());
    assertThat(lines).filteredOn(line -> line.startsWith("#"))
        .isNotEmpty()
        .allMatch(line -> line.startsWith("# shellcheck "));
    assertThat(lines).noneMatch(String::isBlank).noneMatch(line -> line.startsWith(" "));
  }

  @Test
  void leavesRoomInTheUserDataLimitForTheLinesAfterIt() {
    InstanceBootScript.Values v = dev();
    List<String> lines = render(new InstanceBootScript.Values("b".repeat(63), "environments/" + "k".repeat(100)
        + "/ecs.config", v.configSha256(), "c".repeat(255), "ap-southeast-4",
        "arn:aws-us-gov:cloudformation:us-gov-west-1:111111111111:stack/" + "s".repeat(128)
            + "/0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9", "L".repeat(255), 3600));

    int bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8).length;

    assertThat(bytes).isLessThanOrEqualTo(InstanceBootScript.MAX_RENDERED_BYTES);
  }
}

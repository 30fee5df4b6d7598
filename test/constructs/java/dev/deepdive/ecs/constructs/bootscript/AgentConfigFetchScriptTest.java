package dev.deepdive.ecs.constructs.bootscript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deepdive.ecs.constructs.AgentConfigFetchScript;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Rendering the boot script: placeholders filled, bad values rejected before synth. */
class AgentConfigFetchScriptTest {

  private static List<String> render(String bucket, String key, String cluster, String region) {
    return AgentConfigFetchScript.render(bucket, key, cluster, region);
  }

  private static List<String> renderDev() {
    return render(Environment.BUCKET, Environment.KEY, Environment.CLUSTER, Environment.REGION);
  }

  private static String[] withBlank(String parameter, String blank) {
    return new String[] {
        parameter.equals("bucket") ? blank : Environment.BUCKET,
        parameter.equals("key") ? blank : Environment.KEY,
        parameter.equals("clusterName") ? blank : Environment.CLUSTER,
        parameter.equals("region") ? blank : Environment.REGION};
  }

  @ParameterizedTest
  @ValueSource(strings = {"bucket", "key", "clusterName", "region"})
  void rejectsABlankValue(String parameter) {
    String[] values = withBlank(parameter, "  ");

    assertThatThrownBy(() -> render(values[0], values[1], values[2], values[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("AgentConfigFetchScript: " + parameter + " must not be blank, got '  '");
  }

  @ParameterizedTest
  @ValueSource(strings = {"bucket", "key", "clusterName", "region"})
  void rejectsANullValue(String parameter) {
    String[] values = withBlank(parameter, null);

    assertThatThrownBy(() -> render(values[0], values[1], values[2], values[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("AgentConfigFetchScript: " + parameter + " must not be blank, got null");
  }

  @Test
  void reportsEveryBadValueAtOnce() {
    assertThatThrownBy(() -> render("", null, Environment.CLUSTER, ""))
        .hasMessage("AgentConfigFetchScript: bucket must not be blank, got ''; key must not be blank, got null; "
            + "region must not be blank, got ''");
  }

  @Test
  void rejectsAClusterNameThatWouldBreakOutOfItsQuotes() {
    assertThatThrownBy(() -> render(Environment.BUCKET, Environment.KEY, "dev\"; reboot; \"", Environment.REGION))
        .hasMessage("AgentConfigFetchScript: clusterName must be an ECS cluster name: 1-255 of A-Z a-z 0-9 _ - "
            + "(or a CDK token), got 'dev\"; reboot; \"'");
  }

  @Test
  void rejectsAnUppercaseBucketName() {
    assertThatThrownBy(() -> render("Deep-Dive", Environment.KEY, Environment.CLUSTER, Environment.REGION))
        .hasMessageContaining("bucket must be an S3 bucket name: 3-63 of a-z 0-9 . - (or a CDK token), got 'Deep-Dive'");
  }

  @Test
  void rejectsAKeyWithALeadingSlash() {
    assertThatThrownBy(() -> render(Environment.BUCKET, "/ecs.config", Environment.CLUSTER, Environment.REGION))
        .hasMessageContaining("key must be made of A-Z a-z 0-9 . _ - / without a leading /");
  }

  @Test
  void rejectsSomethingThatIsNotARegion() {
    assertThatThrownBy(() -> render(Environment.BUCKET, Environment.KEY, Environment.CLUSTER, "Ireland"))
        .hasMessageContaining("region must be an AWS region name such as eu-west-1 (or a CDK token), got 'Ireland'");
  }

  @Test
  void acceptsCdkTokensAndPlacesThemInDoubleQuotes() {
    List<String> lines = render("${Token[TOKEN.101]}", "${Token[TOKEN.102]}/ecs.config", "${Token[TOKEN.103]}",
        "${Token[AWS.Region.4]}");

    assertThat(lines).contains(
        "  readonly bucket=\"${Token[TOKEN.101]}\"",
        "  readonly key=\"${Token[TOKEN.102]}/ecs.config\"",
        "  readonly cluster=\"${Token[TOKEN.103]}\"",
        "  readonly region=\"${Token[AWS.Region.4]}\"");
  }

  @Test
  void checksTheLiteralPartOfAValueMixedWithAToken() {
    assertThatThrownBy(() -> render(Environment.BUCKET, "${Token[TOKEN.7]}/my config", Environment.CLUSTER,
        Environment.REGION))
        .hasMessageContaining("key must be made of");
  }

  @Test
  void fillsEveryPlaceholder() {
    assertThat(renderDev()).noneMatch(line -> line.contains("@@"));
  }

  @Test
  void placesTheClusterTheObjectMustName() {
    assertThat(renderDev()).contains("  readonly cluster=\"deep-dive-dev\"");
  }

  @Test
  void hasNoShebangSoCdkCanAddItsOwn() {
    assertThat(renderDev().get(0)).doesNotStartWith("#!");
  }

  @Test
  void endsByStoppingTheUserDataWhenTheFetchFails() {
    assertThat(renderDev()).last().isEqualTo("ecs_config_fetch || exit 1");
  }

  @Test
  void leavesOutCommentsButKeepsShellcheckDirectives() {
    assertThat(renderDev()).filteredOn(line -> line.strip().startsWith("#"))
        .isNotEmpty()
        .allMatch(line -> line.strip().startsWith("# shellcheck "));
  }

  @Test
  void leavesMostOfTheUserDataLimitToTheLinesAfterIt() {
    List<String> lines = render("b".repeat(63), "environments/" + "k".repeat(100) + "/ecs.config", "c".repeat(255),
        "ap-southeast-4");

    int bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8).length;

    assertThat(bytes).isLessThanOrEqualTo(AgentConfigFetchScript.MAX_RENDERED_BYTES);
  }
}

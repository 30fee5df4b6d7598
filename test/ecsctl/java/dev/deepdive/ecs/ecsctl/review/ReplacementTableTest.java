package dev.deepdive.ecs.ecsctl.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The replacement table is what CloudFormation's registry schemas say (through @aws-cdk/aws-service-spec), and
 * the review reads it right. When the package is upgraded, the first test names the command that regenerates it.
 */
class ReplacementTableTest {
  private static final String REGENERATE = "node bin/replacement-table.js > app/ecsctl/src/main/resources/dev/deepdive/"
      + "ecs/ecsctl/review/replacing-properties.tsv";

  @Test void theCheckedInTableIsWhatTheScriptPrintsFromTheServiceSpec() throws Exception {
    Process node = new ProcessBuilder("node", "bin/replacement-table.js")
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String printed = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(node.exitValue()).as("node bin/replacement-table.js").isZero();

    assertThat(table()).as("the table is out of date; regenerate it: " + REGENERATE).isEqualTo(printed);
  }

  @Test void coversEveryResourceTypeWithAReplacingProperty() {
    assertThat(ReplacementRules.types()).isGreaterThan(1000);
  }

  @Test void knowsTheReplacementsTurningOnHttpsCauses() {
    assertThat(ReplacementRules.rules("AWS::EC2::SecurityGroup"))
        .containsEntry("GroupDescription", ReplacementRules.Certainty.REPLACED);
    assertThat(ReplacementRules.rules("AWS::ElasticLoadBalancingV2::ListenerRule"))
        .containsEntry("ListenerArn", ReplacementRules.Certainty.REPLACED);
    assertThat(ReplacementRules.rules("AWS::ECS::Service")).containsEntry("Role", ReplacementRules.Certainty.REPLACED)
        .doesNotContainKey("DesiredCount");
  }

  @Test void marksPropertiesWhereOnlySomeChangesReplace() {
    assertThat(ReplacementRules.rules("AWS::EC2::Instance"))
        .containsEntry("InstanceType", ReplacementRules.Certainty.MAYBE);
  }

  @Test void findsTheCustomNameThatMakesAReplacementFail() throws Exception {
    JsonNode named = new ObjectMapper().readTree("{\"ServiceName\": \"web\", \"Cluster\": \"prod\"}");
    JsonNode group = new ObjectMapper().readTree("{\"GroupName\": \"lb\", \"GroupDescription\": \"x\"}");
    JsonNode unnamed = new ObjectMapper().readTree("{\"Cluster\": \"prod\"}");

    assertThat(ReplacementRules.customName("AWS::ECS::Service", named)).isEqualTo("ServiceName 'web'");
    assertThat(ReplacementRules.customName("AWS::EC2::SecurityGroup", group)).isEqualTo("GroupName 'lb'");
    assertThat(ReplacementRules.customName("AWS::ECS::Service", unnamed)).isNull();
  }

  private static String table() throws IOException {
    try (InputStream in = ReplacementRules.class.getResourceAsStream(ReplacementRules.TABLE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

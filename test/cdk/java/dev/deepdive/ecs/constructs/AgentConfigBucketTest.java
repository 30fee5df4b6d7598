package dev.deepdive.ecs.constructs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deepdive.ecs.testing.ShippedExample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class AgentConfigBucketTest {
  private final ShippedExample example = ShippedExample.get();
  private final Template cluster = example.template("dev", "Cluster");

  @Test
  void blocksAllPublicAccess() {
    cluster.hasResourceProperties("AWS::S3::Bucket", Map.of("PublicAccessBlockConfiguration", Map.of(
        "BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true, "RestrictPublicBuckets", true)));
  }

  @Test
  void isEncryptedAndVersioned() {
    cluster.hasResourceProperties("AWS::S3::Bucket", Map.of(
        "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(
            Map.of("ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
        "VersioningConfiguration", Map.of("Status", "Enabled")));
  }

  @Test
  void refusesRequestsWithoutTls() {
    cluster.hasResourceProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Map.of("Statement",
        Match.arrayWith(List.of(Match.objectLike(Map.of(
            "Effect", "Deny",
            "Action", "s3:*",
            "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
  }

  @Test
  void theDeploymentWritesTheEcsConfigObject() {
    cluster.hasResourceProperties("Custom::CDKBucketDeployment", Map.of(
        "DestinationBucketName", Map.of("Ref", Match.stringLikeRegexp("AgentConfigBucket.*")),
        "Prune", false));
  }

  @Test
  void theObjectNamesTheClusterFirstThenBlocksImdsThenTheAgentSettings() throws IOException {
    assertThat(deployedEcsConfigs()).contains("ECS_CLUSTER=deep-dive-dev\nECS_AWSVPC_BLOCK_IMDS=true\n"
        + "ECS_ENABLE_CONTAINER_METADATA=true\nECS_CONTAINER_STOP_TIMEOUT=30s\n");
  }

  /** The ecs.config files among the assembly's assets: what the bucket deployment uploads. */
  private List<String> deployedEcsConfigs() throws IOException {
    try (Stream<Path> files = Files.walk(example.outdir())) {
      return files.filter(p -> p.getFileName().toString().equals(AgentConfigBucket.OBJECT_KEY))
          .map(AgentConfigBucketTest::read).toList();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void rejectsEcsClusterAmongTheAgentSettings() {
    assertThatThrownBy(() -> new AgentConfigBucketProps("deep-dive-dev", Map.of("ECS_CLUSTER", "other")))
        .hasMessage("agentSettings.ECS_CLUSTER: not allowed here, got \"other\"; the tool writes ECS_CLUSTER from"
            + " clusterName, so remove this line");
  }

  @Test
  void rejectsSettingsThatAreNotAgentSettings() {
    assertThatThrownBy(() -> new AgentConfigBucketProps("deep-dive-dev", Map.of("PATH", "/bin")))
        .hasMessage("agentSettings.PATH: not an ECS agent setting name, got \"PATH\"; expected ECS_ followed by"
            + " capital letters, digits or _, e.g. ECS_LOGLEVEL");
  }

  @Test
  void rejectsAValueThatWouldAddALine() {
    assertThatThrownBy(() -> new AgentConfigBucketProps("c", Map.of("ECS_LOGLEVEL", "info\nECS_CLUSTER=other")))
        .hasMessageContaining("agentSettings.ECS_LOGLEVEL: must not contain a line break or NUL");
  }

  @Test
  void keepsTheOrderOfTheSettings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("ECS_LOGLEVEL", "debug");
    settings.put("ECS_ENABLE_TASK_IAM_ROLE", "true");
    assertThat(new AgentConfigBucketProps("c", settings).ecsConfig())
        .isEqualTo("ECS_CLUSTER=c\nECS_AWSVPC_BLOCK_IMDS=true\nECS_LOGLEVEL=debug\nECS_ENABLE_TASK_IAM_ROLE=true\n");
  }

  @Test
  void anEnvironmentThatSetsEcsAwsvpcBlockImdsItselfGetsOnlyItsOwnValue() {
    assertThat(new AgentConfigBucketProps("c", Map.of("ECS_AWSVPC_BLOCK_IMDS", "false")).ecsConfig())
        .isEqualTo("ECS_CLUSTER=c\nECS_AWSVPC_BLOCK_IMDS=false\n");
  }

  @Test
  void logsEveryRequestIntoItsAccessLogBucket() {
    cluster.hasResourceProperties("AWS::S3::Bucket", Map.of("LoggingConfiguration", Map.of(
        "DestinationBucketName", Map.of("Ref", Match.stringLikeRegexp("AgentConfigAccessLogsBucket.*")),
        "LogFilePrefix", AgentConfigBucket.ACCESS_LOG_PREFIX)));
  }

  @Test
  void theAccessLogBucketAdmitsS3LogDeliveryForTheConfigBucketOnly() {
    cluster.hasResourceProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Map.of("Statement",
        Match.arrayWith(List.of(Match.objectLike(Map.of(
            "Principal", Map.of("Service", "logging.s3.amazonaws.com"),
            "Action", "s3:PutObject",
            "Condition", Match.objectLike(Map.of("ArnLike", Map.of("aws:SourceArn",
                Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("AgentConfigBucket.*"), "Arn"))))))))))));
  }

  @Test
  void accessLogsExpireAfterAYear() {
    cluster.hasResourceProperties("AWS::S3::Bucket", Map.of("LifecycleConfiguration", Map.of("Rules",
        Match.arrayWith(List.of(Match.objectLike(Map.of("ExpirationInDays", AccessLogsBucket.EXPIRY_DAYS)))))));
  }
}

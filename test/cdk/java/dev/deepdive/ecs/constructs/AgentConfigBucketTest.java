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
import dev.deepdive.ecs.testing.TestStacks;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
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
  void theDeploymentWritesTheEcsConfigObjectAndKeepsEarlierOnes() {
    cluster.hasResourceProperties("Custom::CDKBucketDeployment", Map.of(
        "DestinationBucketName", Map.of("Ref", Match.stringLikeRegexp("AgentConfigBucket.*")),
        "Prune", false));
  }

  @Test
  void theObjectKeyIsTheSha256OfItsContent() throws Exception {
    AgentConfigBucket config = example.stage("dev").clusterStack().agentConfig();
    String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest(config.ecsConfig().getBytes(StandardCharsets.UTF_8)));

    assertThat(config.configSha256()).isEqualTo(sha256);
    assertThat(config.objectKey()).isEqualTo(sha256 + "/ecs.config");
  }

  @Test
  void aDifferentContentGetsADifferentKey() {
    Stack stack = TestStacks.withTwoZones();
    AgentConfigBucket a = new AgentConfigBucket(stack, "A",
        new AgentConfigBucketProps("c", Map.of("ECS_LOGLEVEL", "info"), false));
    AgentConfigBucket b = new AgentConfigBucket(stack, "B",
        new AgentConfigBucketProps("c", Map.of("ECS_LOGLEVEL", "debug"), false));

    assertThat(a.objectKey()).isNotEqualTo(b.objectKey());
  }

  @Test
  void theObjectNamesTheClusterFirstThenBlocksImdsThenTheAgentSettings() throws IOException {
    assertThat(deployedEcsConfigs()).contains("ECS_CLUSTER=deep-dive-dev\nECS_AWSVPC_BLOCK_IMDS=true\n"
        + "ECS_ENABLE_CONTAINER_METADATA=true\nECS_CONTAINER_STOP_TIMEOUT=30s\n");
  }

  /** The ecs.config files among the assembly's assets: what the bucket deployment uploads. */
  private List<String> deployedEcsConfigs() throws IOException {
    try (Stream<Path> files = Files.walk(example.outdir())) {
      return files.filter(p -> p.getFileName().toString().equals(AgentConfigBucket.OBJECT_NAME))
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
    assertThatThrownBy(() -> new AgentConfigBucketProps("deep-dive-dev", Map.of("ECS_CLUSTER", "other"), false))
        .hasMessage("agentSettings.ECS_CLUSTER: not allowed here, got \"other\"; the tool writes ECS_CLUSTER from"
            + " clusterName, so remove this line");
  }

  @Test
  void rejectsSettingsThatAreNotAgentSettings() {
    assertThatThrownBy(() -> new AgentConfigBucketProps("deep-dive-dev", Map.of("PATH", "/bin"), false))
        .hasMessage("agentSettings.PATH: not an ECS agent setting name, got \"PATH\"; expected ECS_ followed by"
            + " capital letters, digits or _, e.g. ECS_LOGLEVEL");
  }

  @Test
  void rejectsAValueThatWouldAddALine() {
    assertThatThrownBy(() -> new AgentConfigBucketProps("c", Map.of("ECS_LOGLEVEL", "info\nECS_CLUSTER=other"),
        false))
        .hasMessageContaining("agentSettings.ECS_LOGLEVEL: must not contain a line break or NUL");
  }

  @Test
  void keepsTheOrderOfTheSettings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("ECS_LOGLEVEL", "debug");
    settings.put("ECS_ENABLE_TASK_IAM_ROLE", "true");
    assertThat(new AgentConfigBucketProps("c", settings, false).ecsConfig())
        .isEqualTo("ECS_CLUSTER=c\nECS_AWSVPC_BLOCK_IMDS=true\nECS_LOGLEVEL=debug\nECS_ENABLE_TASK_IAM_ROLE=true\n");
  }

  @Test
  void anEnvironmentThatSetsEcsAwsvpcBlockImdsItselfGetsOnlyItsOwnValue() {
    assertThat(new AgentConfigBucketProps("c", Map.of("ECS_AWSVPC_BLOCK_IMDS", "false"), false).ecsConfig())
        .isEqualTo("ECS_CLUSTER=c\nECS_AWSVPC_BLOCK_IMDS=false\n");
  }

  @Test
  void withSpotTheAgentDrainsAnInstanceOnItsInterruptionNotice() {
    assertThat(new AgentConfigBucketProps("c", Map.of("ECS_LOGLEVEL", "info"), true).ecsConfig())
        .isEqualTo("ECS_CLUSTER=c\nECS_AWSVPC_BLOCK_IMDS=true\nECS_ENABLE_SPOT_INSTANCE_DRAINING=true\n"
            + "ECS_LOGLEVEL=info\n");
  }

  @Test
  void withSpotAnExplicitTrueIsWrittenOnce() {
    assertThat(new AgentConfigBucketProps("c", Map.of("ECS_ENABLE_SPOT_INSTANCE_DRAINING", "true"), true).ecsConfig())
        .isEqualTo("ECS_CLUSTER=c\nECS_AWSVPC_BLOCK_IMDS=true\nECS_ENABLE_SPOT_INSTANCE_DRAINING=true\n");
  }

  @Test
  void withSpotRejectsTurningSpotDrainingOff() {
    assertThatThrownBy(() -> new AgentConfigBucketProps("c", Map.of("ECS_ENABLE_SPOT_INSTANCE_DRAINING", "false"),
        true)).hasMessageContaining("agentSettings.ECS_ENABLE_SPOT_INSTANCE_DRAINING: must be \"true\" or left out"
        + " when the capacity includes Spot Instances");
  }

  @Test
  void rejectsATokenClusterNameBecauseTheHashIsComputedAtSynth() {
    assertThatThrownBy(() -> new AgentConfigBucketProps(software.amazon.awscdk.Aws.STACK_NAME, Map.of(), false))
        .hasMessageContaining("clusterName: must be a literal name");
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

package dev.deepdive.ecs.constructs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.GrantOnPrincipalOptions;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.Source;
import software.constructs.Construct;
import software.constructs.IDependable;

/**
 * The private bucket that holds the environment's {@code ecs.config}, and the object itself, written by the
 * deployment (a {@link BucketDeployment}), so what the agent reads is always what the environment file says.
 *
 * <p>The object's key names its content: {@code <SHA-256 of the content>/ecs.config} ({@link #objectKey()}). A
 * changed configuration is a new object under a new key, and the launch template's user data names the key, so a
 * configuration change changes the launch template, and the Auto Scaling group's rolling update replaces the
 * instances. Earlier objects stay (the deployment does not prune), so an instance launched from an earlier launch
 * template version, during a rollback for example, reads exactly the configuration it was made with.
 *
 * <p>The bucket is private (all public access blocked), encrypted with S3-managed keys (the instances then need
 * no KMS grant), TLS-only and versioned (an earlier config can be restored). It holds nothing but generated
 * configuration, so {@code cdk destroy} empties and deletes it instead of failing on a non-empty bucket.
 *
 * <p>Every request to it (which instance read the configuration, when) goes to its own {@link AccessLogsBucket},
 * under {@value #ACCESS_LOG_PREFIX}.
 */
public final class AgentConfigBucket extends Construct {
  /** The object's name under its content's SHA-256: the file name the ECS agent reads its settings from. */
  public static final String OBJECT_NAME = "ecs.config";
  /** Where the bucket's server access logs go in the access log bucket. */
  public static final String ACCESS_LOG_PREFIX = "agent-config/";

  private final AccessLogsBucket accessLogs;
  private final Bucket bucket;
  private final BucketDeployment deployment;
  private final String ecsConfig;
  private final Map<String, String> agentSettings;
  private final String sha256;
  private final boolean spotInstanceDraining;

  public AgentConfigBucket(Construct scope, String id, AgentConfigBucketProps props) {
    super(scope, id);
    this.ecsConfig = props.ecsConfig();
    this.agentSettings = props.effectiveSettings();
    this.sha256 = sha256Hex(ecsConfig);
    this.spotInstanceDraining = props.spotInstanceDraining();
    this.accessLogs = new AccessLogsBucket(this, "AccessLogs");
    this.bucket = Bucket.Builder.create(this, "Bucket")
        .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
        .encryption(BucketEncryption.S3_MANAGED)
        .enforceSsl(true)
        .versioned(true)
        .removalPolicy(RemovalPolicy.DESTROY)
        .autoDeleteObjects(true)
        .build();
    accessLogs.receiveServerAccessLogs(bucket, ACCESS_LOG_PREFIX);
    // The copy handler's own log group, with retention: explicit, so the template is the same whether or not
    // cdk.json's @aws-cdk/aws-lambda:useCdkManagedLogGroup would have made one.
    LogGroup deploymentLogs = LogGroup.Builder.create(this, "DeploymentLogs")
        .retention(RetentionDays.ONE_MONTH)
        .removalPolicy(RemovalPolicy.DESTROY)
        .build();
    DesignSuppressions.suppress(deploymentLogs, "NIST.800.53.R5-CloudWatchLogGroupEncrypted",
        "Logs of the deployment-time copy of ecs.config (object keys and status, not the content); CloudWatch Logs"
            + " encrypts them at rest with keys it manages, and a customer managed key would cost a monthly fee");
    this.deployment = BucketDeployment.Builder.create(this, "EcsConfig")
        .destinationBucket(bucket)
        .logGroup(deploymentLogs)
        .sources(List.of(Source.data(objectKey(), ecsConfig)))
        // Earlier configurations stay: instances of earlier launch template versions (a rollback) read them.
        .prune(false)
        .build();
    DesignSuppressions.suppress(bucket, "NIST.800.53.R5-S3DefaultEncryptionKMS",
        "Holds only ecs.config, generated from the environment file in the repository; S3-managed keys encrypt it"
            + " at rest, and a KMS key would add a key grant to every instance without hiding anything the"
            + " repository does not already show");
    DesignSuppressions.suppress(bucket, "NIST.800.53.R5-S3BucketReplicationEnabled",
        "Holds only generated configuration that every deployment writes again; versioning keeps earlier"
            + " versions, and a replica in another region would have nothing to restore that a deploy does not");
  }

  /**
   * {@code s3:GetObject} on the {@code ecs.config} objects alone ({@code <bucket>/*}{@code /ecs.config}): no
   * listing, no other keys, no bucket settings. Every configuration the bucket has held, not just the current one:
   * during a rolling update and its rollback, instances of the previous launch template version read the previous
   * object, while the role's policy already has this deployment's version. (S3ReadOnlyAccess, the usual grant,
   * allows {@code s3:Get*} and {@code s3:List*} on every bucket in the account.)
   */
  public Grant grantReadConfig(IGrantable grantee) {
    return Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
        .grantee(grantee)
        .actions(List.of("s3:GetObject"))
        .resourceArns(List.of(configObjectsArn()))
        .build());
  }

  /** The ARN pattern {@link #grantReadConfig} grants: every {@code ecs.config} object of the bucket. */
  public String configObjectsArn() {
    return bucket.arnForObjects("*/" + OBJECT_NAME);
  }

  /** Where the current configuration is: {@code <SHA-256 of the content, hex>/ecs.config}. */
  public String objectKey() {
    return sha256 + "/" + OBJECT_NAME;
  }

  /** The SHA-256 of {@link #ecsConfig()} (UTF-8), 64 lowercase hex digits. */
  public String configSha256() {
    return sha256;
  }

  /** Whether the configuration turns on the agent's Spot Instance draining. */
  public boolean spotInstanceDraining() {
    return spotInstanceDraining;
  }

  public IBucket bucket() {
    return bucket;
  }

  /** Where the bucket's server access logs go. */
  public IBucket accessLogsBucket() {
    return accessLogs.bucket();
  }

  /** The object is in place once this is deployed: instances that read it at boot depend on it. */
  public IDependable configObjectWritten() {
    return deployment;
  }

  /** The settings in {@code ecs.config} besides {@code ECS_CLUSTER}, in file order. */
  public Map<String, String> agentSettings() {
    return agentSettings;
  }

  /** The exact content of {@code ecs.config}. */
  public String ecsConfig() {
    return ecsConfig;
  }

  private static String sha256Hex(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}

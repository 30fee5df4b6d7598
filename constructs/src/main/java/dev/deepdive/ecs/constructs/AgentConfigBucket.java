package dev.deepdive.ecs.constructs;

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
 * <p>The bucket is private (all public access blocked), encrypted with S3-managed keys (the instances then need
 * no KMS grant), TLS-only and versioned (an earlier config can be restored). It holds nothing but generated
 * configuration, so {@code cdk destroy} empties and deletes it instead of failing on a non-empty bucket.
 *
 * <p>Every request to it (which instance read the configuration, when) goes to its own {@link AccessLogsBucket},
 * under {@value #ACCESS_LOG_PREFIX}.
 */
public final class AgentConfigBucket extends Construct {
  /** The object key: {@code s3://<bucket>/ecs.config}, the file name the ECS agent reads its settings from. */
  public static final String OBJECT_KEY = "ecs.config";
  /** Where the bucket's server access logs go in the access log bucket. */
  public static final String ACCESS_LOG_PREFIX = "agent-config/";

  private final AccessLogsBucket accessLogs;
  private final Bucket bucket;
  private final BucketDeployment deployment;
  private final String ecsConfig;
  private final Map<String, String> agentSettings;

  public AgentConfigBucket(Construct scope, String id, AgentConfigBucketProps props) {
    super(scope, id);
    this.ecsConfig = props.ecsConfig();
    this.agentSettings = props.effectiveSettings();
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
        .sources(List.of(Source.data(OBJECT_KEY, ecsConfig)))
        // Other objects (earlier versions are kept by versioning) are not this deployment's to delete.
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
   * {@code s3:GetObject} on the {@code ecs.config} object alone: no listing, no other keys, no bucket
   * settings. (S3ReadOnlyAccess, the usual grant, allows {@code s3:Get*} and {@code s3:List*} on every bucket in the
   * account.)
   */
  public Grant grantReadConfig(IGrantable grantee) {
    return Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
        .grantee(grantee)
        .actions(List.of("s3:GetObject"))
        .resourceArns(List.of(bucket.arnForObjects(OBJECT_KEY)))
        .build());
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
}

package dev.deepdive.ecs.constructs;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Names;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CfnBucket;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * A bucket that AWS services deliver logs into (S3 server access logs, load balancer access logs): private,
 * TLS-only, versioned, encrypted with S3-managed keys, every object deleted {@link #EXPIRY_DAYS} days after it
 * arrives (and old versions a day after they are replaced).
 *
 * <p>S3-managed keys because those are the only encryption the delivering services write into: S3 server access
 * logging and Elastic Load Balancing both refuse a target bucket whose default encryption is SSE-KMS. The bucket
 * is kept when its stack is destroyed: logs are evidence, and the expiry empties it in time.
 */
public final class AccessLogsBucket extends Construct {
  /** A year of access logs, the usual audit horizon. */
  public static final int EXPIRY_DAYS = 365;

  private final Bucket bucket;

  public AccessLogsBucket(Construct scope, String id) {
    super(scope, id);
    this.bucket = Bucket.Builder.create(this, "Bucket")
        .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
        .encryption(BucketEncryption.S3_MANAGED)
        .enforceSsl(true)
        .versioned(true)
        // Delivery is authorised by bucket policies; ACLs stay off.
        .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
        .lifecycleRules(List.of(LifecycleRule.builder()
            .id("ExpireLogs")
            .expiration(SharedCdkValues.days(EXPIRY_DAYS))
            .noncurrentVersionExpiration(SharedCdkValues.days(1))
            .abortIncompleteMultipartUploadAfter(SharedCdkValues.days(1))
            .build()))
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    String selfLogging = "This is the access log bucket: logging its own access into itself would log every"
        + " delivery again, and into another bucket only moves the question there";
    DesignSuppressions.suppress(bucket, "AwsSolutions-S1", selfLogging);
    DesignSuppressions.suppress(bucket, "NIST.800.53.R5-S3BucketLoggingEnabled", selfLogging);
    DesignSuppressions.suppress(bucket, "NIST.800.53.R5-S3DefaultEncryptionKMS",
        "S3 server access logging and Elastic Load Balancing deliver only into buckets encrypted with S3-managed"
            + " keys (SSE-S3); SSE-KMS would stop the delivery");
    DesignSuppressions.suppress(bucket, "NIST.800.53.R5-S3BucketReplicationEnabled",
        "Access logs of one environment; versioning keeps overwritten or deleted logs for a day, and a replica"
            + " in a second region would double the storage for logs that expire after a year anyway");
  }

  /**
   * Makes {@code source} log every request into this bucket under {@code prefix}, delivered by S3's logging service
   * under a bucket policy that admits it for {@code source} and this account only.
   *
   * <p>Not {@code Bucket.Builder.serverAccessLogsBucket}: without the feature flag
   * {@code @aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy} that switches this bucket to ACLs, which it keeps off;
   * this way the template is the same with or without cdk.json's context.
   * https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html
   */
  public void receiveServerAccessLogs(Bucket source, String prefix) {
    CfnBucket cfnSource = (CfnBucket) source.getNode().getDefaultChild();
    cfnSource.setLoggingConfiguration(CfnBucket.LoggingConfigurationProperty.builder()
        .destinationBucketName(bucket.getBucketName())
        .logFilePrefix(prefix)
        .build());
    bucket.addToResourcePolicy(PolicyStatement.Builder.create()
        .sid("ServerAccessLogsFrom" + Names.uniqueId(source).replaceAll("[^A-Za-z0-9]", ""))
        .principals(List.of(new ServicePrincipal("logging.s3.amazonaws.com")))
        .actions(List.of("s3:PutObject"))
        .resources(List.of(bucket.arnForObjects(prefix + "*")))
        // A sorted map: Map.of iterates in a different order on every JVM, and the template must not change.
        .conditions(new TreeMap<>(Map.of(
            "ArnLike", Map.of("aws:SourceArn", source.getBucketArn()),
            "StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID))))
        .build());
  }

  public IBucket bucket() {
    return bucket;
  }
}

package dev.deepdive.ecs.constructs;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ecs.ExecuteCommandConfiguration;
import software.amazon.awscdk.services.ecs.ExecuteCommandLogConfiguration;
import software.amazon.awscdk.services.ecs.ExecuteCommandLogging;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * A cluster's ECS Exec audit trail: a customer managed KMS key (rotated yearly) that encrypts every session,
 * and the record of each session's commands and output, in a CloudWatch Logs group encrypted with that key or
 * in an S3 bucket with encryption required. The cluster takes {@link #configuration()}; each service with ECS
 * Exec takes {@link #access()} for its task role.
 *
 * <p>ECS requires the log group to be KMS-encrypted when {@code cloudWatchEncryptionEnabled} is set, and CloudWatch
 * Logs may use a key only if its key policy lets the regional logs service principal do so for log groups of
 * this account and region (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html).
 */
public final class ExecuteCommandAudit extends Construct {
  private final Key key;
  private final Optional<LogGroup> logGroup;
  private final Optional<IBucket> bucket;
  private final Optional<String> keyPrefix;

  /**
   * @param bucket records go to this bucket under {@code keyPrefix}; empty: to a new log group keeping them
   *     {@code retention}
   */
  public ExecuteCommandAudit(Construct scope, String id, String clusterName, RetentionDays retention,
      Optional<IBucket> bucket, Optional<String> keyPrefix) {
    super(scope, id);
    this.key = Key.Builder.create(this, "Key")
        .description("ECS Exec sessions of cluster " + clusterName + ": session encryption and audit log")
        .enableKeyRotation(true)
        .removalPolicy(RemovalPolicy.DESTROY)
        .build();
    this.bucket = bucket;
    this.keyPrefix = bucket.isPresent() ? Optional.of(keyPrefix.orElse("ecs-exec/")) : Optional.empty();
    if (bucket.isEmpty()) {
      key.addToResourcePolicy(PolicyStatement.Builder.create()
          .principals(List.of(new ServicePrincipal("logs." + Aws.REGION + ".amazonaws.com")))
          .actions(List.of("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"))
          .resources(List.of("*"))
          .conditions(Map.of("ArnLike", Map.of("kms:EncryptionContext:aws:logs:arn",
              "arn:" + Aws.PARTITION + ":logs:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":log-group:*")))
          .build());
      this.logGroup = Optional.of(LogGroup.Builder.create(this, "Logs")
          .encryptionKey(key)
          .retention(retention)
          .removalPolicy(RemovalPolicy.DESTROY)
          .build());
    } else {
      this.logGroup = Optional.empty();
    }
  }

  /** The cluster's execute-command configuration: this key, logging OVERRIDE to the records, encrypted. */
  public ExecuteCommandConfiguration configuration() {
    ExecuteCommandLogConfiguration.Builder log = ExecuteCommandLogConfiguration.builder();
    logGroup.ifPresent(group -> log.cloudWatchLogGroup(group).cloudWatchEncryptionEnabled(true));
    bucket.ifPresent(b -> log.s3Bucket(b).s3EncryptionEnabled(true).s3KeyPrefix(keyPrefix.orElseThrow()));
    return ExecuteCommandConfiguration.builder()
        .kmsKey(key)
        .logging(ExecuteCommandLogging.OVERRIDE)
        .logConfiguration(log.build())
        .build();
  }

  /** What the services' task roles are granted. */
  public ExecuteCommandAccess access() {
    return new ExecuteCommandAccess(key, logGroup.map(g -> g), bucket, keyPrefix);
  }
}

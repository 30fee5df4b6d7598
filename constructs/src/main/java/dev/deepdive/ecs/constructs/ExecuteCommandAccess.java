package dev.deepdive.ecs.constructs;

import java.util.Objects;
import java.util.Optional;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.s3.IBucket;

/**
 * What a service with ECS Exec needs from its cluster's execute-command configuration
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html): the KMS key that encrypts the
 * session between the operator and the container, and where the session's commands and output are recorded.
 * Made by {@link ExecuteCommandAudit}.
 *
 * @param key encrypts the session data channel; the task role may decrypt with it
 * @param logGroup records sessions in CloudWatch Logs (encrypted with {@code key}); empty when {@code bucket}
 * @param bucket records sessions in S3 (encrypted); empty when {@code logGroup}
 * @param keyPrefix the S3 key prefix of the records, e.g. {@code ecs-exec/}; empty for a log group
 */
public record ExecuteCommandAccess(IKey key, Optional<ILogGroup> logGroup, Optional<IBucket> bucket,
    Optional<String> keyPrefix) {
  public ExecuteCommandAccess {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(logGroup, "logGroup");
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(keyPrefix, "keyPrefix");
    if (logGroup.isPresent() == bucket.isPresent()) {
      throw new IllegalArgumentException("ECS Exec records go to a log group or to a bucket: exactly one");
    }
  }
}

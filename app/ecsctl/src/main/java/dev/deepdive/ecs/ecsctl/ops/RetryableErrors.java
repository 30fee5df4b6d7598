package dev.deepdive.ecs.ecsctl.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Which failures are worth another attempt. Pure functions, so the policy is testable without a client.
 *
 * <p>ECS reports throttling as HTTP 400 with error code {@code ThrottlingException}; SDK v2 has no ECS class
 * for it, so it is recognised by its error code (see
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/CommonErrors.html).
 */
public final class RetryableErrors {

  /** Error codes AWS services use for "slow down"; ECS uses the first, the others appear behind proxies and in STS. */
  static final Set<String> THROTTLING_CODES = Set.of(
      "ThrottlingException", "Throttling", "TooManyRequestsException", "RequestLimitExceeded",
      "RequestThrottled", "RequestThrottledException", "SlowDown", "ProvisionedThroughputExceededException");

  private RetryableErrors() {}

  /** True for throttling, recognised by error code or HTTP 429. */
  public static boolean isThrottling(Throwable error) {
    if (error instanceof AwsServiceException service) {
      String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
      return (code != null && THROTTLING_CODES.contains(code)) || service.statusCode() == 429;
    }
    return false;
  }

  /**
   * True for throttling, any HTTP 5xx (ECS's ServerException is a 500), an attempt that timed out, and I/O
   * failures before an answer arrived.
   */
  public static boolean isRetryable(Throwable error) {
    if (isThrottling(error)) {
      return true;
    }
    if (error instanceof AwsServiceException service) {
      return service.statusCode() >= 500;
    }
    if (error instanceof ApiCallAttemptTimeoutException) {
      // One attempt hung; the next may not. The call as a whole stays bounded by apiCallTimeout.
      return true;
    }
    if (error instanceof SdkClientException) {
      // Connection reset, refused mid-run or a read timeout: the request may not have reached ECS.
      // Every ECS call ecsctl makes is idempotent (set desired count 0, delete, describe), so a repeat is safe.
      for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof IOException || cause instanceof UncheckedIOException) {
          return true;
        }
      }
    }
    return false;
  }
}

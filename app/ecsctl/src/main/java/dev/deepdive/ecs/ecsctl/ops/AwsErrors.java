package dev.deepdive.ecs.ecsctl.ops;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;

/** The AWS error code and message of a failed call, as users and scripts see them. */
public final class AwsErrors {
  private AwsErrors() {}

  /** ECS's error code (e.g. {@code ClusterNotFoundException}), or a short name for client-side failures. */
  public static String code(Throwable error) {
    if (error instanceof AwsServiceException service && service.awsErrorDetails() != null
        && service.awsErrorDetails().errorCode() != null) {
      return service.awsErrorDetails().errorCode();
    }
    if (error instanceof DescribeFailureException failure) {
      return failure.reason();
    }
    if (error instanceof ApiCallTimeoutException || error instanceof ApiCallAttemptTimeoutException) {
      return "ApiCallTimeout";
    }
    return error.getClass().getSimpleName();
  }

  /** ECS's message without the SDK's "(Service: Ecs, Status Code: ..., Request ID: ...)" suffix. */
  public static String message(Throwable error) {
    if (error instanceof AwsServiceException service && service.awsErrorDetails() != null
        && service.awsErrorDetails().errorMessage() != null) {
      return service.awsErrorDetails().errorMessage();
    }
    return String.valueOf(error.getMessage());
  }

  /** {@code Code: message}, the form every ecsctl error line uses for AWS failures. */
  public static String describe(Throwable error) {
    return code(error) + ": " + message(error);
  }
}

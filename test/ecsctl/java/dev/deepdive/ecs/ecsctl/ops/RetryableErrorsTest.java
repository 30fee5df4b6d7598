package dev.deepdive.ecs.ecsctl.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.ServerException;

class RetryableErrorsTest {

  private static AwsServiceException error(int status, String code) {
    return EcsException.builder().statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("m").build()).build();
  }

  @Test void throttlingExceptionIsRecognisedByItsErrorCode() {
    assertThat(RetryableErrors.isThrottling(error(400, "ThrottlingException"))).isTrue();
    assertThat(RetryableErrors.isRetryable(error(400, "ThrottlingException"))).isTrue();
  }

  @Test void http429IsThrottlingWhateverItsCode() {
    assertThat(RetryableErrors.isThrottling(error(429, "SomethingElse"))).isTrue();
  }

  @Test void serverErrorsAreRetriedButNotThrottling() {
    AwsServiceException server = ServerException.builder().statusCode(500)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ServerException").build()).build();

    assertThat(RetryableErrors.isRetryable(server)).isTrue();
    assertThat(RetryableErrors.isRetryable(error(503, "ServiceUnavailableException"))).isTrue();
    assertThat(RetryableErrors.isThrottling(server)).isFalse();
  }

  @Test void clientErrorsAreNotRetried() {
    AwsServiceException missing = ClusterNotFoundException.builder().statusCode(400)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ClusterNotFoundException").build()).build();

    assertThat(RetryableErrors.isRetryable(missing)).isFalse();
    assertThat(RetryableErrors.isRetryable(error(400, "AccessDeniedException"))).isFalse();
  }

  @Test void ioFailuresBeforeAnAnswerAreRetried() {
    SdkClientException reset = SdkClientException.create("Unable to execute HTTP request",
        new IOException("Connection reset"));

    assertThat(RetryableErrors.isRetryable(reset)).isTrue();
  }

  @Test void aTimedOutAttemptIsRetried() {
    assertThat(RetryableErrors.isRetryable(ApiCallAttemptTimeoutException.create(10_000))).isTrue();
  }

  @Test void clientFailuresWithoutIoAreNotRetried() {
    assertThat(RetryableErrors.isRetryable(SdkClientException.create("Unable to load credentials"))).isFalse();
  }
}

package dev.deepdive.ecs.ecsctl.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** The failures the command-line tests cannot provoke on 127.0.0.1: DNS, TLS, whole-call timeouts, 5xx. */
class AwsErrorsTest {
  private static final ClientSettings REGIONAL = ClientSettings.of("eu-west-1", null, null);
  private static final AskedFor WEB = AskedFor.services("prod", List.of("web"));

  @Test void anUnresolvableHostIsNamedWithTheRegionalEndpoint() {
    SdkClientException e = SdkClientException.create("Unable to execute HTTP request: ecs.eu-west-1.amazonaws.com",
        new UnknownHostException("ecs.eu-west-1.amazonaws.com"));

    AwsFailure failure = AwsErrors.explain(e, WEB, REGIONAL).orElseThrow();

    assertThat(failure.kind()).isEqualTo(AwsFailure.Kind.NETWORK);
    assertThat(failure.code()).isEqualTo("UnknownHost");
    assertThat(failure.message()).startsWith("cannot resolve host ecs.eu-west-1.amazonaws.com for service 'web' in"
        + " cluster 'prod'; gave up after 8 attempts (retried 7 times). Check the network path to it; to use"
        + " another address (a VPC endpoint, a local endpoint) pass --endpoint-url URL; behind a proxy set"
        + " HTTPS_PROXY=http://HOST:PORT");
    assertThat(failure.exitCode()).isEqualTo(1);
  }

  @Test void aTlsFailureNamesTheEndpointOverride() {
    ClientSettings vpcEndpoint = REGIONAL.withRegion("eu-west-1", "AWS_REGION")
        .withTimeouts(null, null, null);
    ClientSettings overridden = new ClientSettings("eu-west-1", "AWS_REGION", null,
        URI.create("https://vpce-1.ecs.eu-west-1.vpce.amazonaws.com"), null, vpcEndpoint.connectTimeout(),
        vpcEndpoint.readTimeout(), vpcEndpoint.apiCallTimeout(), RetrySettings.DEFAULT, line -> {});
    SdkClientException e = SdkClientException.create("Unable to execute HTTP request",
        new SSLHandshakeException("PKIX path building failed"));

    AwsFailure failure = AwsErrors.explain(e, AskedFor.nothing(), overridden).orElseThrow();

    assertThat(failure.message()).startsWith("TLS with vpce-1.ecs.eu-west-1.vpce.amazonaws.com failed (PKIX path"
        + " building failed); gave up after");
  }

  @Test void theWholeCallTimingOutNamesTheCallTimeout() {
    ApiCallTimeoutException e = ApiCallTimeoutException.create(60_000);

    AwsFailure failure = AwsErrors.explain(e, AskedFor.cluster("prod"), REGIONAL).orElseThrow();

    assertThat(failure.kind()).isEqualTo(AwsFailure.Kind.TIMEOUT);
    assertThat(failure.message()).startsWith("no answer from ecs.eu-west-1.amazonaws.com within 1m (the limit for"
        + " one call with its retries) for cluster 'prod'");
  }

  @Test void aServerErrorSaysItWasRetriedAndToComeBackLater() {
    AwsFailure failure = AwsErrors.explain(service("ServerException", 500, "Service encountered an internal error."),
        WEB, REGIONAL).orElseThrow();

    assertThat(failure.kind()).isEqualTo(AwsFailure.Kind.SERVER_ERROR);
    assertThat(failure.message()).isEqualTo("ECS failed on its side for service 'web' in cluster 'prod'"
        + " (ServerException: Service encountered an internal error.); gave up after 8 attempts (retried 7 times);"
        + " rerun in a minute, and see the AWS Health Dashboard if it lasts");
  }

  @Test void anInvalidRequestCarriesEcsWordsAndTheTarget() {
    AwsFailure failure = AwsErrors.explain(service("InvalidParameterException", 400,
        "The service cannot be stopped while it is scaled above 0."), WEB, REGIONAL).orElseThrow();

    assertThat(failure.message()).isEqualTo("ECS refused the request for service 'web' in cluster 'prod' in region"
        + " eu-west-1 (from --region): InvalidParameterException: The service cannot be stopped while it is scaled"
        + " above 0.");
  }

  @Test void aBugIsNotAnAwsFailure() {
    assertThat(AwsErrors.explain(new IllegalStateException("boom"), WEB, REGIONAL)).isEmpty();
  }

  private static AwsServiceException service(String code, int status, String message) {
    return AwsServiceException.builder().statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
  }
}

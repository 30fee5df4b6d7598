package dev.deepdive.ecs.ecsctl.ops;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Everything {@link EcsClientFactory} needs to build one {@code EcsClient}.
 *
 * @param region AWS region name; {@code null} - the SDK's default region chain (AWS_REGION, the profile, ...)
 * @param profile named profile for credentials and region; {@code null} - the SDK's default chains
 * @param endpoint endpoint override (a local fake, a VPC endpoint); {@code null} - the regional ECS endpoint
 * @param credentials explicit credentials; {@code null} - from {@code profile} or the SDK's default chain
 * @param apiCallAttemptTimeout limit for one HTTP attempt
 * @param apiCallTimeout limit for one API call including all its retries
 * @param retry how throttling and server errors are retried
 */
public record ClientSettings(
    String region,
    String profile,
    URI endpoint,
    AwsCredentialsProvider credentials,
    Duration apiCallAttemptTimeout,
    Duration apiCallTimeout,
    RetrySettings retry) {

  /** One attempt may take 10 s: ECS answers in well under a second, a hung connection should not stall a drain. */
  public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
  /** A call with all its retries may take 60 s: long enough to ride out a burst of throttling. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

  public ClientSettings {
    Objects.requireNonNull(apiCallAttemptTimeout, "apiCallAttemptTimeout");
    Objects.requireNonNull(apiCallTimeout, "apiCallTimeout");
    Objects.requireNonNull(retry, "retry");
  }

  /** Defaults for the given region, profile and endpoint (each may be null). */
  public static ClientSettings of(String region, String profile, URI endpoint) {
    return new ClientSettings(region, profile, endpoint, null,
        DEFAULT_ATTEMPT_TIMEOUT, DEFAULT_CALL_TIMEOUT, RetrySettings.DEFAULT);
  }

  public ClientSettings withCredentials(AwsCredentialsProvider provider) {
    return new ClientSettings(region, profile, endpoint, provider, apiCallAttemptTimeout, apiCallTimeout, retry);
  }

  public ClientSettings withRetry(RetrySettings newRetry) {
    return new ClientSettings(region, profile, endpoint, credentials, apiCallAttemptTimeout, apiCallTimeout, newRetry);
  }

  public ClientSettings withTimeouts(Duration attempt, Duration call) {
    return new ClientSettings(region, profile, endpoint, credentials, attempt, call, retry);
  }
}

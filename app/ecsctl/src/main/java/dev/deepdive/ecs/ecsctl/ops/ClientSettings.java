package dev.deepdive.ecs.ecsctl.ops;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Everything {@link EcsClientFactory} needs to build one {@code EcsClient}, and everything
 * {@link AwsErrors#explain} needs to say where a failed call went.
 *
 * @param region AWS region name; {@code null} - the SDK's region chain (the profile's region, EC2 instance
 *     metadata)
 * @param regionSource where {@code region} came from ({@code --region}, {@code AWS_REGION},
 *     {@code AWS_DEFAULT_REGION}, {@code profile 'x'}), named in messages; {@code null} when unknown
 * @param profile named profile for credentials and region; {@code null} - the SDK's default chains
 * @param endpoint endpoint override (a local fake, a VPC endpoint); {@code null} - the regional ECS endpoint
 * @param credentials explicit credentials; {@code null} - from {@code profile} or the SDK's default chain
 * @param connectTimeout limit for opening one TCP (and TLS) connection
 * @param readTimeout limit for waiting on an answer once connected; one attempt is bounded by connect plus read
 * @param apiCallTimeout limit for one API call including all its retries
 * @param retry how throttling, server errors and network failures are retried
 * @param retryNotices receives one line (no prefix) each time a network failure or timeout is retried, so a
 *     silent endpoint is not silence; never {@code null}
 */
public record ClientSettings(
    String region,
    String regionSource,
    String profile,
    URI endpoint,
    AwsCredentialsProvider credentials,
    Duration connectTimeout,
    Duration readTimeout,
    Duration apiCallTimeout,
    RetrySettings retry,
    Consumer<String> retryNotices) {

  /** Opening a connection may take 5 s: a regional endpoint answers a SYN in milliseconds. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  /** Waiting for an answer may take 10 s: ECS answers in well under a second; a hung connection must not stall. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
  /** A call with all its retries may take 60 s: long enough to ride out a burst of throttling. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

  public ClientSettings {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(apiCallTimeout, "apiCallTimeout");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(retryNotices, "retryNotices");
  }

  /** Defaults for the given region, profile and endpoint (each may be null). */
  public static ClientSettings of(String region, String profile, URI endpoint) {
    return new ClientSettings(region, region == null ? null : "--region", profile, endpoint, null,
        DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, DEFAULT_CALL_TIMEOUT, RetrySettings.DEFAULT, line -> {});
  }

  /** One attempt: connecting plus waiting for the answer. */
  public Duration apiCallAttemptTimeout() {
    return connectTimeout.plus(readTimeout);
  }

  public ClientSettings withRegion(String newRegion, String source) {
    return new ClientSettings(newRegion, source, profile, endpoint, credentials, connectTimeout, readTimeout,
        apiCallTimeout, retry, retryNotices);
  }

  public ClientSettings withCredentials(AwsCredentialsProvider provider) {
    return new ClientSettings(region, regionSource, profile, endpoint, provider, connectTimeout, readTimeout,
        apiCallTimeout, retry, retryNotices);
  }

  public ClientSettings withRetry(RetrySettings newRetry) {
    return new ClientSettings(region, regionSource, profile, endpoint, credentials, connectTimeout, readTimeout,
        apiCallTimeout, newRetry, retryNotices);
  }

  /** Connect, read and whole-call limits; a {@code null} keeps the current one. */
  public ClientSettings withTimeouts(Duration connect, Duration read, Duration call) {
    return new ClientSettings(region, regionSource, profile, endpoint, credentials,
        connect == null ? connectTimeout : connect, read == null ? readTimeout : read,
        call == null ? apiCallTimeout : call, retry, retryNotices);
  }

  public ClientSettings withRetryNotices(Consumer<String> notices) {
    return new ClientSettings(region, regionSource, profile, endpoint, credentials, connectTimeout, readTimeout,
        apiCallTimeout, retry, notices);
  }

  /** The host calls go to: the override's, or ECS's regional endpoint (ecs.REGION.amazonaws.com). */
  public String host() {
    if (endpoint != null) {
      return endpoint.getPort() < 0 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
    }
    // https://docs.aws.amazon.com/general/latest/gr/ecs-service.html
    return "ecs." + (region == null ? "<region>" : region) + ".amazonaws.com";
  }
}

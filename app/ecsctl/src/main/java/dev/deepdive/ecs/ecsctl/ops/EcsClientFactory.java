package dev.deepdive.ecs.ecsctl.ops;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.EcsClientBuilder;

/**
 * The one place an {@link EcsClient} is built. Each concern (region, credentials, endpoint, HTTP client,
 * timeouts, retries) is one small method applied to the builder; callers build one client per command and
 * close it.
 */
public final class EcsClientFactory {

  private EcsClientFactory() {}

  /**
   * Builds a client. Fails with {@link MissingRegionException} when no region is given and none can be
   * found, instead of the SDK's chain-of-providers message.
   */
  public static EcsClient create(ClientSettings settings) {
    EcsClientBuilder builder = EcsClient.builder();
    region(builder, settings);
    credentials(builder, settings);
    endpoint(builder, settings);
    httpClient(builder, settings);
    builder.overrideConfiguration(ClientOverrideConfiguration.builder()
        .apiCallAttemptTimeout(settings.apiCallAttemptTimeout())
        .apiCallTimeout(settings.apiCallTimeout())
        .retryStrategy(retryStrategy(settings.retry()))
        .build());
    return builder.build();
  }

  private static void region(EcsClientBuilder builder, ClientSettings settings) {
    if (settings.region() != null) {
      builder.region(Region.of(settings.region()));
      return;
    }
    // Resolve here rather than in build(), so a missing region is one clear line, not a provider-chain dump.
    try {
      DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
      if (settings.profile() != null) {
        chain.profileName(settings.profile());
      }
      builder.region(chain.build().getRegion());
    } catch (SdkClientException e) {
      throw new MissingRegionException(settings.profile());
    }
  }

  private static void credentials(EcsClientBuilder builder, ClientSettings settings) {
    AwsCredentialsProvider provider = settings.credentials();
    if (provider == null && settings.profile() != null) {
      provider = ProfileCredentialsProvider.builder().profileName(settings.profile()).build();
    }
    builder.credentialsProvider(provider != null ? provider : DefaultCredentialsProvider.builder().build());
  }

  private static void endpoint(EcsClientBuilder builder, ClientSettings settings) {
    if (settings.endpoint() != null) {
      builder.endpointOverride(settings.endpoint());
    }
  }

  private static void httpClient(EcsClientBuilder builder, ClientSettings settings) {
    // The JDK's HttpURLConnection client: no Netty or Apache on the CLI's start-up path.
    builder.httpClientBuilder(UrlConnectionHttpClient.builder()
        .connectionTimeout(settings.apiCallAttemptTimeout())
        .socketTimeout(settings.apiCallAttemptTimeout()));
  }

  /**
   * Retries throttling and 5xx with exponential backoff and jitter; nothing else (a 4xx like
   * ClusterNotFoundException will not change by asking again). The SDK's defaults are switched off so this
   * predicate is the whole policy, and its circuit breaker too: a CLI that waits on a drain must not give up
   * retrying because earlier calls were throttled.
   */
  static RetryStrategy retryStrategy(RetrySettings retry) {
    return StandardRetryStrategy.builder()
        .useClientDefaults(false)
        .circuitBreakerEnabled(false)
        .maxAttempts(retry.maxAttempts())
        .retryOnException(RetryableErrors::isRetryable)
        .treatAsThrottling(RetryableErrors::isThrottling)
        .backoffStrategy(BackoffStrategy.exponentialDelay(retry.baseDelay(), retry.maxDelay()))
        .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(retry.throttlingBaseDelay(), retry.maxDelay()))
        .build();
  }
}

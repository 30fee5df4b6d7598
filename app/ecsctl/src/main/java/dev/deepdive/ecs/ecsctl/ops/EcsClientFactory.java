package dev.deepdive.ecs.ecsctl.ops;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * The one place ecsctl's AWS clients are built: ECS, and for some commands Application Auto Scaling and CloudWatch
 * Logs, all alike. Each concern (region, credentials, endpoint, HTTP client, timeouts, retries) is one small method
 * applied to the builder; callers build one client per command and close it.
 */
public final class EcsClientFactory {

  private EcsClientFactory() {}

  /**
   * Builds a client. Fails with {@link MissingRegionException} when no region is given and none can be
   * found, instead of the SDK's chain-of-providers message.
   */
  public static EcsClient create(ClientSettings settings) {
    return build(EcsClient.builder(), settings);
  }

  /** An Application Auto Scaling client, built like the ECS one; {@code settings.endpoint()} is its own. */
  public static ApplicationAutoScalingClient createAutoScaling(ClientSettings settings) {
    return build(ApplicationAutoScalingClient.builder(), settings);
  }

  /** A CloudWatch Logs client, built like the ECS one; {@code settings.endpoint()} is its own. */
  public static CloudWatchLogsClient createLogs(ClientSettings settings) {
    return build(CloudWatchLogsClient.builder(), settings);
  }

  private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder,
      ClientSettings settings) {
    region(builder, settings);
    credentials(builder, settings);
    endpoint(builder, settings);
    httpClient(builder, settings);
    builder.overrideConfiguration(ClientOverrideConfiguration.builder()
        .apiCallAttemptTimeout(settings.apiCallAttemptTimeout())
        .apiCallTimeout(settings.apiCallTimeout())
        .retryStrategy(retryStrategy(settings))
        .addExecutionInterceptor(FAILED_ATTEMPTS)
        .build());
    return builder.build();
  }

  /**
   * The settings with the region filled in: {@code settings.region()} if set, else the SDK's region chain (system
   * property aws.region, AWS_REGION, the profile's {@code region}, EC2 instance metadata). The AWS CLI's
   * AWS_DEFAULT_REGION comes before the profile: the command line resolves it (see the CLI's CommandContext).
   *
   * @throws MissingRegionException when no region is found, instead of the SDK's chain-of-providers message
   */
  public static ClientSettings withResolvedRegion(ClientSettings settings) {
    if (settings.region() != null) {
      return settings;
    }
    try {
      DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
      if (settings.profile() != null) {
        chain.profileName(settings.profile());
      }
      String region = chain.build().getRegion().id();
      return settings.withRegion(region, settings.profile() == null ? "the AWS SDK's region chain (profile, instance"
          + " metadata)" : "profile '" + settings.profile() + "'");
    } catch (SdkClientException e) {
      throw new MissingRegionException(settings.profile());
    }
  }

  private static void region(AwsClientBuilder<?, ?> builder, ClientSettings settings) {
    builder.region(Region.of(withResolvedRegion(settings).region()));
  }

  private static void credentials(AwsClientBuilder<?, ?> builder, ClientSettings settings) {
    AwsCredentialsProvider provider = settings.credentials();
    if (provider != null) {
      builder.credentialsProvider(provider);
      return;
    }
    AwsCredentialsProvider chain = settings.profile() != null
        ? ProfileCredentialsProvider.builder().profileName(settings.profile()).build()
        : DefaultCredentialsProvider.builder().build();
    builder.credentialsProvider(new Explained(chain, settings.profile()));
  }

  /** The chain, its failure turned into {@link CredentialsNotFoundException} so the message can say where it looked. */
  private record Explained(AwsCredentialsProvider chain, String profile) implements AwsCredentialsProvider {
    @Override public AwsCredentials resolveCredentials() {
      try {
        return chain.resolveCredentials();
      } catch (SdkClientException | IllegalArgumentException | IllegalStateException e) {
        // SdkClientException: nothing found; the others: a profile file the SDK could not make sense of.
        throw new CredentialsNotFoundException(profile, e);
      }
    }
  }

  private static void endpoint(AwsClientBuilder<?, ?> builder, ClientSettings settings) {
    if (settings.endpoint() != null) {
      builder.endpointOverride(settings.endpoint());
    }
  }

  private static void httpClient(AwsSyncClientBuilder<?, ?> builder, ClientSettings settings) {
    // The JDK's HttpURLConnection client: no Netty or Apache on the CLI's start-up path.
    // Proxies: the JDK's https.proxyHost/http.proxyHost properties and the HTTPS_PROXY/HTTP_PROXY/NO_PROXY
    // environment variables, as the AWS CLI honours them.
    builder.httpClientBuilder(UrlConnectionHttpClient.builder()
        .connectionTimeout(settings.connectTimeout())
        .socketTimeout(settings.readTimeout())
        .proxyConfiguration(ProxyConfiguration.builder()
            .useSystemPropertyValues(true)
            .useEnvironmentVariablesValues(true)
            .build()));
  }

  /**
   * Retries throttling and 5xx with exponential backoff and jitter; nothing else (a 4xx like
   * ClusterNotFoundException will not change by asking again). The SDK's defaults are switched off so this
   * predicate is the whole policy, and its circuit breaker too: a CLI that waits on a drain must not give up
   * retrying because earlier calls were throttled.
   */
  private static final FailedAttempts FAILED_ATTEMPTS = new FailedAttempts();

  /**
   * Counts the failed attempts of the call in progress on this thread: the retry predicate is asked after every
   * failure, the last one included, and only this count tells whether another attempt will follow. A synchronous
   * client runs a call and its retries on the caller's thread, and a call starts with {@code beforeExecution}.
   */
  private static final class FailedAttempts implements ExecutionInterceptor {
    private final ThreadLocal<int[]> count = ThreadLocal.withInitial(() -> new int[1]);

    @Override public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      count.get()[0] = 0;
    }

    int failed() {
      return ++count.get()[0];
    }
  }

  static RetryStrategy retryStrategy(ClientSettings settings) {
    RetrySettings retry = settings.retry();
    return StandardRetryStrategy.builder()
        .useClientDefaults(false)
        .circuitBreakerEnabled(false)
        .maxAttempts(retry.maxAttempts())
        .retryOnException(error -> {
          boolean retryable = RetryableErrors.isRetryable(error);
          int failed = FAILED_ATTEMPTS.failed();
          if (retryable && AwsErrors.isTimeout(error) && failed < retry.maxAttempts()) {
            // A silent endpoint: say so at each timeout, not only when the call finally gives up.
            settings.retryNotices().accept(AwsErrors.networkProblem(error, settings) + "; retrying (attempt "
                + (failed + 1) + " of " + retry.maxAttempts() + ")");
          }
          return retryable;
        })
        .treatAsThrottling(RetryableErrors::isThrottling)
        .backoffStrategy(BackoffStrategy.exponentialDelay(retry.baseDelay(), retry.maxDelay()))
        .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(retry.throttlingBaseDelay(), retry.maxDelay()))
        .build();
  }
}

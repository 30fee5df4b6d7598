package dev.deepdive.ecs.ecsctl.ops;

import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * A per-request plugin for calls that are not idempotent: it keeps the client's retry budget and backoff, but lets
 * only throttling through to a retry. ECS rejects a throttled request before acting on it, so repeating it is safe;
 * after a 5xx or a dropped connection ECS may already have acted, and repeating {@code StartTask} (which, unlike
 * {@code RunTask}, takes no client token) would start a second task.
 *
 * <p>Used as {@code request.overrideConfiguration(o -> o.addPlugin(ThrottlingOnlyRetries.PLUGIN))}: the SDK's
 * supported way to change the retry strategy for one request (SDK for Java v2 plugins,
 * https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/plugins.html).
 */
public final class ThrottlingOnlyRetries implements RetryStrategy {
  /** The plugin: wraps whatever strategy the client was built with. */
  public static final SdkPlugin PLUGIN = config -> {
    ClientOverrideConfiguration current = config.overrideConfiguration();
    current.retryStrategy().ifPresent(strategy -> config.overrideConfiguration(current.toBuilder()
        .retryStrategy(new ThrottlingOnlyRetries(strategy)).build()));
  };

  private final RetryStrategy delegate;

  ThrottlingOnlyRetries(RetryStrategy delegate) {
    this.delegate = delegate;
  }

  @Override public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
    return delegate.acquireInitialToken(request);
  }

  @Override public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
    if (!RetryableErrors.isThrottling(request.failure())) {
      throw new TokenAcquisitionFailedException("not retried: the call is not idempotent and ECS may have acted",
          request.token(), request.failure());
    }
    return delegate.refreshRetryToken(request);
  }

  @Override public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
    return delegate.recordSuccess(request);
  }

  @Override public int maxAttempts() {
    return delegate.maxAttempts();
  }

  @Override public boolean useClientDefaults() {
    return delegate.useClientDefaults();
  }

  /**
   * Not supported: a builder cannot express "the delegate's policy, but throttling only" (its retry predicates are
   * OR-ed). The SDK rebuilds only strategies that use client defaults, which this one's delegate (from
   * {@link EcsClientFactory}) does not.
   */
  @Override public Builder<?, ?> toBuilder() {
    throw new UnsupportedOperationException("ThrottlingOnlyRetries wraps a built strategy and cannot be rebuilt");
  }
}

package dev.deepdive.ecs.app.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The environment's one Application Load Balancer, which exists whenever a service has a
 * {@code loadBalancer} block.
 *
 * @param certificateArn an ACM certificate in the environment's region; when present the load balancer
 *     listens with HTTPS on 443 and port 80 redirects there; when empty it serves HTTP on 80 only
 * @param idleTimeoutSeconds connection idle timeout, 1 to 4000; default
 *     {@link ConfigDefaults#LOAD_BALANCER_IDLE_TIMEOUT_SECONDS}
 */
public record LoadBalancerConfig(Optional<String> certificateArn, int idleTimeoutSeconds) {
  public LoadBalancerConfig {
    Objects.requireNonNull(certificateArn, "certificateArn");
  }

  /** What an environment file without a {@code loadBalancer} object gets. */
  public static LoadBalancerConfig defaults() {
    return new LoadBalancerConfig(Optional.empty(), ConfigDefaults.LOAD_BALANCER_IDLE_TIMEOUT_SECONDS);
  }
}

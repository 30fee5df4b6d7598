package dev.deepdive.ecs.app.config;

import java.util.Optional;

/**
 * The environment's one Application Load Balancer, which exists whenever a service has a
 * {@code loadBalancer} block.
 *
 * @param certificateArn an ACM certificate in the environment's region; when present the load balancer
 *     listens with HTTPS on 443 and port 80 redirects there; when empty it serves HTTP on 80 only
 * @param idleTimeoutSeconds connection idle timeout, 1 to 4000; default 60
 */
public record LoadBalancerConfig(Optional<String> certificateArn, int idleTimeoutSeconds) {
  public LoadBalancerConfig {
    certificateArn = certificateArn == null ? Optional.empty() : certificateArn;
  }
}

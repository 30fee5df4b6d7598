package dev.deepdive.ecs.constructs;

import java.util.Objects;
import java.util.Optional;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;

/**
 * The environment's one Application Load Balancer.
 *
 * @param vpc                the environment's VPC
 * @param subnets            the public subnets it lives in
 * @param certificateArn     an ACM certificate: HTTPS on 443, and port 80 redirects there; empty (the default)
 *                           for HTTP on 80 only
 * @param idleTimeoutSeconds 1 to 4000; {@value #DEFAULT_IDLE_TIMEOUT_SECONDS} is AWS's default
 */
public record EnvironmentLoadBalancerProps(
    IVpc vpc, SubnetSelection subnets, Optional<String> certificateArn, int idleTimeoutSeconds) {
  public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 60;

  public EnvironmentLoadBalancerProps {
    Objects.requireNonNull(vpc, "vpc");
    Objects.requireNonNull(subnets, "subnets");
    Objects.requireNonNull(certificateArn, "certificateArn");
    if (idleTimeoutSeconds < 1 || idleTimeoutSeconds > 4000) {
      throw new IllegalArgumentException("idleTimeoutSeconds: must be 1 to 4000, got " + idleTimeoutSeconds);
    }
  }
}

package dev.deepdive.ecs.constructs;

import java.util.List;
import java.util.Objects;

/**
 * What one environment's VPC looks like.
 *
 * @param cidr              the VPC's IPv4 range, e.g. {@code 10.10.0.0/16}; each environment needs its own
 * @param availabilityZones the zones to spread over, at least {@value #MIN_AZS}; names
 *                          ({@code us-east-1a}) or deploy-time tokens ({@code Fn::Select} over {@code Fn::GetAZs})
 * @param natGateways       NAT gateways for the private subnets' egress (image pulls, ECS and CloudWatch endpoints);
 *                          0 to {@code availabilityZones.size()}. One per zone survives a zone failing; one in total is cheaper.
 */
public record NetworkProps(String cidr, List<String> availabilityZones, int natGateways) {
  /** A cluster spread over fewer zones does not survive one zone failing. */
  public static final int MIN_AZS = 2;

  public NetworkProps {
    Objects.requireNonNull(cidr, "cidr");
    availabilityZones = List.copyOf(Objects.requireNonNull(availabilityZones, "availabilityZones"));
    if (availabilityZones.size() < MIN_AZS) {
      throw new IllegalArgumentException(
          "availabilityZones: a VPC for ECS needs at least " + MIN_AZS + " zones, got " + availabilityZones.size());
    }
    if (natGateways < 0 || natGateways > availabilityZones.size()) {
      throw new IllegalArgumentException("natGateways: must be 0 to " + availabilityZones.size()
          + " (one per zone at most), got " + natGateways);
    }
  }
}

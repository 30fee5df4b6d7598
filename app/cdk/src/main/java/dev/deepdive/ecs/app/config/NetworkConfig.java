package dev.deepdive.ecs.app.config;

import java.util.List;
import java.util.Objects;

/**
 * The VPC of one environment: the {@code network} object, bound from the file.
 *
 * @param cidr the VPC's IPv4 block, e.g. {@code 10.10.0.0/16} (host bits zero, /16 to /24)
 * @param maxAzs how many Availability Zones the VPC spans; equals {@code availabilityZones.size()} when zones are
 *     named explicitly; default in the schema (2)
 * @param availabilityZones explicit zone names, or empty to let CDK pick {@code maxAzs} zones
 * @param natGateways NAT gateways for the private subnets, 0 to the AZ count; default in the schema (1)
 */
public record NetworkConfig(String cidr, int maxAzs, List<String> availabilityZones, int natGateways) {
  public NetworkConfig {
    Objects.requireNonNull(cidr, "cidr");
    availabilityZones = availabilityZones == null ? List.of() : List.copyOf(availabilityZones);
    // Named zones set the count; the file may not give maxAzs with them, so only the schema's default is replaced.
    maxAzs = availabilityZones.isEmpty() ? maxAzs : availabilityZones.size();
  }
}

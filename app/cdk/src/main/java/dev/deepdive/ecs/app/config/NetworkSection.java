package dev.deepdive.ecs.app.config;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and checks the {@code network} object into a {@link NetworkConfig}. */
final class NetworkSection {
  static final List<String> FIELDS = List.of("cidr", "maxAzs", "availabilityZones", "natGateways");

  private static final Pattern ZONE = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9][a-z]");
  private static final int MIN_AZS = 2;
  private static final String WHY_TWO_AZS = "a cluster needs two Availability Zones to survive one failing";
  private static final IntRange MAX_AZS = IntRange.between(MIN_AZS, 6)
      .withMinReason(WHY_TWO_AZS)
      .withMaxReason("the most Availability Zones any region offers");
  private static final int MIN_PREFIX = 16;
  private static final int MAX_PREFIX = 24;

  /**
   * What was read: the CIDR on its own, because the cross-file overlap check needs it even when other
   * network fields are wrong.
   */
  record Read(Optional<Ipv4Cidr> cidr, Optional<NetworkConfig> config) {}

  private NetworkSection() {}

  /** @param region the environment's region when it was given and valid; zones must lie in it */
  static Read read(ObjectFields fields, Optional<String> region) {
    Problems problems = fields.problems();
    int before = problems.count();

    Optional<Ipv4Cidr> cidr = fields.requiredString("cidr").flatMap(text -> cidr(text, fields));
    Optional<Integer> maxAzs = fields.optionalInt("maxAzs", ConfigDefaults.MAX_AZS, MAX_AZS);
    Optional<List<String>> zones = fields.optionalStringList("availabilityZones")
        .filter(list -> zonesValid(list, fields, region));
    boolean explicitZones = fields.has("availabilityZones");
    if (explicitZones && fields.has("maxAzs")) {
      problems.at(fields.path("maxAzs"), "give either maxAzs or availabilityZones, got both;"
          + " the zone list already sets the count, so remove maxAzs");
    }
    Optional<Integer> azCount = explicitZones ? zones.map(List::size) : maxAzs;
    IntRange natRange = IntRange.between(0, azCount.orElse(Integer.MAX_VALUE))
        .withMaxReason("one per Availability Zone");
    Optional<Integer> natGateways = fields.optionalInt("natGateways", ConfigDefaults.NAT_GATEWAYS, natRange);

    if (problems.count() > before) {
      return new Read(cidr, Optional.empty());
    }
    return new Read(cidr, Optional.of(new NetworkConfig(
        cidr.orElseThrow().toString(), azCount.orElseThrow(), zones.orElse(List.of()), natGateways.orElseThrow())));
  }

  private static Optional<Ipv4Cidr> cidr(String text, ObjectFields fields) {
    JsonPath at = fields.path("cidr");
    Optional<Ipv4Cidr> parsed = Ipv4Cidr.parse(text);
    if (parsed.isEmpty()) {
      fields.problems().at(at, "not an IPv4 CIDR block, got " + Shown.quoted(text)
          + "; expected address/prefix such as 10.10.0.0/16");
      return Optional.empty();
    }
    Ipv4Cidr block = parsed.get();
    if (block.prefix() < MIN_PREFIX || block.prefix() > MAX_PREFIX) {
      fields.problems().at(at, "prefix must be /" + MIN_PREFIX + " to /" + MAX_PREFIX + ", got " + Shown.quoted(text)
          + "; /16 is the largest VPC AWS allows, /24 the smallest with room for subnets in every zone");
      return Optional.empty();
    }
    if (!block.hostBitsZero()) {
      fields.problems().at(at, "host bits must be zero, got " + Shown.quoted(text)
          + "; the block containing it is " + block.network());
      return Optional.empty();
    }
    return parsed;
  }

  private static boolean zonesValid(List<String> zones, ObjectFields fields, Optional<String> region) {
    Problems problems = fields.problems();
    JsonPath at = fields.path("availabilityZones");
    int before = problems.count();
    Set<String> seen = new HashSet<>();
    String firstRegion = null;
    int firstRegionIndex = -1;
    for (int i = 0; i < zones.size(); i++) {
      String zone = zones.get(i);
      if (!ZONE.matcher(zone).matches()) {
        problems.at(at.index(i), "not an Availability Zone name, got " + Shown.quoted(zone)
            + "; expected a region name followed by a letter, e.g. us-east-1a");
        continue;
      }
      if (!seen.add(zone)) {
        problems.at(at.index(i), "duplicate zone, got " + Shown.quoted(zone) + "; list each zone once");
        continue;
      }
      String zoneRegion = zone.substring(0, zone.length() - 1);
      if (region.isPresent() && !zoneRegion.equals(region.get())) {
        problems.at(at.index(i), "zone is not in region " + region.get() + ", got " + Shown.quoted(zone)
            + "; use zones such as " + region.get() + "a");
      } else if (region.isEmpty() && firstRegion != null && !zoneRegion.equals(firstRegion)) {
        problems.at(at.index(i), "zone is not in " + firstRegion + " like " + at.index(firstRegionIndex)
            + ", got " + Shown.quoted(zone) + "; a VPC lies in one region");
      } else if (firstRegion == null) {
        firstRegion = zoneRegion;
        firstRegionIndex = i;
      }
    }
    int distinct = new HashSet<>(zones).size();
    if (distinct < MIN_AZS) {
      problems.at(at, "must name at least " + MIN_AZS + " distinct zones (" + WHY_TWO_AZS + "), got "
          + distinct);
    }
    return problems.count() == before;
  }
}

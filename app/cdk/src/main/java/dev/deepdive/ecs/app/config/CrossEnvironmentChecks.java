package dev.deepdive.ecs.app.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rules between environments: names and cluster names are unique, and VPC ranges do not overlap, because
 * environments may be peered later and peering requires disjoint ranges. A clash is reported on the later
 * file (in file-name order), naming the earlier one.
 */
final class CrossEnvironmentChecks {
  private CrossEnvironmentChecks() {}

  /** Problem lines; files that did not parse are left out. */
  static List<String> check(List<EnvironmentFile> files) {
    List<EnvironmentFile> parsed = files.stream().filter(EnvironmentFile::parsed).toList();
    List<String> problems = new ArrayList<>();
    for (int later = 0; later < parsed.size(); later++) {
      EnvironmentFile file = parsed.get(later);
      for (int earlier = 0; earlier < later; earlier++) {
        EnvironmentFile other = parsed.get(earlier);
        if (same(file.name(), other.name())) {
          problems.add(file.source() + ": name: duplicate environment name, got " + Shown.quoted(file.name().get())
              + ", also the name in " + other.source() + "; each environment needs its own name");
        }
        if (same(file.clusterName(), other.clusterName())) {
          problems.add(file.source() + ": clusterName: duplicate cluster name, got "
              + Shown.quoted(file.clusterName().get()) + ", also the cluster of " + other.source()
              + "; each environment needs its own cluster");
        }
        if (file.cidr().isPresent() && other.cidr().isPresent() && file.cidr().get().overlaps(other.cidr().get())) {
          problems.add(file.source() + ": network.cidr: overlaps " + other.cidr().get() + " of " + other.source()
              + ", got " + file.cidr().get() + "; give each environment a range of its own, as environments may"
              + " be peered later");
        }
      }
    }
    return problems;
  }

  private static boolean same(Optional<String> a, Optional<String> b) {
    return a.isPresent() && a.equals(b);
  }
}

package dev.deepdive.ecs.app.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The conditions of one service's listener rule, compared the way the load balancer matches them: order does
 * not matter, and host names are case-insensitive while paths are not.
 */
record ListenerRuleConditions(List<String> pathPatterns, List<String> hostHeaders) {
  ListenerRuleConditions {
    pathPatterns = List.copyOf(pathPatterns);
    hostHeaders = List.copyOf(hostHeaders);
  }

  /** True when both rules match exactly the same requests, so the second could never be reached. */
  boolean sameAs(ListenerRuleConditions other) {
    return Set.copyOf(pathPatterns).equals(Set.copyOf(other.pathPatterns))
        && lowercase(hostHeaders).equals(lowercase(other.hostHeaders));
  }

  /** E.g. {@code paths [/*], hosts [web.example.com]}. */
  String describe() {
    List<String> parts = new ArrayList<>();
    if (!pathPatterns.isEmpty()) {
      parts.add("paths [" + String.join(", ", pathPatterns) + "]");
    }
    if (!hostHeaders.isEmpty()) {
      parts.add("hosts [" + String.join(", ", hostHeaders) + "]");
    }
    return String.join(", ", parts);
  }

  private static Set<String> lowercase(List<String> hosts) {
    return hosts.stream().map(host -> host.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }
}

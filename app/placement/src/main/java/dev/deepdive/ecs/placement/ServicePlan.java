package dev.deepdive.ecs.placement;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A service ready to simulate: its constraints parsed, its static host ports collected. */
final class ServicePlan {
  final int index;
  final ServiceInput input;
  final boolean distinctInstance;
  /** The memberOf constraints with their parsed expressions, task definition's first. */
  final List<MemberOf> memberOf;
  final Set<HostPort> ports;
  private final Map<Map<String, String>, Boolean> admitted = new HashMap<>();

  /** A memberOf constraint, where it is written and its expression. */
  record MemberOf(PlacementConstraint constraint, String file, ClusterQuery query) {}

  ServicePlan(int index, ServiceInput input, String environmentFile) {
    this.index = index;
    this.input = input;
    boolean distinct = false;
    List<MemberOf> queries = new ArrayList<>();
    for (PlacementConstraint c : input.task().placementConstraints()) {
      queries.add(new MemberOf(c, input.task().file(), ClusterQuery.parse(c.expression())));
    }
    for (PlacementConstraint c : input.constraints()) {
      if (c.type().equals(PlacementConstraint.DISTINCT_INSTANCE)) {
        distinct = true;
      } else {
        queries.add(new MemberOf(c, environmentFile, ClusterQuery.parse(c.expression())));
      }
    }
    this.distinctInstance = distinct;
    this.memberOf = List.copyOf(queries);
    Set<HostPort> hostPorts = new LinkedHashSet<>();
    input.task().staticHostPorts().forEach(p -> hostPorts.add(p.port()));
    this.ports = Set.copyOf(hostPorts);
  }

  String name() {
    return input.name();
  }

  /**
   * True unless a memberOf constraint is false for the instance; an unknown truth admits it. Remembered per set of
   * attributes: instances of one zone share them, and the scheduler asks for every task.
   */
  boolean admits(SimulatedInstance instance) {
    if (memberOf.isEmpty()) {
      return true;
    }
    return admitted.computeIfAbsent(instance.attributes, attributes -> {
      for (MemberOf m : memberOf) {
        if (m.query().evaluate(attributes, knownAttributes(instance)) == ClusterQuery.Truth.FALSE) {
          return false;
        }
      }
      return true;
    });
  }

  /** The constraints whose truth the model cannot tell on {@code instance}. */
  List<MemberOf> unknownOn(SimulatedInstance instance) {
    List<MemberOf> unknown = new ArrayList<>();
    for (MemberOf m : memberOf) {
      if (m.query().evaluate(instance.attributes, knownAttributes(instance)) == ClusterQuery.Truth.UNKNOWN) {
        unknown.add(m);
      }
    }
    return unknown;
  }

  /**
   * The attributes whose absence on an instance is certain: the modelled ones, except the zone when the
   * environment does not name its zones (the instance then has a zone the model cannot name).
   */
  private static Set<String> knownAttributes(SimulatedInstance instance) {
    return instance.attributes.containsKey("ecs.availability-zone")
        ? ClusterQuery.MODELLED_ATTRIBUTES
        : Set.of("ecs.instance-type", "ecs.cpu-architecture", "ecs.os-type");
  }

  /** An empty tally of shortfalls. */
  static Map<Shortfall, Integer> tally() {
    return new EnumMap<>(Shortfall.class);
  }
}

package dev.deepdive.ecs.app.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rules between the services of one file: names are unique (they are the ECS service names), and so are
 * listener rule priorities and listener rule conditions, because the load balancer would never send a request
 * to the second of two rules that match the same requests. A clash is reported on the later service, naming
 * the earlier one; services whose value is invalid on its own take no part.
 */
final class ServiceListChecks {
  private ServiceListChecks() {}

  static void check(List<ServicesSection.Read> services, Problems problems) {
    Map<String, ServicesSection.Read> byName = new HashMap<>();
    Map<Integer, ServicesSection.Read> byPriority = new HashMap<>();
    List<ServicesSection.Read> routed = new ArrayList<>();
    for (ServicesSection.Read service : services) {
      service.name().ifPresent(name -> {
        ServicesSection.Read other = byName.putIfAbsent(name, service);
        if (other != null) {
          problems.at(service.path().field("name"), "duplicate service name, got " + Shown.quoted(name)
              + ", also the name of " + other.path() + "; each service of an environment needs its own name");
        }
      });
      service.loadBalancer().ifPresent(lb -> {
        lb.priority().ifPresent(priority -> {
          ServicesSection.Read other = byPriority.putIfAbsent(priority, service);
          if (other != null) {
            problems.at(service.path().field("loadBalancer").field("priority"),
                "duplicate listener rule priority, got " + priority
                    + (lb.priorityDefaulted() ? " (the default for " + service.path() + ")" : "")
                    + ", also the priority of " + other.path() + named(other)
                    + "; give each load-balanced service its own priority");
          }
        });
        lb.conditions().ifPresent(conditions -> {
          routed.stream()
              .filter(other -> conditions(other).orElseThrow().sameAs(conditions))
              .findFirst()
              .ifPresent(other -> problems.at(service.path().field("loadBalancer"), "same listener rule as "
                  + other.path() + " (" + other.name().map(n -> "'" + n + "': ").orElse("")
                  + conditions(other).orElseThrow().describe() + "); give one a hostHeaders or other pathPatterns"));
          routed.add(service);
        });
      });
    }
  }

  private static Optional<ListenerRuleConditions> conditions(ServicesSection.Read service) {
    return service.loadBalancer().flatMap(ServiceLoadBalancerSection.Read::conditions);
  }

  private static String named(ServicesSection.Read service) {
    return service.name().map(name -> " ('" + name + "')").orElse("");
  }
}

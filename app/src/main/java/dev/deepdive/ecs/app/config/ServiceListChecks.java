package dev.deepdive.ecs.app.config;

import java.util.List;
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
    for (int later = 0; later < services.size(); later++) {
      ServicesSection.Read service = services.get(later);
      List<ServicesSection.Read> earlier = services.subList(0, later);
      service.name().ifPresent(name -> earlier.stream()
          .filter(other -> other.name().equals(service.name()))
          .findFirst()
          .ifPresent(other -> problems.at(service.path().field("name"), "duplicate service name, got "
              + Shown.quoted(name) + ", also the name of " + other.path() + "; each service of an environment needs"
              + " its own name")));
      service.loadBalancer().ifPresent(lb -> {
        lb.priority().ifPresent(priority -> earlier.stream()
            .filter(other -> priority(other).equals(lb.priority()))
            .findFirst()
            .ifPresent(other -> problems.at(service.path().field("loadBalancer").field("priority"),
                "duplicate listener rule priority, got " + priority
                    + (lb.priorityDefaulted() ? " (the default for " + service.path() + ")" : "")
                    + ", also the priority of " + other.path() + named(other)
                    + "; give each load-balanced service its own priority")));
        lb.conditions().ifPresent(conditions -> earlier.stream()
            .filter(other -> conditions(other).map(conditions::sameAs).orElse(false))
            .findFirst()
            .ifPresent(other -> problems.at(service.path().field("loadBalancer"), "same listener rule as "
                + other.path() + " (" + other.name().map(n -> "'" + n + "': ").orElse("")
                + conditions(other).orElseThrow().describe() + "); give one a hostHeaders or other pathPatterns")));
      });
    }
  }

  private static Optional<Integer> priority(ServicesSection.Read service) {
    return service.loadBalancer().flatMap(ServiceLoadBalancerSection.Read::priority);
  }

  private static Optional<ListenerRuleConditions> conditions(ServicesSection.Read service) {
    return service.loadBalancer().flatMap(ServiceLoadBalancerSection.Read::conditions);
  }

  private static String named(ServicesSection.Read service) {
    return service.name().map(name -> " ('" + name + "')").orElse("");
  }
}

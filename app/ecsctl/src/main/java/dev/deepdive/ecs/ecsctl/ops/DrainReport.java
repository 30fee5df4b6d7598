package dev.deepdive.ecs.ecsctl.ops;

import java.util.List;

/** Every service's outcome of one drain-delete run, in the order the services were given. */
public record DrainReport(String cluster, List<ServiceOutcome> services) {
  public DrainReport {
    services = List.copyOf(services);
  }

  public boolean any(DrainOutcome outcome) {
    return services.stream().anyMatch(s -> s.outcome() == outcome);
  }
}

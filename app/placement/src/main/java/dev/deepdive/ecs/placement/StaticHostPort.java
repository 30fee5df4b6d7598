package dev.deepdive.ecs.placement;

import java.util.Objects;

/**
 * A host port a task binds on its container instance, so no other task there can bind it: a non-zero
 * {@code hostPort} in bridge mode, every mapped port in host mode.
 *
 * @param port  the port and protocol
 * @param field the JSON path in the task definition file, e.g. {@code containerDefinitions[0].portMappings[0].hostPort}
 */
public record StaticHostPort(HostPort port, String field) {
  public StaticHostPort {
    Objects.requireNonNull(port, "port");
    Objects.requireNonNull(field, "field");
  }
}

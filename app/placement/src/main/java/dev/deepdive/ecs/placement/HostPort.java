package dev.deepdive.ecs.placement;

import java.util.Locale;
import java.util.Objects;

/**
 * A port on a container instance, with its protocol: TCP and UDP ports are reserved separately (the agent
 * registers the resources {@code PORTS} and {@code PORTS_UDP}).
 *
 * @param port     1 to 65535
 * @param protocol {@code tcp} or {@code udp}
 */
public record HostPort(int port, String protocol) implements Comparable<HostPort> {

  public HostPort {
    Objects.requireNonNull(protocol, "protocol");
    protocol = protocol.toLowerCase(Locale.ROOT);
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port: must be 1 to 65535, got " + port);
    }
    if (!protocol.equals("tcp") && !protocol.equals("udp")) {
      throw new IllegalArgumentException("protocol: must be tcp or udp, got " + protocol);
    }
  }

  public static HostPort tcp(int port) {
    return new HostPort(port, "tcp");
  }

  public static HostPort udp(int port) {
    return new HostPort(port, "udp");
  }

  @Override
  public int compareTo(HostPort other) {
    int byPort = Integer.compare(port, other.port);
    return byPort != 0 ? byPort : protocol.compareTo(other.protocol);
  }

  /** {@code 80} for TCP (the usual case), {@code 53/udp} for UDP. */
  @Override
  public String toString() {
    return protocol.equals("tcp") ? String.valueOf(port) : port + "/udp";
  }
}

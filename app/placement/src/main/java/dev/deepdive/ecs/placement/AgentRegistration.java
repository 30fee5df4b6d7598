package dev.deepdive.ecs.placement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The ECS agent settings ({@code ecs.config}) that change what a container instance registers, read the way the
 * agent reads them (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-agent-config.html and the
 * agent's {@code agent/config} package in aws/amazon-ecs-agent).
 *
 * @param reservedMemoryMiB   {@code ECS_RESERVED_MEMORY}: MiB the agent leaves out of what it registers; default 0
 * @param reservedTcpPorts    the TCP ports the agent registers as taken: {@code ECS_RESERVED_PORTS} when set, which
 *                            <em>replaces</em> the default {@link #DEFAULT_RESERVED_TCP_PORTS} (the agent merges its
 *                            defaults only into unset fields)
 * @param reservedUdpPorts    {@code ECS_RESERVED_PORTS_UDP}; default none
 * @param gpuSupport          {@code ECS_ENABLE_GPU_SUPPORT=true}: the agent registers the instance's GPUs; the
 *                            ECS GPU-optimized AMIs set it themselves
 * @param instanceAttributes  {@code ECS_INSTANCE_ATTRIBUTES}: custom attributes, for {@code memberOf} expressions
 */
public record AgentRegistration(int reservedMemoryMiB, SortedSet<HostPort> reservedTcpPorts,
    SortedSet<HostPort> reservedUdpPorts, boolean gpuSupport, SortedMap<String, String> instanceAttributes) {

  /**
   * The agent's reserved TCP ports on Linux when {@code ECS_RESERVED_PORTS} is not set: SSH (22), the Docker
   * daemon (2375, 2376), the agent's introspection (51678) and credentials (51679) endpoints
   * ({@code DefaultConfig} in the agent's {@code config_unix.go}).
   */
  public static final List<Integer> DEFAULT_RESERVED_TCP_PORTS = List.of(22, 2375, 2376, 51678, 51679);

  /** The agent keeps {@code ECS_RESERVED_MEMORY} in a 16-bit unsigned integer. */
  public static final int MAX_RESERVED_MEMORY_MIB = 65535;

  public static final String RESERVED_MEMORY = "ECS_RESERVED_MEMORY";
  public static final String RESERVED_PORTS = "ECS_RESERVED_PORTS";
  public static final String RESERVED_PORTS_UDP = "ECS_RESERVED_PORTS_UDP";
  public static final String ENABLE_GPU_SUPPORT = "ECS_ENABLE_GPU_SUPPORT";
  public static final String INSTANCE_ATTRIBUTES = "ECS_INSTANCE_ATTRIBUTES";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,5}");

  public AgentRegistration {
    if (reservedMemoryMiB < 0 || reservedMemoryMiB > MAX_RESERVED_MEMORY_MIB) {
      throw new IllegalArgumentException("reservedMemoryMiB: must be 0 to " + MAX_RESERVED_MEMORY_MIB + ", got "
          + reservedMemoryMiB);
    }
    reservedTcpPorts = Collections.unmodifiableSortedSet(new TreeSet<>(reservedTcpPorts));
    reservedUdpPorts = Collections.unmodifiableSortedSet(new TreeSet<>(reservedUdpPorts));
    instanceAttributes = Collections.unmodifiableSortedMap(new TreeMap<>(instanceAttributes));
  }

  /** What an instance registers with an empty {@code ecs.config}. */
  public static AgentRegistration defaults() {
    return new AgentRegistration(0, ports(DEFAULT_RESERVED_TCP_PORTS, "tcp"), new TreeSet<>(), false, new TreeMap<>());
  }

  /** These settings with {@code ECS_RESERVED_MEMORY} set to {@code mib}. */
  public AgentRegistration withReservedMemoryMiB(int mib) {
    return new AgentRegistration(mib, reservedTcpPorts, reservedUdpPorts, gpuSupport, instanceAttributes);
  }

  /** Every port the agent registers as reserved, TCP and UDP. */
  public SortedSet<HostPort> reservedPorts() {
    SortedSet<HostPort> all = new TreeSet<>(reservedTcpPorts);
    all.addAll(reservedUdpPorts);
    return Collections.unmodifiableSortedSet(all);
  }

  /**
   * The settings from the lines of an {@code ecs.config}, or every problem with them.
   *
   * @param settings     name to value, e.g. {@code ECS_RESERVED_MEMORY -> 256}; names this model does not read are
   *                     ignored
   * @param gpuAmi       the instances boot an ECS GPU-optimized AMI, which enables GPU support itself
   * @return the settings, or the problems each as {@code NAME: message} (callers prefix the file and path)
   */
  public static Parsed parse(Map<String, String> settings, boolean gpuAmi) {
    Objects.requireNonNull(settings, "settings");
    List<String> problems = new ArrayList<>();
    int reservedMemory = 0;
    try {
      reservedMemory = reservedMemoryMiB(settings);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    SortedSet<HostPort> tcp = settings.containsKey(RESERVED_PORTS)
        ? portList(RESERVED_PORTS, settings.get(RESERVED_PORTS), "tcp", problems)
        : ports(DEFAULT_RESERVED_TCP_PORTS, "tcp");
    SortedSet<HostPort> udp = settings.containsKey(RESERVED_PORTS_UDP)
        ? portList(RESERVED_PORTS_UDP, settings.get(RESERVED_PORTS_UDP), "udp", problems)
        : new TreeSet<>();
    boolean gpu = gpuAmi || "true".equalsIgnoreCase(settings.getOrDefault(ENABLE_GPU_SUPPORT, "").trim());
    SortedMap<String, String> attributes = new TreeMap<>();
    String attributesJson = settings.get(INSTANCE_ATTRIBUTES);
    if (attributesJson != null) {
      attributes = attributes(attributesJson, problems);
    }
    if (!problems.isEmpty()) {
      return new Parsed(null, problems);
    }
    return new Parsed(new AgentRegistration(reservedMemory, tcp, udp, gpu, attributes), List.of());
  }

  /**
   * {@code ECS_RESERVED_MEMORY} of {@code settings} in MiB: a whole number the agent reads as a 16-bit unsigned
   * integer; 0 when not set.
   *
   * @throws IllegalArgumentException when the value is not a whole number of MiB from 0 to
   *     {@value #MAX_RESERVED_MEMORY_MIB}; the message starts with the setting's name
   */
  public static int reservedMemoryMiB(Map<String, String> settings) {
    String value = settings.get(RESERVED_MEMORY);
    if (value == null) {
      return 0;
    }
    if (!WHOLE_NUMBER.matcher(value).matches() || Integer.parseInt(value) > MAX_RESERVED_MEMORY_MIB) {
      throw new IllegalArgumentException(RESERVED_MEMORY + ": must be a whole number of MiB from 0 to "
          + MAX_RESERVED_MEMORY_MIB + " (the agent keeps it in 16 bits), got \"" + value + "\"");
    }
    return Integer.parseInt(value);
  }

  /**
   * The outcome of {@link #parse}: settings, or the problems.
   *
   * @param settings null when there are problems
   * @param problems one line each, {@code NAME: message}
   */
  public record Parsed(AgentRegistration settings, List<String> problems) {
    public Parsed {
      problems = List.copyOf(problems);
    }
  }

  private static SortedSet<HostPort> ports(List<Integer> numbers, String protocol) {
    SortedSet<HostPort> set = new TreeSet<>();
    numbers.forEach(n -> set.add(new HostPort(n, protocol)));
    return set;
  }

  /**
   * The agent decodes these settings as a JSON array of unsigned 16-bit integers, e.g. {@code [22, 80]}; the
   * constructs' agent settings catalog accepts the same (0 to 65535).
   */
  private static SortedSet<HostPort> portList(String name, String value, String protocol, List<String> problems) {
    JsonNode node;
    try {
      node = JSON.readTree(value);
    } catch (JsonProcessingException e) {
      node = null;
    }
    String expected = "expected a JSON array of port numbers 0 to 65535 such as \"[22, 2375, 2376, 51678, 51679]\"";
    if (node == null || !node.isArray()) {
      problems.add(name + ": " + expected + ", got \"" + value + "\" (the agent would ignore it)");
      return new TreeSet<>();
    }
    SortedSet<HostPort> set = new TreeSet<>();
    for (JsonNode item : node) {
      if (!item.isIntegralNumber() || item.asLong() < 0 || item.asLong() > 65535) {
        problems.add(name + ": " + expected + ", got " + item + " in " + value);
      } else if (item.asInt() > 0) {
        // The agent keeps a 0 as a 16-bit number like any other; no task binds port 0, so it reserves nothing.
        set.add(new HostPort(item.asInt(), protocol));
      }
    }
    return set;
  }

  private static SortedMap<String, String> attributes(String value, List<String> problems) {
    SortedMap<String, String> attributes = new TreeMap<>();
    JsonNode node;
    try {
      node = JSON.readTree(value);
    } catch (JsonProcessingException e) {
      node = null;
    }
    if (node == null || !node.isObject()) {
      problems.add(INSTANCE_ATTRIBUTES + ": expected a JSON object of attribute names to values such as"
          + " {\"stack\": \"prod\"}, got \"" + value + "\"");
      return attributes;
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!e.getValue().isTextual()) {
        problems.add(INSTANCE_ATTRIBUTES + ": attribute '" + e.getKey() + "' must have a string value, got "
            + e.getValue());
      } else {
        attributes.put(e.getKey(), e.getValue().textValue());
      }
    }
    return attributes;
  }
}

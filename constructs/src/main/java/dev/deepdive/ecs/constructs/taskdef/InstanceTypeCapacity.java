package dev.deepdive.ecs.constructs.taskdef;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * vCPUs and installed memory of an EC2 instance type, and what of it the ECS agent registers for tasks.
 *
 * <p>Derived by rule rather than listed one by one, so new sizes of known families work without an update:
 * <ul>
 *   <li>burstable t2, t3, t3a, t4g: a table of sizes (their vCPU counts do not follow the size rule);</li>
 *   <li>c, m, r (generation 5 and later) and x: size gives vCPUs (medium 1, large 2, xlarge 4, Nxlarge 4N)
 *       and the class gives GiB per vCPU (c 2, m 4, r 8, x 16, x with "e" 32);</li>
 *   <li>older or irregular families with their own ratio: c3/c4 1.875, m3 3.75, m4 4, r3/r4 7.625, c5n 2.625,
 *       x1 15.25, x1e 30.5 GiB per vCPU;</li>
 *   <li>accelerated: g4dn, g4ad, g5, g6, inf2 4; g6e 8; inf1 2; p3 7.625; p3dn 8; p4d 12 GiB per vCPU.</li>
 * </ul>
 * Anything else (metal sizes, i/d/z/hpc families, ...) is unknown: {@link #of} returns empty and the fit check
 * warns instead of guessing.
 *
 * @param instanceType as given, e.g. {@code m5.large}
 * @param vcpus        vCPUs; the agent registers 1024 CPU units per vCPU
 * @param memoryMiB    installed memory as EC2 advertises it
 */
public record InstanceTypeCapacity(String instanceType, int vcpus, int memoryMiB) {

  /**
   * Memory the kernel and platform keep before the agent registers the rest: 3% of installed memory, at least
   * 128 MiB. AWS's example (memory-management.html) is an m4.large that registers 7985 of its 8192 MiB, 2.5%
   * less; 3% stays on the safe side of that, and the floor covers small instances, where the kernel's fixed
   * share dominates (a t3.micro registers roughly 950 of 1024 MiB). It is deliberately not larger: a too big
   * reservation would reject tasks that do place.
   */
  public static final double OS_RESERVED_FRACTION = 0.03;

  /** The floor of the reservation above, in MiB. */
  public static final int OS_RESERVED_MIN_MIB = 128;

  /**
   * The agent setting that keeps memory from tasks: MiB, a whole number the agent reads as a 16-bit unsigned
   * integer (0 to {@value #MAX_ECS_RESERVED_MEMORY_MIB}); 0 when not set.
   * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-agent-config.html
   */
  public static final String ECS_RESERVED_MEMORY = "ECS_RESERVED_MEMORY";

  /** The largest {@link #ECS_RESERVED_MEMORY} the agent can read. */
  public static final int MAX_ECS_RESERVED_MEMORY_MIB = 65535;

  private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,5}");
  private static final int MIB_PER_GIB = 1024;
  private static final Pattern TYPE = Pattern.compile("([a-z]+)(\\d+)([a-z-]*)\\.([a-z0-9-]+)");
  private static final Pattern N_XLARGE = Pattern.compile("(\\d+)xlarge");

  /** Burstable sizes: {vCPUs, MiB}. t2 has one vCPU up to small; t3, t3a and t4g have two. */
  private static final Map<String, int[]> T2 = Map.of(
      "nano", new int[] {1, 512}, "micro", new int[] {1, 1024}, "small", new int[] {1, 2048},
      "medium", new int[] {2, 4096}, "large", new int[] {2, 8192}, "xlarge", new int[] {4, 16384},
      "2xlarge", new int[] {8, 32768});
  private static final Map<String, int[]> T3 = Map.of(
      "nano", new int[] {2, 512}, "micro", new int[] {2, 1024}, "small", new int[] {2, 2048},
      "medium", new int[] {2, 4096}, "large", new int[] {2, 8192}, "xlarge", new int[] {4, 16384},
      "2xlarge", new int[] {8, 32768});
  private static final Map<String, Map<String, int[]>> BURSTABLE = Map.of("t2", T2, "t3", T3, "t3a", T3, "t4g", T3);

  /** MiB per vCPU for families that do not follow their class's rule. */
  private static final Map<String, Integer> FAMILY_RATIO = Map.ofEntries(
      Map.entry("c3", 1920), Map.entry("c4", 1920), Map.entry("m3", 3840), Map.entry("m4", 4096),
      Map.entry("r3", 7808), Map.entry("r4", 7808), Map.entry("c5n", 2688),
      Map.entry("x1", 15616), Map.entry("x1e", 31232),
      Map.entry("g4dn", 4096), Map.entry("g4ad", 4096), Map.entry("g5", 4096), Map.entry("g6", 4096),
      Map.entry("g6e", 8192), Map.entry("inf1", 2048), Map.entry("inf2", 4096),
      Map.entry("p3", 7808), Map.entry("p3dn", 8192), Map.entry("p4d", 12288));

  /** MiB per vCPU by class letter, for generation 5 and later (x: every generation after x1). */
  private static final Map<String, Integer> CLASS_RATIO = Map.of("c", 2048, "m", 4096, "r", 8192, "x", 16384);

  /** The capacity of {@code instanceType}, or empty when its family or size is not known to the rules above. */
  public static Optional<InstanceTypeCapacity> of(String instanceType) {
    String type = instanceType.trim().toLowerCase(Locale.ROOT);
    Matcher m = TYPE.matcher(type);
    if (!m.matches()) {
      return Optional.empty();
    }
    String family = m.group(1) + m.group(2) + m.group(3);
    String size = m.group(4);
    Map<String, int[]> burstable = BURSTABLE.get(family);
    if (burstable != null) {
      int[] spec = burstable.get(size);
      return spec == null ? Optional.empty() : Optional.of(new InstanceTypeCapacity(instanceType, spec[0], spec[1]));
    }
    Integer ratio = FAMILY_RATIO.get(family);
    if (ratio == null) {
      ratio = classRatio(m.group(1), Integer.parseInt(m.group(2)), m.group(3));
    }
    Optional<Integer> vcpus = vcpusOfSize(size);
    if (ratio == null || vcpus.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new InstanceTypeCapacity(instanceType, vcpus.get(), vcpus.get() * ratio));
  }

  private static Integer classRatio(String instanceClass, int generation, String attributes) {
    if (instanceClass.equals("x")) {
      // x2iedn, x2iezn: memory-enhanced, 32 GiB per vCPU; x2gd, x2idn, x8g: 16.
      return generation >= 2 ? (attributes.contains("e") ? 2 * CLASS_RATIO.get("x") : CLASS_RATIO.get("x")) : null;
    }
    return generation >= 5 ? CLASS_RATIO.get(instanceClass) : null;
  }

  private static Optional<Integer> vcpusOfSize(String size) {
    switch (size) {
      case "medium":
        return Optional.of(1);
      case "large":
        return Optional.of(2);
      case "xlarge":
        return Optional.of(4);
      default:
        Matcher n = N_XLARGE.matcher(size);
        return n.matches() ? Optional.of(4 * Integer.parseInt(n.group(1))) : Optional.empty();
    }
  }

  /**
   * The {@link #ECS_RESERVED_MEMORY} of a cluster's agent settings, in MiB; 0 when they have none.
   *
   * @throws IllegalArgumentException when the value is not a whole number of MiB from 0 to
   *     {@value #MAX_ECS_RESERVED_MEMORY_MIB} (the environment file's validation reports that first)
   */
  public static int ecsReservedMemoryMiB(Map<String, String> agentSettings) {
    String value = agentSettings.get(ECS_RESERVED_MEMORY);
    if (value == null) {
      return 0;
    }
    if (!WHOLE_NUMBER.matcher(value).matches() || Integer.parseInt(value) > MAX_ECS_RESERVED_MEMORY_MIB) {
      throw new IllegalArgumentException(ECS_RESERVED_MEMORY + ": must be a whole number of MiB from 0 to "
          + MAX_ECS_RESERVED_MEMORY_MIB + ", got \"" + value + "\"");
    }
    return Integer.parseInt(value);
  }

  /** CPU units the agent registers: 1024 per vCPU. */
  public int cpuUnits() {
    return vcpus * 1024;
  }

  /** MiB the kernel and platform keep: see {@link #OS_RESERVED_FRACTION}. */
  public int osReservedMiB() {
    return Math.max(OS_RESERVED_MIN_MIB, (int) Math.ceil(memoryMiB * OS_RESERVED_FRACTION));
  }

  /**
   * MiB available to tasks: installed memory minus {@link #osReservedMiB()} minus what the cluster's
   * {@code ECS_RESERVED_MEMORY} sets aside.
   */
  public int registrableMemoryMiB(int ecsReservedMemoryMiB) {
    return memoryMiB - osReservedMiB() - ecsReservedMemoryMiB;
  }

  /** GiB as EC2 advertises it, for messages: "8 GiB", "0.5 GiB". */
  String describeMemory() {
    return memoryMiB % MIB_PER_GIB == 0 ? memoryMiB / MIB_PER_GIB + " GiB" : (memoryMiB / (double) MIB_PER_GIB) + " GiB";
  }
}

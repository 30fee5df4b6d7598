package dev.deepdive.ecs.app.config;

import dev.deepdive.ecs.constructs.ContainerInstancesProps;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads and checks the {@code capacity} object into a {@link CapacityConfig}. */
final class CapacitySection {
  static final List<String> FIELDS = List.of(
      "instanceTypes", "minSize", "desiredSize", "maxSize", "amiFamily", "rootVolumeGiB", "keyPair",
      "amiId", "amiParameterVersion", SpotSection.NAME, "signalTimeoutMinutes");

  private static final int MAX_INSTANCE_TYPES = 20;
  private static final int MAX_INSTANCES = 1000;
  private static final IntRange MIN_SIZE = IntRange.between(0, MAX_INSTANCES);
  private static final IntRange DESIRED_SIZE = IntRange.between(0, MAX_INSTANCES);
  private static final IntRange MAX_SIZE = IntRange.between(1, MAX_INSTANCES)
      .withMinReason("a cluster without instances cannot run tasks");
  private static final IntRange ROOT_VOLUME_GIB = IntRange.between(ConfigDefaults.ROOT_VOLUME_GIB, 16384)
      .withMinReason("the ECS-optimized AMI's root snapshot is 30 GiB")
      .withMaxReason("the largest gp3 volume");
  private static final int MAX_KEY_PAIR_CHARS = 255;
  private static final Pattern AMI_ID = Pattern.compile("ami-([0-9a-f]{8}|[0-9a-f]{17})");
  private static final IntRange AMI_PARAMETER_VERSION = IntRange.between(1, Integer.MAX_VALUE);
  private static final IntRange SIGNAL_TIMEOUT_MINUTES = IntRange.between(
          ContainerInstancesProps.MIN_SIGNAL_TIMEOUT_MINUTES, ContainerInstancesProps.MAX_SIGNAL_TIMEOUT_MINUTES)
      .withMinReason("5 minutes of boot budget and at least 5 for the ECS agent to register")
      .withMaxReason("a rolling update waits at most an hour for a batch's signals");
  private static final String FAMILIES =
      Arrays.stream(AmiFamily.values()).map(Enum::name).collect(Collectors.joining(", "));

  private CapacitySection() {}

  static Optional<CapacityConfig> read(ObjectFields fields) {
    Problems problems = fields.problems();
    int before = problems.count();

    Optional<List<String>> types = fields.requiredStringList("instanceTypes")
        .filter(list -> instanceTypesValid(list, fields));
    Optional<AmiFamily> family = amiFamily(fields);
    if (types.isPresent() && family.isPresent()) {
      architecturesMatch(types.get(), family.get(), fields);
    }
    Optional<Integer> min = fields.requiredInt("minSize", MIN_SIZE);
    Optional<Integer> desired = fields.requiredInt("desiredSize", DESIRED_SIZE);
    Optional<Integer> max = fields.requiredInt("maxSize", MAX_SIZE);
    sizesOrdered(min, desired, max, fields);
    Optional<Integer> rootVolume = fields.optionalInt("rootVolumeGiB", ConfigDefaults.ROOT_VOLUME_GIB, ROOT_VOLUME_GIB);
    Optional<String> keyPair = fields.optionalString("keyPair").filter(name -> keyPairValid(name, fields));
    Optional<String> amiId = fields.optionalString("amiId").filter(id -> amiIdValid(id, fields));
    Optional<Integer> amiParameterVersion = fields.has("amiParameterVersion")
        ? fields.optionalInt("amiParameterVersion", 1, AMI_PARAMETER_VERSION) : Optional.empty();
    if (fields.has("amiId") && fields.has("amiParameterVersion")) {
      problems.at(fields.path("amiParameterVersion"), "not together with amiId: pin the AMI by its ID or by a"
          + " version of the family's SSM parameter, not both");
    }
    Optional<Optional<SpotConfig>> spot = SpotSection.read(fields);
    Optional<Integer> signalTimeout = fields.optionalInt("signalTimeoutMinutes",
        ConfigDefaults.SIGNAL_TIMEOUT_MINUTES, SIGNAL_TIMEOUT_MINUTES);

    if (problems.count() > before) {
      return Optional.empty();
    }
    return Optional.of(new CapacityConfig(types.orElseThrow(), min.orElseThrow(), desired.orElseThrow(),
        max.orElseThrow(), family.orElseThrow(), rootVolume.orElseThrow(), keyPair, amiId, amiParameterVersion,
        spot.orElseThrow(), signalTimeout.orElseThrow()));
  }

  private static boolean amiIdValid(String id, ObjectFields fields) {
    if (AMI_ID.matcher(id).matches()) {
      return true;
    }
    fields.problems().at(fields.path("amiId"), "not an AMI ID, got " + Shown.quoted(id)
        + "; expected ami- and 8 or 17 lowercase hex digits such as ami-0123456789abcdef0");
    return false;
  }

  /** The family, the default when absent, or empty when invalid. */
  private static Optional<AmiFamily> amiFamily(ObjectFields fields) {
    if (!fields.has("amiFamily")) {
      return Optional.of(ConfigDefaults.AMI_FAMILY);
    }
    return fields.optionalString("amiFamily").flatMap(text -> {
      for (AmiFamily family : AmiFamily.values()) {
        if (family.name().equals(text)) {
          return Optional.of(family);
        }
      }
      String guess = Arrays.stream(AmiFamily.values())
          .filter(f -> f.name().equalsIgnoreCase(text))
          .findFirst()
          .map(f -> " did you mean '" + f + "'?")
          .orElse("");
      fields.problems().at(fields.path("amiFamily"),
          "unknown AMI family " + quote(text) + ";" + guess + " allowed: " + FAMILIES);
      return Optional.empty();
    });
  }

  private static boolean instanceTypesValid(List<String> names, ObjectFields fields) {
    Problems problems = fields.problems();
    JsonPath at = fields.path("instanceTypes");
    int before = problems.count();
    if (names.isEmpty()) {
      problems.at(at, "must list at least one instance type, got an empty list; e.g. [\"t3.medium\"]");
    }
    if (names.size() > MAX_INSTANCE_TYPES) {
      problems.at(at, "must list at most " + MAX_INSTANCE_TYPES + " instance types, got " + names.size());
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      Optional<InstanceType> type = InstanceType.parse(name);
      if (type.isEmpty()) {
        problems.at(at.index(i), "not an EC2 instance type, got " + Shown.quoted(name)
            + "; expected <family>.<size> such as t3.medium, m7g.2xlarge or c6i.metal");
      } else if (!seen.add(name)) {
        problems.at(at.index(i), "duplicate instance type, got " + Shown.quoted(name) + "; list each type once");
      }
    }
    return problems.count() == before;
  }

  /** One launch template, so one AMI, serves every listed type: each must be able to boot it. */
  private static void architecturesMatch(List<String> names, AmiFamily family, ObjectFields fields) {
    for (int i = 0; i < names.size(); i++) {
      JsonPath item = fields.path("instanceTypes").index(i);
      InstanceType type = InstanceType.parse(names.get(i)).orElseThrow();
      InstanceTypeCompatibility.problem(type, family).ifPresent(problem -> fields.problems().at(item, problem));
    }
  }

  /** 0 <= minSize <= desiredSize <= maxSize, checked between whichever of the three are valid. */
  private static void sizesOrdered(
      Optional<Integer> min, Optional<Integer> desired, Optional<Integer> max, ObjectFields fields) {
    if (min.isPresent() && desired.isPresent() && desired.get() < min.get()) {
      fields.problems().at(fields.path("desiredSize"),
          "must be >= minSize (" + min.get() + "), got " + desired.get());
    }
    if (desired.isPresent() && max.isPresent() && max.get() < desired.get()) {
      fields.problems().at(fields.path("maxSize"), "must be >= desiredSize (" + desired.get() + "), got " + max.get());
    } else if (desired.isEmpty() && min.isPresent() && max.isPresent() && max.get() < min.get()) {
      fields.problems().at(fields.path("maxSize"), "must be >= minSize (" + min.get() + "), got " + max.get());
    }
  }

  private static boolean keyPairValid(String name, ObjectFields fields) {
    int length = name.codePointCount(0, name.length());
    if (length < 1 || length > MAX_KEY_PAIR_CHARS) {
      fields.problems().at(fields.path("keyPair"), "must be 1 to " + MAX_KEY_PAIR_CHARS + " characters, got "
          + (length == 0 ? "\"\"" : length + " characters") + "; the name of an EC2 key pair, or leave it out");
      return false;
    }
    return true;
  }

  private static String quote(String text) {
    return "'" + text + "'";
  }
}

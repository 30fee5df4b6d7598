package dev.deepdive.ecs.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deepdive.ecs.constructs.AgentConfigBucketProps;
import dev.deepdive.ecs.constructs.AgentSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules between the fields of one environment file that a JSON Schema cannot state (the schema owns every rule
 * about a single value); the services' own in {@link ServiceRules}, the tasks' in {@link TaskRules}, those between
 * files in {@link CrossEnvironmentChecks}. Each judges only values valid on their own ({@link CheckedValues}).
 */
final class EnvironmentRules {
  private static final String JSON_SUFFIX = ".json";
  private static final int MIN_PREFIX = 16;
  private static final int MAX_PREFIX = 24;
  private static final Pattern CERTIFICATE_REGION = Pattern.compile("arn:[^:]+:acm:([^:]+):.*");

  private static final JsonPath NAME = JsonPath.root().field("name");
  private static final JsonPath REGION = JsonPath.root().field("region");
  private static final JsonPath NETWORK = JsonPath.root().field("network");
  private static final JsonPath CAPACITY = JsonPath.root().field("capacity");
  private static final JsonPath AGENT = JsonPath.root().field("agent");

  private final CheckedValues values;
  private final Problems problems;

  private EnvironmentRules(CheckedValues values) {
    this.values = values;
    this.problems = values.problems();
  }

  /**
   * Checks the rules of one file and reports what breaks them.
   *
   * @return the VPC range when it is valid, for the check between files
   */
  static Optional<Ipv4Cidr> check(Path source, CheckedValues values) {
    EnvironmentRules rules = new EnvironmentRules(values);
    rules.nameIsTheFileName(source);
    Optional<Ipv4Cidr> cidr = rules.cidr();
    rules.zones();
    rules.natGateways();
    rules.instanceTypesBootTheAmi();
    rules.sizesOrdered();
    rules.agentSettings();
    rules.oneAmiPin();
    rules.spotDraining();
    rules.certificateInRegion();
    ServiceRules.check(values);
    TaskRules.check(values);
    return cidr;
  }

  /**
   * The name must equal the file's stem, so that {@code -c environments=qa} and the file a reader opens are the
   * same thing.
   */
  private void nameIsTheFileName(Path source) {
    String fileName = source.getFileName().toString();
    String stem = fileName.endsWith(JSON_SUFFIX)
        ? fileName.substring(0, fileName.length() - JSON_SUFFIX.length())
        : fileName;
    values.text(NAME).filter(name -> !name.equals(stem)).ifPresent(name -> problems.at(NAME,
        "must equal the file name without .json ('" + stem + "'), got " + Shown.quoted(name)
            + "; rename the file or the environment"));
  }

  /** The schema checks the notation; a VPC also needs /16 to /24 and a block start. */
  private Optional<Ipv4Cidr> cidr() {
    JsonPath at = NETWORK.field("cidr");
    Optional<String> text = values.text(at);
    Optional<Ipv4Cidr> block = text.flatMap(Ipv4Cidr::parse);
    if (block.isEmpty()) {
      return Optional.empty();
    }
    if (block.get().prefix() < MIN_PREFIX || block.get().prefix() > MAX_PREFIX) {
      problems.at(at, "prefix must be /" + MIN_PREFIX + " to /" + MAX_PREFIX + ", got " + Shown.quoted(text.get())
          + "; /16 is the largest VPC AWS allows, /24 the smallest with room for subnets in every zone");
      return Optional.empty();
    }
    if (!block.get().hostBitsZero()) {
      problems.at(at, "host bits must be zero, got " + Shown.quoted(text.get()) + "; the block containing it is "
          + block.get().network());
      return Optional.empty();
    }
    return block;
  }

  /** The zones of one VPC lie in one region: the environment's, when it names one. */
  private void zones() {
    JsonPath at = NETWORK.field("availabilityZones");
    if (!values.given(at)) {
      return;
    }
    if (values.given(NETWORK.field("maxAzs"))) {
      problems.at(NETWORK.field("maxAzs"), "give either maxAzs or availabilityZones, got both; the zone list"
          + " already sets the count, so remove maxAzs");
    }
    Optional<String> region = values.text(REGION);
    String firstRegion = null;
    JsonPath first = null;
    for (int i = 0; i < values.size(at); i++) {
      JsonPath item = at.index(i);
      Optional<String> zone = values.text(item);
      if (zone.isEmpty()) {
        continue;
      }
      String zoneRegion = zone.get().substring(0, zone.get().length() - 1);
      if (region.isPresent() && !zoneRegion.equals(region.get())) {
        problems.at(item, "zone is not in region " + region.get() + ", got " + Shown.quoted(zone.get())
            + "; use zones such as " + region.get() + "a");
      } else if (region.isEmpty() && firstRegion != null && !zoneRegion.equals(firstRegion)) {
        problems.at(item, "zone is not in " + firstRegion + " like " + first + ", got " + Shown.quoted(zone.get())
            + "; a VPC lies in one region");
      } else if (firstRegion == null) {
        firstRegion = zoneRegion;
        first = item;
      }
    }
  }

  /** At most one NAT gateway per Availability Zone. */
  private void natGateways() {
    JsonPath zones = NETWORK.field("availabilityZones");
    Optional<Integer> zoneCount = values.given(zones)
        ? values.valid(zones).map(JsonNode::size)
        : values.integer(NETWORK.field("maxAzs"));
    JsonPath at = NETWORK.field("natGateways");
    values.integer(at).ifPresent(nat -> zoneCount.filter(count -> nat > count).ifPresent(count -> problems.at(at,
        "must be at most " + count + " (one per Availability Zone), got " + nat)));
  }

  /** One launch template, so one AMI, serves every listed type: each must be able to boot it. */
  private void instanceTypesBootTheAmi() {
    Optional<AmiFamily> family = values.text(CAPACITY.field("amiFamily")).map(AmiFamily::valueOf);
    JsonPath types = CAPACITY.field("instanceTypes");
    for (int i = 0; i < values.size(types) && family.isPresent(); i++) {
      JsonPath item = types.index(i);
      values.text(item).flatMap(InstanceType::parse)
          .flatMap(type -> InstanceTypeCompatibility.problem(type, family.get()))
          .ifPresent(problem -> problems.at(item, problem));
    }
  }

  /** 0 <= minSize <= desiredSize <= maxSize, checked between whichever of the three are valid. */
  private void sizesOrdered() {
    Optional<Integer> min = values.integer(CAPACITY.field("minSize"));
    Optional<Integer> desired = values.integer(CAPACITY.field("desiredSize"));
    Optional<Integer> max = values.integer(CAPACITY.field("maxSize"));
    if (min.isPresent() && desired.isPresent() && desired.get() < min.get()) {
      problems.at(CAPACITY.field("desiredSize"), "must be >= minSize (" + min.get() + "), got " + desired.get());
    }
    if (desired.isPresent() && max.isPresent() && max.get() < desired.get()) {
      problems.at(CAPACITY.field("maxSize"), "must be >= desiredSize (" + desired.get() + "), got " + max.get());
    } else if (desired.isEmpty() && min.isPresent() && max.isPresent() && max.get() < min.get()) {
      problems.at(CAPACITY.field("maxSize"), "must be >= minSize (" + min.get() + "), got " + max.get());
    }
  }

  /**
   * The agent's settings are judged by the constructs' catalog, {@link AgentSettings}, which the agent config bucket
   * calls too: names it knows ({@code ECS_CLUSTER} is the tool's), one-line values it accepts. The schema only holds
   * the shape (names to strings), so each setting given as a string is judged once, here.
   */
  private void agentSettings() {
    AgentSettings.check(agentStrings()).forEach(p -> problems.at(AGENT.field(p.setting()), p.message()));
  }

  /** The agent settings the file gives as strings, in file order; the schema reports any other. */
  private Map<String, String> agentStrings() {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String name : values.fieldNames(AGENT)) {
      values.text(AGENT.field(name)).ifPresent(value -> settings.put(name, value));
    }
    return settings;
  }

  /** An AMI is pinned by its ID or by the SSM parameter's version; both would leave it unclear which wins. */
  private void oneAmiPin() {
    JsonPath version = CAPACITY.field("amiParameterVersion");
    if (values.given(CAPACITY.field("amiId")) && values.given(version)) {
      problems.at(version, "not together with amiId: pin the AMI by its ID or by a version of the family's SSM"
          + " parameter, not both");
    }
  }

  /**
   * With Spot Instances the agent must drain an instance on its interruption notice; the rule's owner is the agent
   * config bucket's {@link AgentConfigBucketProps#spotDrainingProblem}, called here for the file's message.
   */
  private void spotDraining() {
    if (!values.given(CAPACITY.field("spot"))) {
      return;
    }
    AgentConfigBucketProps.spotDrainingProblem(agentStrings()).ifPresent(problem -> problems.at(
        AGENT.field(AgentConfigBucketProps.SPOT_INSTANCE_DRAINING), problem));
  }

  /**
   * A load balancer only takes certificates from its own region
   * (https://docs.aws.amazon.com/acm/latest/userguide/acm-regions.html), and CloudFormation would fail only
   * halfway through a deploy.
   */
  private void certificateInRegion() {
    JsonPath at = JsonPath.root().field("loadBalancer").field("certificateArn");
    Optional<String> region = values.text(REGION);
    values.text(at).ifPresent(arn -> {
      Matcher matcher = CERTIFICATE_REGION.matcher(arn);
      if (region.isPresent() && matcher.matches() && !matcher.group(1).equals(region.get())) {
        problems.at(at, "certificate is in " + matcher.group(1) + ", not in the environment's region "
            + region.get() + ", got " + Shown.quoted(arn) + "; a load balancer uses certificates of its own region"
            + " only, so request or import one in " + region.get());
      }
    });
  }
}

package dev.deepdive.ecs.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads one {@code <name>.json} into an {@link EnvironmentConfig}, reporting every problem of the file.
 *
 * <p>Each section ({@code network}, {@code capacity}, ...) has its own reader class that checks its own
 * fields; this class reads the top-level scalars and assembles the record. A new section is one more
 * record, one more reader class, one more entry in {@link #FIELDS} and one more line in {@link #read}.
 */
final class EnvironmentFileReader {
  static final List<String> FIELDS =
      List.of("$schema", "name", "account", "region", "clusterName", "network", "capacity", "agent", "tags", "loadBalancer",
          "legacyEcsServiceRole", "ecrRepositories", "services");

  private static final String JSON_SUFFIX = ".json";
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,19}");
  private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]");
  private static final Pattern CLUSTER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,254}");

  private EnvironmentFileReader() {}

  /** @param source the file as the user gave it, e.g. {@code app/environments/qa.json}; named in messages */
  static EnvironmentFile read(Path source, byte[] content) {
    Problems problems = new Problems(source.toString());
    Optional<ObjectFields> opened = StrictJson.parse(content, problems)
        .flatMap(root -> openTop(root, problems));
    if (opened.isEmpty()) {
      return EnvironmentFile.unparsed(source, problems.lines());
    }
    ObjectFields top = opened.get();

    // "$schema" tells editors which schema to check the file with; the app holds every file against its own copy.
    top.optionalString("$schema");
    Optional<String> name = top.requiredString("name").filter(value -> nameValid(value, source, top));
    Optional<String> account = top.optionalString("account").filter(value -> matches(value, ACCOUNT, top,
        "account", "must be exactly 12 digits, got %s; the AWS account ID, e.g. \"111111111111\""));
    Optional<String> region = top.optionalString("region").filter(value -> matches(value, REGION, top,
        "region", "not an AWS region name, got %s; e.g. us-east-1, eu-west-2 or us-gov-west-1"));
    Optional<String> clusterName = top.requiredString("clusterName").filter(value -> matches(value, CLUSTER_NAME,
        top, "clusterName", "must start with a letter and hold only letters, digits, '-' and '_',"
            + " at most 255 characters, got %s"));
    Optional<NetworkSection.Read> network = top.requiredObject("network", NetworkSection.FIELDS)
        .map(fields -> NetworkSection.read(fields, region));
    Optional<CapacityConfig> capacity = top.requiredObject("capacity", CapacitySection.FIELDS)
        .flatMap(CapacitySection::read);
    Optional<Map<String, String>> agent = AgentSection.read(top, "agent");
    if (capacity.flatMap(CapacityConfig::spot).isPresent() && agent.isPresent()) {
      SpotSection.checkAgentSettings(agent.get(), top, "agent");
    }
    Optional<Map<String, String>> tags = TagsSection.read(top, "tags");
    Optional<LoadBalancerConfig> loadBalancer = LoadBalancerSection.read(top, "loadBalancer", region);
    Optional<Boolean> legacyEcsServiceRole =
        top.optionalBoolean("legacyEcsServiceRole", ConfigDefaults.LEGACY_ECS_SERVICE_ROLE);
    Optional<List<EcrRepositoryConfig>> ecrRepositories = EcrRepositoriesSection.read(top, "ecrRepositories");
    Optional<List<ServiceConfig>> services =
        ServicesSection.read(top, "services", EnvironmentConfig.taskDefinitionsDirFor(source));

    Optional<Ipv4Cidr> cidr = network.flatMap(NetworkSection.Read::cidr);
    Optional<EnvironmentConfig> config = Optional.empty();
    if (problems.isEmpty()) {
      // Whatever the readers accept must satisfy the published schema too; a difference is reported, not ignored.
      EnvironmentSchema.problems(source.toString(), top.node()).forEach(problems::line);
    }
    if (problems.isEmpty()) {
      config = Optional.of(new EnvironmentConfig(name.orElseThrow(), account, region, clusterName.orElseThrow(),
          network.flatMap(NetworkSection.Read::config).orElseThrow(), capacity.orElseThrow(), agent.orElseThrow(),
          tags.orElseThrow(), source, loadBalancer.orElseThrow(), legacyEcsServiceRole.orElseThrow(),
          ecrRepositories.orElseThrow(), services.orElseThrow()));
    }
    return new EnvironmentFile(source, true, name, clusterName, cidr, config, problems.lines());
  }

  private static Optional<ObjectFields> openTop(JsonNode root, Problems problems) {
    if (!root.isObject()) {
      problems.file("expected a JSON object at the top level, got " + Shown.typed(root));
      return Optional.empty();
    }
    return ObjectFields.open(root, JsonPath.root(), problems, FIELDS);
  }

  /**
   * The name must be well-formed and equal the file's stem, so that {@code -c environments=qa} and the
   * file a reader opens are the same thing. A well-formed name that differs from the stem still counts
   * for the duplicate check.
   */
  private static boolean nameValid(String name, Path source, ObjectFields top) {
    if (!matches(name, NAME, top, "name", "must start with a lowercase letter and hold only lowercase letters,"
        + " digits and '-', at most 20 characters, got %s")) {
      return false;
    }
    String fileName = source.getFileName().toString();
    String stem = fileName.endsWith(JSON_SUFFIX)
        ? fileName.substring(0, fileName.length() - JSON_SUFFIX.length())
        : fileName;
    if (!name.equals(stem)) {
      top.problems().at(top.path("name"), "must equal the file name without .json ('" + stem + "'), got "
          + Shown.quoted(name) + "; rename the file or the environment");
    }
    return true;
  }

  private static boolean matches(String value, Pattern pattern, ObjectFields fields, String field, String message) {
    if (pattern.matcher(value).matches()) {
      return true;
    }
    fields.problems().at(fields.path(field), String.format(message, Shown.quoted(value)));
    return false;
  }
}

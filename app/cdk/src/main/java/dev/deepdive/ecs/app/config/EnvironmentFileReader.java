package dev.deepdive.ecs.app.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one {@code <name>.json} into an {@link EnvironmentConfig}, reporting every problem of the file.
 *
 * <p>In four steps, each the one owner of its kind of rule: {@link StrictJson} (the syntax: no duplicate keys,
 * nothing after the object), {@link EnvironmentSchema} (every rule about one value, and the defaults),
 * {@link EnvironmentRules} (the rules between fields), and Jackson binding onto the records, which then cannot
 * fail. Problems of the first three steps are all reported; the file is bound only when there are none.
 */
final class EnvironmentFileReader {
  private static final JsonPath NAME = JsonPath.root().field("name");
  private static final JsonPath CLUSTER_NAME = JsonPath.root().field("clusterName");

  /**
   * Binds a validated file. Strict where the schema already is, so that a record and the schema that drift apart
   * fail a test rather than bind a wrong value: no field without a component, no missing primitive, no
   * conversion of scalars.
   */
  private static final ObjectReader BINDER = JsonMapper.builder()
      .addModule(new Jdk8Module())
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build()
      .readerFor(EnvironmentConfig.class);

  private EnvironmentFileReader() {}

  /** @param source the file as the user gave it, e.g. {@code app/environments/qa.json}; named in messages */
  static EnvironmentFile read(Path source, byte[] content) {
    Problems problems = new Problems(source.toString());
    Optional<JsonNode> parsed = StrictJson.parse(content, problems);
    if (parsed.isEmpty()) {
      return EnvironmentFile.unparsed(source, problems.lines());
    }
    JsonNode root = parsed.get();
    if (!root.isObject()) {
      problems.file("expected a JSON object at the top level, got " + Shown.typed(root));
      return EnvironmentFile.unparsed(source, problems.lines());
    }
    Path taskDefinitionsDir = EnvironmentConfig.taskDefinitionsDirFor(source);
    EnvironmentSchema.check(root, problems, Map.of("taskDefinitionsDir", taskDefinitionsDir.toString()));
    JsonNode effective = EnvironmentSchema.withDefaults(root);
    ConfigDefaults.applyTo(root, effective);
    CheckedValues values = new CheckedValues(root, effective, problems);
    // Valid on their own, these take part in the checks between files even when the file has other problems.
    Optional<String> name = values.text(NAME);
    Optional<String> clusterName = values.text(CLUSTER_NAME);
    Optional<Ipv4Cidr> cidr = EnvironmentRules.check(source, values);

    Optional<EnvironmentConfig> config = problems.isEmpty() ? Optional.of(bind(effective, source)) : Optional.empty();
    return new EnvironmentFile(source, true, name, clusterName, cidr, config, problems.lines());
  }

  private static EnvironmentConfig bind(JsonNode effective, Path source) {
    try {
      return BINDER.with(new InjectableValues.Std().addValue(EnvironmentConfig.SOURCE, source))
          .readValue(effective);
    } catch (IOException | IllegalArgumentException e) {
      // The schema accepted the file, so this is the tool's own mistake: a record out of step with the schema.
      throw new IllegalStateException(source + ": the records of dev.deepdive.ecs.app.config do not match "
          + EnvironmentSchema.PUBLISHED_PATH + ": " + e.getMessage(), e);
    }
  }
}

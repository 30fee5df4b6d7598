package dev.deepdive.ecs.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.walk.ApplyDefaultsStrategy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The published schema of environment files, {@code app/environment.schema.json} (JSON Schema draft 2020-12),
 * checked with networknt's json-schema-validator: the one owner of every rule about a single value (types, ranges,
 * patterns, allowed values, required and unknown fields) and of every default. The same file is what editors use
 * through {@code "$schema"}; its messages for the app are in {@link SchemaMessages#KEYWORD}.
 */
public final class EnvironmentSchema {
  /** Where the schema sits in the repository, and so what {@code "$schema"} in app/environments/*.json names. */
  public static final String PUBLISHED_PATH = "app/environment.schema.json";
  /** The value of {@code "$schema"} in a file of app/environments/. */
  public static final String REFERENCE_FROM_ENVIRONMENTS = "../environment.schema.json";

  private static final String RESOURCE = "environment.schema.json";
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Schema SCHEMA = load();
  /** Sub-schemas (the rules of field names) checked on their own; few, and fixed for the life of the schema. */
  private static final Map<JsonNode, Schema> PARTS = new IdentityHashMap<>();
  /** Fill in a missing field's "default"; never replace a value the file gives, null included. */
  private static final ApplyDefaultsStrategy DEFAULTS = new ApplyDefaultsStrategy(true, false, false);

  private EnvironmentSchema() {}

  private static Schema load() {
    try (InputStream in = EnvironmentSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the app's classpath; rebuild with bin/build");
      }
      return REGISTRY.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reports every violation of the schema in {@code root}, one line each.
   *
   * @param context values for the messages' file-dependent placeholders, e.g. {@code taskDefinitionsDir}
   */
  static void check(JsonNode root, Problems problems, Map<String, String> context) {
    SchemaMessages messages = new SchemaMessages(tree(), context, EnvironmentSchema::validatePart);
    messages.reportAll(SCHEMA.validate(root), problems);
  }

  /**
   * Every violation of the schema, one line each: {@code <file>: <json.path>: <what is wrong>, got <value>...}.
   *
   * @param file how messages name the file
   */
  public static List<String> problems(String file, JsonNode root) {
    Problems problems = new Problems(file);
    check(root, problems, Map.of("taskDefinitionsDir", "the task-definitions folder"));
    return new ArrayList<>(problems.lines());
  }

  /**
   * A copy of {@code root} with the schema's {@code "default"} of every missing field filled in, objects with a
   * default of {@code {}} included (and then their own fields' defaults). Values the file gives stay as they are.
   */
  static JsonNode withDefaults(JsonNode root) {
    JsonNode copy = root.deepCopy();
    SCHEMA.walk(copy, false, context -> context.walkConfig(walk -> walk.applyDefaultsStrategy(DEFAULTS)));
    return copy;
  }

  /** The schema itself. */
  public static JsonNode tree() {
    return SCHEMA.getSchemaNode();
  }

  private static List<Error> validatePart(JsonNode part, JsonNode value) {
    Schema schema;
    synchronized (PARTS) {
      schema = PARTS.computeIfAbsent(part, REGISTRY::getSchema);
    }
    return schema.validate(value);
  }
}

package dev.deepdive.ecs.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The published schema of environment files, {@code app/environment.schema.json} (JSON Schema draft 2020-12),
 * checked with networknt's json-schema-validator. The same file is what editors use through {@code "$schema"}.
 *
 * <p>The section readers report a file's problems in the tool's own words first; a file they accept is then held
 * against the schema as well, so that a rule the schema states and the readers lack cannot pass unnoticed.
 */
public final class EnvironmentSchema {
  /** Where the schema sits in the repository, and so what {@code "$schema"} in app/environments/*.json names. */
  public static final String PUBLISHED_PATH = "app/environment.schema.json";
  /** The value of {@code "$schema"} in a file of app/environments/. */
  public static final String REFERENCE_FROM_ENVIRONMENTS = "../environment.schema.json";

  private static final String RESOURCE = "environment.schema.json";
  private static final Schema SCHEMA = load();

  private EnvironmentSchema() {}

  private static Schema load() {
    try (InputStream in = EnvironmentSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the app's classpath; rebuild with bin/build");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text, InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every violation of the schema, one line each: {@code <file>: <json.path>: <message>, got <value>}.
   *
   * @param file how messages name the file
   */
  public static List<String> problems(String file, JsonNode root) {
    List<String> lines = new ArrayList<>();
    for (Error error : SCHEMA.validate(root)) {
      JsonPath path = path(error.getInstanceLocation());
      if (error.getProperty() != null && "additionalProperties".equals(error.getKeyword())) {
        path = path.field(error.getProperty());
      }
      String where = path.isRoot() ? file + ": " : file + ": " + path + ": ";
      JsonNode value = error.getInstanceNode();
      String got = value == null || value.isContainerNode() ? "" : ", got " + Shown.typed(value);
      lines.add(where + stripLocation(error.getMessage()) + got);
    }
    return lines;
  }

  /** The schema itself. */
  public static JsonNode tree() {
    return SCHEMA.getSchemaNode();
  }

  private static JsonPath path(NodePath location) {
    JsonPath path = JsonPath.root();
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      path = element instanceof Integer index ? path.index(index) : path.field(String.valueOf(element));
    }
    return path;
  }

  /** networknt starts each message with the instance location, which the line already names. */
  private static String stripLocation(String message) {
    int colon = message.indexOf(": ");
    return message.startsWith("$") && colon > 0 ? message.substring(colon + 2) : message;
  }
}

package dev.deepdive.ecs.optionspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepdive.ecs.app.EcsApp;
import dev.deepdive.ecs.app.NagGate;
import dev.deepdive.ecs.app.config.ConfigException;
import dev.deepdive.ecs.app.config.EnvironmentLoader;
import dev.deepdive.ecs.app.config.EnvironmentSchema;
import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionProblems;
import dev.deepdive.ecs.optionspace.GeneratedEnvironment.Factor;
import dev.deepdive.ecs.stacks.EnvironmentStage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;

/**
 * The option space of environment files, proven through the real pipeline: files generated from the schema's
 * options (every option in some file, every pair of the interacting options in some file, see {@link Factor}), each
 * with a task definition using what it documents, are loaded, checked against the published schema and synthesized
 * together in one app (one stage per file) through the security gate with no unsuppressed finding; the docs'
 * example files are synthesized with them. Invalid files, made by breaking one value of a valid file at a time, are
 * each rejected before synthesis with one line.
 *
 * <p>Why a pairwise covering array rather than random generation: it covers every pair for certain with few files,
 * and the same files on every run, so a failure reproduces and the suite's time stays fixed.
 */
class OptionSpaceTest {
  @TempDir static Path root;
  static List<int[]> validRows;
  static List<GeneratedEnvironment> generated;
  static List<EnvironmentStage> stages;
  static int gateExit;
  static String gateOutput;
  static long synthMillis;

  @BeforeAll
  static void generateAndSynthesizeEveryValidFile() throws IOException {
    validRows = PairwiseCases.of(Factor.levelCounts(), GeneratedEnvironment::valid);
    generated = IntStream.range(0, validRows.size())
        .mapToObj(i -> new GeneratedEnvironment(i, validRows.get(i))).toList();
    Path environments = Files.createDirectories(root.resolve("environments"));
    Path taskDefinitions = Files.createDirectories(root.resolve("task-definitions"));
    for (GeneratedEnvironment file : generated) {
      write(environments.resolve(file.name + ".json"), file.environment);
      writeTaskDefinitions(taskDefinitions, file);
    }
    DocumentedExamples.copyInto(environments, taskDefinitions);

    long start = System.nanoTime();
    App app = App.Builder.create().outdir(root.resolve("cdk.out").toString())
        .context(Map.of(EcsApp.ENVIRONMENTS_DIR_CONTEXT, environments.toString())).build();
    stages = EcsApp.build(app);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    gateExit = NagGate.check(app.synth(), new PrintStream(err, true, StandardCharsets.UTF_8));
    gateOutput = err.toString(StandardCharsets.UTF_8);
    synthMillis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("option space: " + generated.size() + " generated files and "
        + DocumentedExamples.count() + " documented examples synthesized in one app in " + synthMillis + " ms");
  }

  @Test
  void everyPairOfInteractingOptionsIsInSomeValidFile() {
    int[] levels = Factor.levelCounts();
    for (int a = 0; a < levels.length; a++) {
      for (int b = a + 1; b < levels.length; b++) {
        for (int la = 0; la < levels[a]; la++) {
          for (int lb = 0; lb < levels[b]; lb++) {
            int[] pair = new int[levels.length];
            java.util.Arrays.fill(pair, -1);
            pair[a] = la;
            pair[b] = lb;
            if (!GeneratedEnvironment.valid(pair)) {
              continue;
            }
            int fa = a;
            int fb = b;
            int va = la;
            int vb = lb;
            assertThat(validRows).as("%s=%s with %s=%s", Factor.values()[a], Factor.values()[a].levels.get(la),
                Factor.values()[b], Factor.values()[b].levels.get(lb))
                .anyMatch(row -> row[fa] == va && row[fb] == vb);
          }
        }
      }
    }
  }

  @Test
  void everyFieldOfTheSchemaIsInSomeGeneratedFile() {
    Set<String> used = new TreeSet<>();
    generated.forEach(file -> paths(file.environment, "", used));
    Set<String> declared = new TreeSet<>();
    schemaPaths(EnvironmentSchema.tree(), EnvironmentSchema.tree(), "", declared);
    assertThat(used).containsAll(declared);
  }

  @Test
  void everyGeneratedFileIsValidForThePublishedSchema() {
    generated.forEach(file -> assertThat(EnvironmentSchema.problems(file.name, file.environment)).isEmpty());
  }

  @Test
  void everyValidFileSynthesizesThroughTheSecurityGateWithoutFindings() {
    assertThat(stages).hasSize(generated.size() + DocumentedExamples.count());
    assertThat(gateExit).as(gateOutput).isZero();
    assertThat(gateOutput.lines().filter(line -> line.startsWith("error "))).isEmpty();
  }

  @Test
  void everyRuleOfTheGateCouldReadEveryFile() {
    // A rule that cannot read a resource (an intrinsic where it expects a value) reports CdkNagValidationFailure
    // instead of its finding: the resource would pass unchecked.
    assertThat(gateOutput.lines().filter(line -> line.contains("CdkNagValidationFailure"))).isEmpty();
  }

  @Test
  void theCombinationEcsRefusesIsRejectedBeforeSynthesisInOneLine(@TempDir Path tmp) throws IOException {
    int[] row = validRows.get(0).clone();
    row[Factor.NETWORK_MODE.ordinal()] = Factor.NETWORK_MODE.levels.indexOf("awsvpc");
    row[Factor.LOAD_BALANCER.ordinal()] = Factor.LOAD_BALANCER.levels.indexOf("http");
    row[Factor.LEGACY_ROLE.ordinal()] = Factor.LEGACY_ROLE.levels.indexOf("true");
    assertThat(GeneratedEnvironment.valid(row)).isFalse();
    GeneratedEnvironment file = new GeneratedEnvironment(0, row);
    Path environments = Files.createDirectories(tmp.resolve("environments"));
    Path taskDefinitions = Files.createDirectories(tmp.resolve("task-definitions"));
    write(environments.resolve(file.name + ".json"), file.environment);
    writeTaskDefinitions(taskDefinitions, file);
    App app = App.Builder.create().outdir(tmp.resolve("cdk.out").toString())
        .context(Map.of(EcsApp.ENVIRONMENTS_DIR_CONTEXT, environments.toString())).build();
    assertThatThrownBy(() -> EcsApp.build(app)).isInstanceOfSatisfying(TaskDefinitionProblems.class,
        e -> assertThat(e.problems()).singleElement().asString().contains("legacyEcsServiceRole"));
  }

  @TestFactory
  List<DynamicTest> everyFileWithOneValueBrokenIsRejectedBeforeSynthesisInOneLine(@TempDir Path tmp) {
    GeneratedEnvironment richest = generated.stream()
        .max(java.util.Comparator.comparingInt(file -> paths(file.environment))).orElseThrow();
    List<DynamicTest> tests = new ArrayList<>();
    for (Mutation mutation : Mutation.of(richest.environment)) {
      tests.add(DynamicTest.dynamicTest(mutation.describe(), () -> {
        Path folder = Files.createDirectories(tmp.resolve("case-" + tests.size() + "-" + System.nanoTime()));
        Path environments = Files.createDirectories(folder.resolve("environments"));
        Path taskDefinitions = Files.createDirectories(folder.resolve("task-definitions"));
        Path source = environments.resolve(richest.name + ".json");
        write(source, mutation.apply(richest.environment));
        writeTaskDefinitions(taskDefinitions, richest);
        assertThatThrownBy(() -> EnvironmentLoader.loadAll(environments))
            .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement()
                .asString().startsWith(source + ": " + mutation.path()));
      }));
    }
    assertThat(tests).hasSizeGreaterThan(30);
    return tests;
  }

  /** Every task definition file {@code file} names. */
  static void writeTaskDefinitions(Path folder, GeneratedEnvironment file) throws IOException {
    write(folder.resolve(file.taskDefinitionFile), file.taskDefinition);
    for (Map.Entry<String, ObjectNode> other : file.otherTaskDefinitions.entrySet()) {
      write(folder.resolve(other.getKey()), other.getValue());
    }
  }

  static void write(Path file, JsonNode json) throws IOException {
    Files.writeString(file, GeneratedEnvironment.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
  }

  /** How many values the file sets. */
  private static int paths(JsonNode node) {
    Set<String> set = new TreeSet<>();
    paths(node, "", set);
    return set.size();
  }

  /** The schema paths a file uses: object keys joined by '/', list items as '*', free-form map keys as '*'. */
  private static void paths(JsonNode node, String at, Set<String> out) {
    if (node.isObject()) {
      boolean freeForm = freeForm(at);
      node.properties().forEach(p -> {
        String child = at + "/" + (freeForm && !p.getKey().equals("ECS_RESERVED_MEMORY") ? "*" : p.getKey());
        out.add(child);
        paths(p.getValue(), child, out);
      });
    } else if (node.isArray()) {
      node.forEach(item -> paths(item, at + "/*", out));
    }
  }

  /** Objects whose keys the file chooses: agent settings, tags, repositories, a container override's environment. */
  static boolean freeForm(String at) {
    return at.equals("/agent") || at.equals("/tags") || at.equals("/ecrRepositories") || at.endsWith("/environment");
  }

  /** The same paths, for every property the schema declares. */
  private static void schemaPaths(JsonNode schema, JsonNode rootSchema, String at, Set<String> out) {
    JsonNode resolved = schema;
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      resolved = rootSchema.at(ref.substring(1));
    }
    resolved.path("properties").properties().forEach(p -> {
      String child = at + "/" + p.getKey();
      out.add(child);
      schemaPaths(p.getValue(), rootSchema, child, out);
    });
    JsonNode additional = resolved.path("additionalProperties");
    if (additional.isObject()) {
      out.add(at + "/*");
      schemaPaths(additional, rootSchema, at + "/*", out);
    }
    if (resolved.has("items")) {
      schemaPaths(resolved.get("items"), rootSchema, at + "/*", out);
    }
  }

  /** One value of a valid file broken: the wrong JSON type, or a mistyped field name. */
  record Mutation(String path, String kind, JsonNode pointer, String field) {
    static List<Mutation> of(JsonNode file) {
      List<Mutation> mutations = new ArrayList<>();
      collect(file, "", "", mutations);
      return mutations;
    }

    private static void collect(JsonNode node, String pointer, String path, List<Mutation> out) {
      if (!node.isObject()) {
        return;
      }
      boolean freeForm = freeForm(pointer);
      Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
      boolean typoAdded = false;
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String key = field.getKey();
        String childPointer = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
        String childPath = path.isEmpty() ? key : (key.matches("[A-Za-z_][A-Za-z0-9_]*") ? path + "." + key
            : path + "[\"" + key + "\"]");
        JsonNode value = field.getValue();
        if (!freeForm && !typoAdded && key.length() > 3) {
          out.add(new Mutation(path.isEmpty() ? key.substring(0, key.length() - 1) + "x"
              : path + "." + key.substring(0, key.length() - 1) + "x", "unknown field", null, pointer + "|" + key));
          typoAdded = true;
        }
        if (value.isValueNode()) {
          out.add(new Mutation(childPath, "wrong type", GeneratedEnvironment.JSON.getNodeFactory()
              .textNode(childPointer), null));
        } else if (value.isObject()) {
          collect(value, childPointer, childPath, out);
        } else if (value.isArray()) {
          for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemPointer = childPointer + "/" + i;
            String itemPath = childPath + "[" + i + "]";
            if (item.isValueNode()) {
              out.add(new Mutation(itemPath, "wrong type", GeneratedEnvironment.JSON.getNodeFactory()
                  .textNode(itemPointer), null));
            } else {
              collect(item, itemPointer, itemPath, out);
            }
          }
        }
      }
    }

    String describe() {
      return kind + " at " + path;
    }

    JsonNode apply(JsonNode file) {
      JsonNode copy = file.deepCopy();
      if (field != null) {
        String[] parts = field.split("\\|", 2);
        ObjectNode parent = (ObjectNode) (parts[0].isEmpty() ? copy : copy.at(parts[0]));
        String key = parts[1];
        // A second, mistyped copy of an existing field: the file is otherwise complete, so only the typo is wrong.
        parent.set(key.substring(0, key.length() - 1) + "x", parent.get(key));
        return copy;
      }
      String at = pointer.asText();
      int slash = at.lastIndexOf('/');
      JsonNode parent = copy.at(at.substring(0, slash));
      String last = at.substring(slash + 1).replace("~1", "/").replace("~0", "~");
      JsonNode old = copy.at(at);
      JsonNode wrong = old.isTextual() ? JsonNodeFactory.instance.numberNode(7)
          : JsonNodeFactory.instance.textNode(old.asText());
      if (parent instanceof ArrayNode list) {
        list.set(Integer.parseInt(last), wrong);
      } else {
        ((ObjectNode) parent).set(last, wrong);
      }
      return copy;
    }
  }
}

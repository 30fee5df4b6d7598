package dev.deepdive.ecs.constructs.taskdef;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionSchema.Field;
import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionSchema.Kind;
import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionSchema.Shape;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The round-trip files between them use every supported field, so the round trip covers the whole schema. */
class SchemaCoverageTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void roundTripFilesUseEverySupportedField() throws Exception {
    Set<String> used = new TreeSet<>();
    for (String file : TaskDefinitionRoundTripTest.FILES) {
      collect(JSON.readTree(TaskDefinitionRoundTripTest.read(file)), TaskDefinitionSchema.ROOT, used);
    }
    Set<String> supported = new TreeSet<>();
    all(TaskDefinitionSchema.ROOT, supported);

    assertThat(supported).hasSizeGreaterThan(100);
    supported.removeAll(used);
    assertThat(supported).as("supported fields no round-trip file uses").isEmpty();
  }

  private static void collect(JsonNode node, Shape shape, Set<String> used) {
    node.properties().forEach(e -> {
      Field f = shape.fields().get(e.getKey());
      used.add(shape.name() + "." + e.getKey());
      if (f.kind() == Kind.OBJECT) {
        collect(e.getValue(), f.shape(), used);
      } else if (f.kind() == Kind.OBJECT_LIST) {
        e.getValue().forEach(item -> collect(item, f.shape(), used));
      }
    });
  }

  private static void all(Shape shape, Set<String> out) {
    for (Field f : shape.fields().values()) {
      if (out.add(shape.name() + "." + f.apiName()) && f.shape() != null) {
        all(f.shape(), out);
      }
    }
  }
}

package dev.deepdive.ecs.constructs.taskdef;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepdive.ecs.constructs.taskdef.EcsApiModel.Field;
import dev.deepdive.ecs.constructs.taskdef.EcsApiModel.Shape;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The round-trip files between them use every API field this tool accepts, so the round trip proves each one
 * reaches CloudFormation with the right name and value.
 */
class SchemaCoverageTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void roundTripFilesUseEveryAcceptedApiField() throws Exception {
    Set<String> used = new TreeSet<>();
    for (String file : TaskDefinitionRoundTripTest.FILES) {
      collect(JSON.readTree(TaskDefinitionRoundTripTest.read(file)), EcsApiModel.TASK_DEFINITION, used);
    }
    Set<String> accepted = new TreeSet<>();
    accepted(EcsApiModel.TASK_DEFINITION, accepted);

    assertThat(accepted).hasSizeGreaterThan(120);
    accepted.removeAll(used);
    assertThat(accepted).as("accepted fields no round-trip file uses").isEmpty();
  }

  private static void collect(JsonNode node, Shape shape, Set<String> used) {
    node.properties().forEach(e -> {
      used.add(shape.key(e.getKey()));
      Field field = shape.fields().get(e.getKey());
      Field items = field.kind() == EcsApiModel.Kind.LIST ? field.element() : field;
      if (items.kind() == EcsApiModel.Kind.OBJECT) {
        if (field.kind() == EcsApiModel.Kind.LIST) {
          e.getValue().forEach(item -> collect(item, items.shape(), used));
        } else {
          collect(e.getValue(), items.shape(), used);
        }
      }
    });
  }

  /** Every field a file may use: the model's, less what this tool or CloudFormation refuses. */
  static void accepted(Shape shape, Set<String> out) {
    for (Field field : shape.fields().values()) {
      if (TaskDefinitionFormat.refusal(shape, field.name()).isPresent() || !out.add(shape.key(field.name()))) {
        continue;
      }
      Field items = field.kind() == EcsApiModel.Kind.LIST ? field.element() : field;
      if (items.kind() == EcsApiModel.Kind.OBJECT) {
        accepted(items.shape(), out);
      }
    }
  }
}

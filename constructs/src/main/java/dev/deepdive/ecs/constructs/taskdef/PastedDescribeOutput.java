package dev.deepdive.ecs.constructs.taskdef;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recognizes what people paste instead of a register-task-definition file: the output of
 * {@code aws ecs describe-task-definition} (wrapped in {@code {"taskDefinition": ...}}, or unwrapped but with the
 * fields ECS sets on registering: {@code taskDefinitionArn}, {@code revision}, {@code status}, ...), or the console's
 * JSON view, which writes {@code null} for every field left unset. Each gets one line saying what to do, instead of a
 * line per field.
 *
 * <p>Refused rather than cleaned up silently: the file is the reviewed source of a deployment, and a left-over
 * {@code "revision": 7} or {@code "status": "ACTIVE"} in it reads like a setting it is not.
 */
final class PastedDescribeOutput {
  /** Fields named in the line before "and N more". */
  private static final int NAMED_UP_TO = 6;

  private PastedDescribeOutput() {}

  /** The one line for {@code root}, or empty when it is not pasted describe output. */
  static Optional<String> problem(String displayPath, JsonNode root) {
    String wrapper = wrapper(root);
    JsonNode definition = wrapper == null ? root : root.get(wrapper);
    List<String> readOnly = new ArrayList<>();
    TaskDefinitionFormat.readOnlyFields().forEach(field -> {
      if (definition.has(field)) {
        readOnly.add(field);
      }
    });
    List<String> nulls = new ArrayList<>();
    nulls(definition, "", nulls);
    if (wrapper != null) {
      String other = otherWrapperFields(root, wrapper);
      return Optional.of(displayPath + ": this is the output of aws ecs describe-task-definition, not a task"
          + " definition file: keep only the object under \"" + wrapper + "\"" + other + remove(readOnly, nulls));
    }
    if (!readOnly.isEmpty()) {
      return Optional.of(displayPath + ": " + named(readOnly) + ": output of aws ecs describe-task-definition, set by"
          + " ECS when it registers a revision, not input; remove " + (readOnly.size() == 1 ? "it" : "them")
          + (nulls.isEmpty() ? "" : ", and the null fields (" + named(nulls) + ")"));
    }
    if (!nulls.isEmpty()) {
      return Optional.of(displayPath + ": " + named(nulls) + ": null, as the console's JSON view writes unset"
          + " fields; remove " + (nulls.size() == 1 ? "it" : "them") + ": a field left out takes ECS's default");
    }
    return Optional.empty();
  }

  /** The field of describe-task-definition's response that holds the task definition, if {@code root} is one. */
  private static String wrapper(JsonNode root) {
    for (Map.Entry<String, EcsApiModel.Field> field : EcsApiModel.DESCRIBE_RESPONSE.fields().entrySet()) {
      if (field.getValue().shape() == EcsApiModel.DESCRIBED_TASK_DEFINITION && root.path(field.getKey()).isObject()) {
        return field.getKey();
      }
    }
    return null;
  }

  /** describe-task-definition --include TAGS puts the tags beside the task definition; they belong inside it. */
  private static String otherWrapperFields(JsonNode root, String wrapper) {
    return root.has("tags") && !wrapper.equals("tags") ? " (move \"tags\" into it)" : "";
  }

  private static String remove(List<String> readOnly, List<String> nulls) {
    List<String> parts = new ArrayList<>();
    if (!readOnly.isEmpty()) {
      parts.add(named(readOnly));
    }
    if (!nulls.isEmpty()) {
      parts.add("the null fields (" + named(nulls) + ")");
    }
    return parts.isEmpty() ? "" : ", and remove " + String.join(" and ", parts);
  }

  private static void nulls(JsonNode node, String path, List<String> out) {
    if (node.isObject()) {
      node.properties().forEach(e -> {
        String child = JsonPaths.child(path, e.getKey());
        if (e.getValue().isNull()) {
          out.add(child);
        } else {
          nulls(e.getValue(), child, out);
        }
      });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String item = JsonPaths.index(path, i);
        if (node.get(i).isNull()) {
          out.add(item);
        } else {
          nulls(node.get(i), item, out);
        }
      }
    }
  }

  private static String named(List<String> fields) {
    if (fields.size() <= NAMED_UP_TO) {
      return String.join(", ", fields);
    }
    return String.join(", ", fields.subList(0, NAMED_UP_TO)) + " and " + (fields.size() - NAMED_UP_TO) + " more";
  }
}

package dev.deepdive.ecs.constructs.taskdef;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deepdive.ecs.constructs.taskdef.EcsApiModel.Field;
import dev.deepdive.ecs.constructs.taskdef.EcsApiModel.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a checked task definition tree into {@code AWS::ECS::TaskDefinition} Properties: field names from
 * {@link TaskDefinitionFormat#cloudFormationName}, values unchanged as the API model types them (numbers stay
 * numbers, free-form map keys stay as written), task-level cpu and memory as strings because CloudFormation types
 * them so. Nothing is added that the file does not say, apart from the role ARNs and the caller's
 * {@link RenderOptions}.
 */
final class CloudFormationRenderer {
  private static final Shape ROOT = EcsApiModel.TASK_DEFINITION;

  private CloudFormationRenderer() {}

  static Map<String, Object> render(JsonNode root, String executionRoleArn, String taskRoleArn,
      RenderOptions options, JsonNode defaultLogConfiguration) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      String name = e.getKey();
      if (TaskDefinitionFormat.REPLACED_ROOT_FIELDS.contains(name)) {
        continue;
      }
      String cfnName = TaskDefinitionFormat.cloudFormationName(ROOT, name);
      if (name.equals("containerDefinitions")) {
        List<Object> containers = new ArrayList<>();
        for (JsonNode c : e.getValue()) {
          containers.add(container(c, ROOT.fields().get(name).element().shape(), options, defaultLogConfiguration));
        }
        out.put(cfnName, containers);
      } else if (TaskDefinitionFormat.taskSize(ROOT, name)) {
        // CloudFormation's Cpu and Memory are strings; "1 vCPU" and "2 GB" are passed as written.
        out.put(cfnName, e.getValue().isTextual() ? e.getValue().textValue() : String.valueOf(e.getValue().intValue()));
      } else {
        out.put(cfnName, value(e.getValue(), ROOT.fields().get(name)));
      }
    }
    if (executionRoleArn != null) {
      out.put("ExecutionRoleArn", executionRoleArn);
    }
    if (taskRoleArn != null) {
      out.put("TaskRoleArn", taskRoleArn);
    }
    return out;
  }

  private static Map<String, Object> container(JsonNode c, Shape shape, RenderOptions options,
      JsonNode defaultLogConfiguration) {
    Map<String, Object> rendered = object(c, shape);
    rendered.put(TaskDefinitionFormat.cloudFormationName(shape, "image"),
        options.imageResolver().apply(c.get("image").textValue()));
    if (!c.has("logConfiguration") && defaultLogConfiguration != null) {
      rendered.put(TaskDefinitionFormat.cloudFormationName(shape, "logConfiguration"),
          object(defaultLogConfiguration, shape.fields().get("logConfiguration").shape()));
    }
    return rendered;
  }

  private static Map<String, Object> object(JsonNode node, Shape shape) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      out.put(TaskDefinitionFormat.cloudFormationName(shape, e.getKey()),
          value(e.getValue(), shape.fields().get(e.getKey())));
    }
    return out;
  }

  private static Object value(JsonNode v, Field field) {
    return switch (field.kind()) {
      case STRING -> v.textValue();
      case INTEGER -> v.intValue();
      case BOOLEAN -> v.booleanValue();
      case OBJECT -> object(v, field.shape());
      case LIST -> {
        List<Object> list = new ArrayList<>();
        v.forEach(item -> list.add(value(item, field.element())));
        yield list;
      }
      case MAP -> {
        Map<String, Object> map = new LinkedHashMap<>();
        v.properties().forEach(e -> map.put(e.getKey(), value(e.getValue(), field.element())));
        yield map;
      }
    };
  }
}

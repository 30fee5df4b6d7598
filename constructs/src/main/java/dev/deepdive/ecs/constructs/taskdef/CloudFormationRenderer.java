package dev.deepdive.ecs.constructs.taskdef;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionSchema.Field;
import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionSchema.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a checked task definition tree into {@code AWS::ECS::TaskDefinition} Properties: field names from
 * {@link TaskDefinitionSchema}, values unchanged (numbers stay numbers, free-form map keys stay as written),
 * task-level cpu and memory as strings because CloudFormation types them so. Nothing is added that the file
 * does not say, apart from the role ARNs and the caller's {@link RenderOptions}.
 */
final class CloudFormationRenderer {
  private CloudFormationRenderer() {}

  static Map<String, Object> render(JsonNode root, String executionRoleArn, String taskRoleArn,
      RenderOptions options, JsonNode defaultLogConfiguration) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      Field field = TaskDefinitionSchema.ROOT.fields().get(e.getKey());
      if (TaskDefinitionSchema.REPLACED_ROOT_FIELDS.contains(e.getKey())) {
        continue;
      }
      if (e.getKey().equals("containerDefinitions")) {
        List<Object> containers = new ArrayList<>();
        for (JsonNode c : e.getValue()) {
          containers.add(container(c, options, defaultLogConfiguration));
        }
        out.put(field.cfnName(), containers);
      } else {
        out.put(field.cfnName(), value(e.getValue(), field));
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

  private static Map<String, Object> container(JsonNode c, RenderOptions options, JsonNode defaultLogConfiguration) {
    Map<String, Object> rendered = object(c, TaskDefinitionSchema.CONTAINER);
    rendered.put("Image", options.imageResolver().apply(c.get("image").textValue()));
    if (!c.has("logConfiguration") && defaultLogConfiguration != null) {
      rendered.put("LogConfiguration", object(defaultLogConfiguration, TaskDefinitionSchema.LOG_CONFIGURATION));
    }
    return rendered;
  }

  static Map<String, Object> object(JsonNode node, Shape shape) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      Field field = shape.fields().get(e.getKey());
      out.put(field.cfnName(), value(e.getValue(), field));
    }
    return out;
  }

  private static Object value(JsonNode v, Field field) {
    switch (field.kind()) {
      case STRING:
        return v.textValue();
      case INTEGER:
        return v.intValue();
      case BOOLEAN:
        return v.booleanValue();
      case TASK_CPU:
      case TASK_MEMORY:
        // CloudFormation's Cpu and Memory are strings; "1 vCPU" and "2 GB" are passed as written.
        return v.isTextual() ? v.textValue() : String.valueOf(v.intValue());
      case STRING_LIST: {
        List<Object> list = new ArrayList<>();
        v.forEach(item -> list.add(item.textValue()));
        return list;
      }
      case STRING_MAP: {
        Map<String, Object> map = new LinkedHashMap<>();
        v.properties().forEach(e -> map.put(e.getKey(), e.getValue().textValue()));
        return map;
      }
      case OBJECT:
        return object(v, field.shape());
      case OBJECT_LIST: {
        List<Object> list = new ArrayList<>();
        v.forEach(item -> list.add(object(item, field.shape())));
        return list;
      }
      default:
        throw new IllegalStateException("unhandled kind " + field.kind());
    }
  }
}

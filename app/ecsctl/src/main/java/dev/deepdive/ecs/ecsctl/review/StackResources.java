package dev.deepdive.ecs.ecsctl.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The resources of one template, sorted by logical ID so every report lists them in the same order. */
final class StackResources {
  private final SortedMap<String, JsonNode> byLogicalId = new TreeMap<>();

  StackResources(JsonNode template) {
    for (Map.Entry<String, JsonNode> resource : template.path("Resources").properties()) {
      if (resource.getValue().isObject()) {
        byLogicalId.put(resource.getKey(), resource.getValue());
      }
    }
  }

  SortedMap<String, JsonNode> all() {
    return byLogicalId;
  }

  /** Resources of one type, sorted by logical ID. */
  SortedMap<String, JsonNode> ofType(String type) {
    SortedMap<String, JsonNode> matching = new TreeMap<>();
    byLogicalId.forEach((id, resource) -> {
      if (type.equals(typeOf(resource))) {
        matching.put(id, resource);
      }
    });
    return matching;
  }

  /** The resource a value refers to by Ref or Fn::GetAtt, when it is in this template and of that type. */
  JsonNode referenced(JsonNode value, String type) {
    JsonNode resource = byLogicalId.get(Intrinsics.referencedId(value));
    return resource != null && type.equals(typeOf(resource)) ? resource : null;
  }

  static String typeOf(JsonNode resource) {
    return resource.path("Type").asText("");
  }

  static JsonNode properties(JsonNode resource) {
    return resource.path("Properties");
  }
}

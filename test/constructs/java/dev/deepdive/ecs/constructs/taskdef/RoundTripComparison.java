package dev.deepdive.ecs.constructs.taskdef;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a register-task-definition JSON file with the synthesized {@code AWS::ECS::TaskDefinition}
 * Properties, field by field, and lists every difference with its path.
 *
 * <p>Deliberately independent of the production schema: the PascalCase spelling is derived here by rule plus
 * CloudFormation's own exceptions, so a wrong name in the schema shows up as a difference instead of being
 * repeated by the test.
 */
final class RoundTripComparison {
  /** CloudFormation names that are not the API name with a capital first letter. */
  static final Map<String, String> CFN_SPELLING = Map.of(
      "efsVolumeConfiguration", "EFSVolumeConfiguration",
      "fileSystemId", "FilesystemId",
      "iam", "IAM",
      "s3filesVolumeConfiguration", "S3FilesVolumeConfiguration",
      "properties", "ProxyConfigurationProperties");
  /** Free-form maps: their keys are the user's and must arrive exactly as written. */
  static final Set<String> FREE_FORM = Set.of("dockerLabels", "options", "driverOpts", "labels");
  /** Replaced by the generated roles; compared separately. */
  static final Set<String> REPLACED = Set.of("executionRoleArn", "taskRoleArn");
  /** What the tool adds at the top level besides the file's fields. */
  static final Set<String> ADDED_AT_ROOT = Set.of("ExecutionRoleArn", "TaskRoleArn");

  private final List<String> differences = new ArrayList<>();

  private RoundTripComparison() {}

  /** Every difference between {@code file} and the resource's {@code properties}; empty when faithful. */
  static List<String> differences(JsonNode file, JsonNode properties) {
    RoundTripComparison c = new RoundTripComparison();
    c.compareObject(file, properties, "", true);
    return c.differences;
  }

  static String cfnName(String apiName) {
    return CFN_SPELLING.getOrDefault(apiName, Character.toUpperCase(apiName.charAt(0)) + apiName.substring(1));
  }

  private void compareObject(JsonNode expected, JsonNode actual, String path, boolean root) {
    if (!actual.isObject()) {
      differences.add(path + ": expected an object, got " + actual);
      return;
    }
    Set<String> expectedNames = new HashSet<>();
    for (Map.Entry<String, JsonNode> e : expected.properties()) {
      String name = e.getKey();
      if (root && REPLACED.contains(name)) {
        continue;
      }
      String cfn = cfnName(name);
      expectedNames.add(cfn);
      String childPath = path.isEmpty() ? name : path + "." + name;
      JsonNode actualChild = actual.get(cfn);
      if (actualChild == null) {
        differences.add(childPath + ": missing (looked for " + cfn + ")");
      } else if (FREE_FORM.contains(name)) {
        if (!e.getValue().equals(actualChild)) {
          differences.add(childPath + ": free-form map changed: expected " + e.getValue() + ", got " + actualChild);
        }
      } else if (root && name.equals("tags")) {
        // CDK's tag manager renders tags sorted by key; their order means nothing to ECS.
        compareUnordered(e.getValue(), actualChild, childPath);
      } else if (root && (name.equals("cpu") || name.equals("memory"))) {
        String expectedText = e.getValue().asText();
        if (!actualChild.isTextual() || !actualChild.textValue().equals(expectedText)) {
          differences.add(childPath + ": expected the string \"" + expectedText + "\", got " + actualChild);
        }
      } else {
        compare(e.getValue(), actualChild, childPath);
      }
    }
    actual.fieldNames().forEachRemaining(name -> {
      if (!expectedNames.contains(name) && !(root && ADDED_AT_ROOT.contains(name))) {
        differences.add((path.isEmpty() ? "" : path + ".") + name + ": not in the file but in the resource");
      }
    });
  }

  private void compareUnordered(JsonNode expected, JsonNode actual, String path) {
    for (int i = 0; i < expected.size(); i++) {
      JsonNode tag = expected.get(i);
      boolean found = false;
      for (JsonNode a : actual) {
        RoundTripComparison one = new RoundTripComparison();
        one.compareObject(tag, a, path, false);
        found |= one.differences.isEmpty();
      }
      if (!found) {
        differences.add(path + "[" + i + "]: " + tag + " not found in " + actual);
      }
    }
    if (actual.size() != expected.size()) {
      differences.add(path + ": expected " + expected.size() + " items, got " + actual);
    }
  }

  private void compare(JsonNode expected, JsonNode actual, String path) {
    if (expected.isObject()) {
      compareObject(expected, actual, path, false);
    } else if (expected.isArray()) {
      if (!actual.isArray() || actual.size() != expected.size()) {
        differences.add(path + ": expected " + expected.size() + " items, got " + actual);
        return;
      }
      for (int i = 0; i < expected.size(); i++) {
        compare(expected.get(i), actual.get(i), path + "[" + i + "]");
      }
    } else if (expected.isNumber()) {
      if (!actual.isNumber() || expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
        differences.add(path + ": expected the number " + expected + ", got " + actual);
      }
    } else if (!expected.equals(actual)) {
      differences.add(path + ": expected " + expected + ", got " + actual);
    }
  }
}

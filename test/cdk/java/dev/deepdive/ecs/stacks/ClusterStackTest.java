package dev.deepdive.ecs.stacks;

import dev.deepdive.ecs.testing.ShippedExample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterStackTest {
  private final ShippedExample example = ShippedExample.get();

  @Test
  void eachEnvironmentHasItsOwnNamedCluster() {
    for (String env : List.of("dev", "qa", "prod")) {
      example.template(env, "Cluster").hasResourceProperties("AWS::ECS::Cluster", Map.of(
          "ClusterName", "deep-dive-" + env));
    }
  }

  @Test
  void containerInsightsAreOn() {
    example.template("dev", "Cluster").hasResourceProperties("AWS::ECS::Cluster", Map.of(
        "ClusterSettings", List.of(Map.of("Name", "containerInsights", "Value", "enabled"))));
  }

  @Test
  void environmentTagsReachTheResources() {
    example.template("qa", "Cluster").hasResourceProperties("AWS::ECS::Cluster", Map.of(
        "Tags", software.amazon.awscdk.assertions.Match.arrayWith(List.of(Map.of("Key", "environment", "Value", "qa")))));
  }
}

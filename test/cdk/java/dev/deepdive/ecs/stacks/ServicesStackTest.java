package dev.deepdive.ecs.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepdive.ecs.testing.ShippedExample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/** The shipped example's services: web, and tomcat with memcached in one task. */
class ServicesStackTest {
  private final ShippedExample example = ShippedExample.get();

  @Test
  void eachServiceLivesInTheStackOfItsGroup() {
    assertThat(example.stage("dev").serviceStacks()).containsOnlyKeys("ServicesB", "ServicesC");
    assertThat(example.stage("dev").serviceStacks().get("ServicesB").services()).containsOnlyKeys("web");
    assertThat(example.stage("dev").serviceStacks().get("ServicesC").services()).containsOnlyKeys("shop");
  }

  @Test
  void desiredCountsDifferPerEnvironment() {
    example.template("dev", "ServicesB").hasResourceProperties("AWS::ECS::Service",
        Map.of("ServiceName", "web", "DesiredCount", 1));
    example.template("qa", "ServicesB").hasResourceProperties("AWS::ECS::Service",
        Map.of("ServiceName", "web", "DesiredCount", 2));
    example.template("prod", "ServicesB").hasResourceProperties("AWS::ECS::Service",
        Map.of("ServiceName", "web", "DesiredCount", 3));
  }

  @Test
  void theWebTaskRunsTomcatWithWorkingMemory() {
    example.template("dev", "ServicesB").hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(
        "Family", "dev-web",
        "ContainerDefinitions", List.of(Match.objectLike(Map.of(
            "Name", "tomcat", "Image", "tomcat", "Memory", 512,
            "PortMappings", List.of(Map.of("ContainerPort", 8080, "HostPort", 0)))))));
  }

  @Test
  void containersThatBelongTogetherShareOneTaskAndAVolume() {
    example.template("dev", "ServicesC").hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(
        "Family", "dev-shop",
        "Volumes", List.of(Match.objectLike(Map.of("Name", "shared-data"))),
        "ContainerDefinitions", List.of(
            Match.objectLike(Map.of("Name", "tomcat", "Links", List.of("memcached"), "MountPoints",
                List.of(Match.objectLike(Map.of("SourceVolume", "shared-data"))))),
            Match.objectLike(Map.of("Name", "memcached", "MountPoints",
                List.of(Match.objectLike(Map.of("SourceVolume", "shared-data"))))))));
  }

  @Test
  void shopIsRoutedBeforeTheCatchAllWebRule() {
    example.template("dev", "ServicesC").hasResourceProperties("AWS::ElasticLoadBalancingV2::ListenerRule", Map.of(
        "Priority", 10, "Conditions", List.of(Map.of("Field", "path-pattern",
            "PathPatternConfig", Map.of("Values", List.of("/shop", "/shop/*"))))));
    example.template("dev", "ServicesB").hasResourceProperties("AWS::ElasticLoadBalancingV2::ListenerRule",
        Map.of("Priority", 100));
  }

  @Test
  void oneInternetFacingLoadBalancerPerEnvironment() {
    example.template("qa", "LoadBalancer").resourcePropertiesCountIs("AWS::ElasticLoadBalancingV2::LoadBalancer",
        Map.of("Scheme", "internet-facing"), 1);
  }

  @Test
  void prodHasItsImageRepositoryWithScanOnPushImmutableTagsAndALifecycle() {
    example.template("prod", "LoadBalancer").hasResourceProperties("AWS::ECR::Repository", Map.of(
        "ImageScanningConfiguration", Map.of("ScanOnPush", true),
        "ImageTagMutability", "IMMUTABLE",
        "LifecyclePolicy", Map.of("LifecyclePolicyText", Match.stringLikeRegexp(".*\"countNumber\":30.*"))));
  }

  @Test
  void noLegacyServiceRoleUnlessAsked() {
    example.template("dev", "LoadBalancer").resourceCountIs("AWS::IAM::Role", 0);
  }
}

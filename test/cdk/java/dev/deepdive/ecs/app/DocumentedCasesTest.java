package dev.deepdive.ecs.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deepdive.ecs.app.config.ConfigException;
import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionProblems;
import dev.deepdive.ecs.testing.SynthesizedEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Match;

/**
 * Settings the docs describe that once failed to synthesize (or, for ECS_RESERVED_MEMORY, passed when they should
 * not): each from the environment file through the app and the security gate.
 */
class DocumentedCasesTest {
  @TempDir Path root;

  private static final String WEB = """
      {"family": "web", "containerDefinitions": [{"name": "tomcat", "image": "tomcat", "cpu": 256, "memory": 512,
        "portMappings": [{"containerPort": 8080, "hostPort": 0}]}]}
      """;
  private static final String AWSVPC_WEB = """
      {"family": "web", "networkMode": "awsvpc", "containerDefinitions": [{"name": "tomcat", "image": "tomcat",
        "cpu": 256, "memory": 512, "portMappings": [{"containerPort": 8080}]}]}
      """;

  /** A dev environment with one load-balanced service; {@code top} goes in at the top level. */
  private static String dev(String top, String instanceType) {
    return """
        {
          "name": "dev", %s
          "clusterName": "deep-dive-dev",
          "network": {"cidr": "10.10.0.0/16"},
          "capacity": {"instanceTypes": ["%s"], "minSize": 1, "desiredSize": 1, "maxSize": 2},
          "services": [{"name": "web", "taskDefinition": "web.json", "desiredCount": 1,
            "loadBalancer": {"container": "tomcat", "containerPort": 8080, "pathPatterns": ["/*"]}}]
        }
        """.formatted(top.isEmpty() ? "" : top + ",", instanceType);
  }

  @Test
  void anEnvironmentPinnedToAnAccountAndRegionPassesTheGate() {
    SynthesizedEnvironment dev = SynthesizedEnvironment.synthesize(root, "dev",
        dev("\"account\": \"111111111111\", \"region\": \"us-east-1\"", "t3.medium"), Map.of("web.json", WEB));
    assertThat(dev.gateExitCode()).as(dev.gateOutput()).isZero();
  }

  @Test
  void anEnvironmentPinnedToAnAccountAlonePassesTheGate() {
    SynthesizedEnvironment dev = SynthesizedEnvironment.synthesize(root, "dev",
        dev("\"account\": \"111111111111\"", "t3.medium"), Map.of("web.json", WEB));
    assertThat(dev.gateExitCode()).as(dev.gateOutput()).isZero();
  }

  @Test
  void anAwsvpcTaskBehindTheLoadBalancerSynthesizesWithItsRulesInItsOwnStack() {
    SynthesizedEnvironment dev = SynthesizedEnvironment.synthesize(root, "dev", dev("", "t3.medium"),
        Map.of("web.json", AWSVPC_WEB));
    assertThat(dev.gateExitCode()).as(dev.gateOutput()).isZero();
    dev.template("ServicesB").hasResourceProperties("AWS::EC2::SecurityGroupIngress", Map.of(
        "IpProtocol", "tcp", "FromPort", 8080, "ToPort", 8080, "SourceSecurityGroupId", Match.anyValue()));
  }

  @Test
  void theLegacyEcsServiceRolePassesTheGate() {
    SynthesizedEnvironment dev = SynthesizedEnvironment.synthesize(root, "dev",
        dev("\"legacyEcsServiceRole\": true", "t3.medium"), Map.of("web.json", WEB));
    assertThat(dev.gateExitCode()).as(dev.gateOutput()).isZero();
  }

  @Test
  void theLegacyEcsServiceRoleWithAnAwsvpcTaskIsRejectedInOneLine() {
    String file = dev("\"legacyEcsServiceRole\": true", "t3.medium");
    assertThatThrownBy(() -> SynthesizedEnvironment.synthesize(root, "dev", file, Map.of("web.json", AWSVPC_WEB)))
        .isInstanceOfSatisfying(TaskDefinitionProblems.class, e -> assertThat(e.problems()).singleElement()
            .asString().contains("web.json: networkMode: service web uses awsvpc", "legacyEcsServiceRole"));
  }

  @Test
  void ecsReservedMemoryCountsInTheFitCheck() {
    String task = WEB.replace("\"memory\": 512", "\"memory\": 3000");
    String file = dev("\"agent\": {\"ECS_RESERVED_MEMORY\": \"2000\"}", "t3.medium");
    assertThatThrownBy(() -> SynthesizedEnvironment.synthesize(root, "dev", file, Map.of("web.json", task)))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement()
            .asString().contains("web.json", "services[0]", "ECS_RESERVED_MEMORY"));
  }

  @Test
  void aTaskThatFitsWithoutTheReservationIsStillAccepted() {
    String task = WEB.replace("\"memory\": 512", "\"memory\": 3000");
    SynthesizedEnvironment dev = SynthesizedEnvironment.synthesize(root, "dev", dev("", "t3.medium"),
        Map.of("web.json", task));
    assertThat(dev.gateExitCode()).as(dev.gateOutput()).isZero();
  }
}

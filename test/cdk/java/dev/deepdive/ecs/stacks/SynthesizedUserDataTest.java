package dev.deepdive.ecs.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepdive.ecs.constructs.bootscript.BootRun;
import dev.deepdive.ecs.constructs.bootscript.BootScriptHarness;
import dev.deepdive.ecs.constructs.bootscript.BootScriptHarness.Endpoint;
import dev.deepdive.ecs.constructs.bootscript.BootScriptHarness.Response;
import dev.deepdive.ecs.constructs.bootscript.Shellcheck;
import dev.deepdive.ecs.testing.ShippedExample;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Template;

/**
 * The user data exactly as the shipped dev cluster's launch template carries it, with CloudFormation's
 * references resolved the way a deployment would, run as a script.
 */
class SynthesizedUserDataTest {
  private static final String BUCKET = "dev-cluster-agentconfigbucket-1a2b3c4d5e6f";
  private static final String STACK_ID =
      "arn:aws:cloudformation:eu-west-1:111111111111:stack/dev-Cluster/0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9";
  /** What the dev deployment writes to the bucket. */
  private static final String DEV_CONFIG = ShippedExample.get().stage("dev").clusterStack().agentConfig().ecsConfig();

  private final String userData = renderedUserData(ShippedExample.get().template("dev", "Cluster"));

  @Test
  void isShellcheckClean(@TempDir Path dir) {
    Shellcheck.Result result = Shellcheck.check(userData, dir.resolve("user-data.sh"));
    assertThat(result.clean()).as(result.output()).isTrue();
  }

  @Test
  void writesTheDevClusterIntoEcsConfig(@TempDir Path dir) {
    BootRun run = BootScriptHarness.forUserData(userData).withS3Object(DEV_CONFIG).run(dir);
    assertThat(run.exitCode()).as(run.describe()).isZero();
    assertThat(run.ecsConfigSettings()).startsWith("ECS_CLUSTER=deep-dive-dev", "ECS_AWSVPC_BLOCK_IMDS=true",
        "ECS_ENABLE_CONTAINER_METADATA=true", "ECS_CONTAINER_STOP_TIMEOUT=30s");
    assertThat(run.ecsConfigSettings()).filteredOn(line -> line.startsWith("ECS_CLUSTER="))
        .containsOnly("ECS_CLUSTER=deep-dive-dev");
  }

  @Test
  void fetchesTheObjectOfItsOwnBucketInItsOwnRegion(@TempDir Path dir) {
    BootRun run = BootScriptHarness.forUserData(userData).withS3Object(DEV_CONFIG).run(dir);
    assertThat(run.callsTo("curl").toString()).contains(BUCKET).contains("eu-west-1").contains("ecs.config");
  }

  @Test
  void signalsSuccessForItsOwnGroupInItsOwnStackOnceTheAgentHasRegistered(@TempDir Path dir) {
    BootRun run = BootScriptHarness.forUserData(userData).withS3Object(DEV_CONFIG).run(dir);
    String group = ShippedExample.get().template("dev", "Cluster").findResources("AWS::AutoScaling::AutoScalingGroup")
        .keySet().iterator().next();
    assertThat(run.signalForms()).as(run.describe()).singleElement().asString()
        .contains("StackName=" + STACK_ID.replace(":", "%3A").replace("/", "%2F"))
        .contains("LogicalResourceId=" + group)
        .endsWith("Status=SUCCESS");
  }

  @Test
  void aChangedObjectIsRefused(@TempDir Path dir) {
    BootRun run = BootScriptHarness.forUserData(userData).withS3Object(DEV_CONFIG + "ECS_LOGLEVEL=debug\n").run(dir);
    assertThat(run.exitCode()).as(run.describe()).isNotZero();
    assertThat(run.stderr()).contains("the object's SHA-256 is");
    assertThat(run.signalForms()).singleElement().asString().endsWith("Status=FAILURE");
  }

  @Test
  void anUnreadableObjectFailsTheBootAndJoinsNoCluster(@TempDir Path dir) {
    BootRun run = BootScriptHarness.forUserData(userData)
        .respond(Endpoint.S3_OBJECT, Response.httpError(403))
        .run(dir);
    assertThat(run.exitCode()).as(run.describe()).isNotZero();
    assertThat(run.ecsConfig().orElse("")).doesNotContain("ECS_CLUSTER");
    assertThat(run.console()).contains("FATAL");
    assertThat(run.callsTo("systemctl").toString()).contains("mask");
  }

  @Test
  void anObjectNamingAnotherClusterIsRefused(@TempDir Path dir) {
    BootRun run = BootScriptHarness.forUserData(userData)
        .withS3Object(DEV_CONFIG.replace("deep-dive-dev", "deep-dive-prod"))
        .run(dir);
    assertThat(run.exitCode()).as(run.describe()).isNotZero();
    assertThat(run.ecsConfig().orElse("")).doesNotContain("deep-dive-prod").doesNotContain("ECS_CLUSTER");
  }

  /** Fn::Base64 of Fn::Join, with Refs resolved as CloudFormation would in eu-west-1. */
  @SuppressWarnings("unchecked")
  private static String renderedUserData(Template cluster) {
    Map<String, Object> template = (Map<String, Object>) cluster.toJSON();
    Map<String, Object> resources = (Map<String, Object>) template.get("Resources");
    Map<String, Object> launchTemplate = resources.values().stream().map(r -> (Map<String, Object>) r)
        .filter(r -> "AWS::EC2::LaunchTemplate".equals(r.get("Type"))).findFirst().orElseThrow();
    Map<String, Object> data = (Map<String, Object>) ((Map<String, Object>) launchTemplate.get("Properties"))
        .get("LaunchTemplateData");
    Map<String, Object> join = (Map<String, Object>) ((Map<String, Object>) data.get("UserData")).get("Fn::Base64");
    List<Object> parts = (List<Object>) ((List<Object>) join.get("Fn::Join")).get(1);
    StringBuilder script = new StringBuilder();
    for (Object part : parts) {
      if (part instanceof String text) {
        script.append(text);
      } else {
        String ref = (String) ((Map<String, Object>) part).get("Ref");
        script.append(resolve(ref, resources));
      }
    }
    return script.toString();
  }

  @SuppressWarnings("unchecked")
  private static String resolve(String ref, Map<String, Object> resources) {
    if ("AWS::Region".equals(ref)) {
      return "eu-west-1";
    }
    if ("AWS::StackId".equals(ref)) {
      return STACK_ID;
    }
    String type = (String) ((Map<String, Object>) resources.get(ref)).get("Type");
    return switch (type) {
      case "AWS::S3::Bucket" -> BUCKET;
      case "AWS::ECS::Cluster" -> "deep-dive-dev";
      default -> throw new IllegalStateException("user data refers to an unexpected " + type + " " + ref);
    };
  }
}

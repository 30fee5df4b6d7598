package dev.deepdive.ecs.constructs.bootscript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepdive.ecs.constructs.InstanceBootScript;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The S3 URL curl signs, for buckets and regions outside the common case. */
class S3UrlTest {

  @TempDir Path dir;

  private BootRun bootWith(String bucket, String region) {
    List<String> lines = new ArrayList<>(List.of("#!/bin/bash"));
    lines.addAll(InstanceBootScript.render(new InstanceBootScript.Values(bucket, Environment.KEY,
        Environment.sha256(Environment.ECS_CONFIG_OBJECT), Environment.CLUSTER, region, Environment.STACK_ID,
        Environment.LOGICAL_ID, Environment.REGISTRATION_TIMEOUT_SECONDS)));
    return BootScriptHarness.forUserData(String.join("\n", lines)).withS3Object(Environment.ECS_CONFIG_OBJECT).run(dir);
  }

  private static String signedUrl(BootRun run) {
    List<String> args = run.callsTo("curl").stream()
        .filter(call -> call.args().stream().anyMatch(arg -> arg.startsWith("aws:amz:") && arg.endsWith(":s3")))
        .findFirst().orElseThrow(() -> new AssertionError(run.describe())).args();
    return args.get(args.size() - 1);
  }

  @Test
  void usesThePathStyleUrlForABucketWithDots() {
    // S3's wildcard certificate does not cover a dotted name as a virtual host.
    BootRun run = bootWith("deep.dive.dev", "eu-west-1");

    assertThat(signedUrl(run)).isEqualTo("https://s3.eu-west-1.amazonaws.com/deep.dive.dev/" + Environment.KEY);
  }

  @Test
  void usesTheChinaDomainInChinaRegions() {
    BootRun run = bootWith("deep-dive-dev", "cn-north-1");

    assertThat(signedUrl(run)).isEqualTo("https://deep-dive-dev.s3.cn-north-1.amazonaws.com.cn/" + Environment.KEY);
  }

  @Test
  void refusesAtBootABucketNameThatATokenResolvedTo() {
    // A CDK token passes render() unchecked; the script checks the resolved value before using it.
    List<String> lines = new ArrayList<>(List.of("#!/bin/bash"));
    lines.addAll(InstanceBootScript.render(new InstanceBootScript.Values("${Token[TOKEN.9]}", Environment.KEY,
        Environment.sha256(Environment.ECS_CONFIG_OBJECT), Environment.CLUSTER, "eu-west-1", Environment.STACK_ID,
        Environment.LOGICAL_ID, Environment.REGISTRATION_TIMEOUT_SECONDS)));
    String resolved = String.join("\n", lines).replace("${Token[TOKEN.9]}", "Not_A_Bucket");

    BootRun run = BootScriptHarness.forUserData(resolved).withS3Object(Environment.ECS_CONFIG_OBJECT).run(dir);

    assertThat(run.stderr()).as(run.describe())
        .contains("ecs-config: FATAL: bucket 'Not_A_Bucket' is not an S3 bucket name (3-63 of a-z 0-9 . -)");
    assertThat(run.callsTo("curl")).isEmpty();
  }
}

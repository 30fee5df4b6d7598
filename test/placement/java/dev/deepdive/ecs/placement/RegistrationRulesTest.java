package dev.deepdive.ecs.placement;

import static dev.deepdive.ecs.placement.Views.container;
import static dev.deepdive.ecs.placement.Views.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deepdive.ecs.placement.TaskDefinitionView.HealthCheck;
import dev.deepdive.ecs.placement.TaskDefinitionView.LinuxParameters;
import dev.deepdive.ecs.placement.TaskDefinitionView.Tag;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What RegisterTaskDefinition refuses, found before CloudFormation tries. One rule per test. */
class RegistrationRulesTest {
  static final String FILE = "app/task-definitions/web.json";

  static List<String> check(Views.Task task) {
    return RegistrationRules.check(FILE, task.build());
  }

  static List<String> check(Views.C container) {
    return check(task().add(container));
  }

  @Test
  void aValidTaskHasNoProblems() {
    assertThat(check(task())).isEmpty();
  }

  @Test
  void completeAndSuccessMustNotWaitForAnEssentialContainer() {
    Views.Task task = task().add(container("app").dependsOn("migrate", "SUCCESS")).add(container("migrate"));

    assertThat(check(task)).containsExactly(FILE + ": containerDefinitions[0].dependsOn[0].condition: SUCCESS waits"
        + " for container 'migrate' to exit, but it is essential (essential defaults to true), and ECS rejects SUCCESS"
        + " on an essential container; set containerDefinitions[1].essential to false, or use START or HEALTHY");
  }

  @Test
  void completeMayWaitForANonEssentialContainer() {
    Views.Task task = task().add(container("app").dependsOn("migrate", "COMPLETE"))
        .add(container("migrate").with(c -> {
          c.essential = false;
          return c;
        }));

    assertThat(check(task)).isEmpty();
  }

  @Test
  void healthCheckIntervalIsFiveToThreeHundredSeconds() {
    assertThat(check(container("app").with(c -> {
      c.healthCheck = new HealthCheck(List.of("CMD-SHELL", "true"), 1, null, null, null);
      return c;
    }))).containsExactly(FILE + ": containerDefinitions[0].healthCheck.interval: 1 is outside what ECS allows, 5 to"
        + " 300 seconds (default 30)");
  }

  @Test
  void healthCheckTimeoutRetriesAndStartPeriodHaveTheirRanges() {
    assertThat(check(container("app").with(c -> {
      c.healthCheck = new HealthCheck(List.of("CMD", "/bin/check"), 30, 61, 0, 301);
      return c;
    }))).containsExactly(
        FILE + ": containerDefinitions[0].healthCheck.timeout: 61 is outside what ECS allows, 2 to 60 seconds"
            + " (default 5)",
        FILE + ": containerDefinitions[0].healthCheck.retries: 0 is outside what ECS allows, 1 to 10 (default 3)",
        FILE + ": containerDefinitions[0].healthCheck.startPeriod: 301 is outside what ECS allows, 0 to 300 seconds"
            + " (default: none)");
  }

  @Test
  void healthCheckCommandStartsWithCmdOrCmdShell() {
    assertThat(check(container("app").with(c -> {
      c.healthCheck = new HealthCheck(List.of("curl", "-f", "http://localhost/"), null, null, null, null);
      return c;
    }))).containsExactly(FILE + ": containerDefinitions[0].healthCheck.command: must start with \"CMD\" (run the"
        + " arguments directly) or \"CMD-SHELL\" (run them with the container's shell), got \"curl\"; e.g."
        + " [\"CMD-SHELL\", \"curl -f http://localhost/ || exit 1\"]");
  }

  @Test
  void anUnfilledTemplatePlaceholderIsNoImage() {
    assertThat(check(container("app").with(c -> {
      c.image = "{{demo-app-image}}";
      return c;
    }))).containsExactly(FILE + ": containerDefinitions[0].image: \"{{demo-app-image}}\" is an unfilled template"
        + " placeholder ({{demo-app-image}}); put the image reference there, e.g."
        + " \"public.ecr.aws/nginx/nginx:1.27\" or \"ecr://web:1.4.2\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"${IMAGE}", "123456789012.dkr.ecr.<region>.amazonaws.com/web:1"})
  void otherTemplateMarksArePlaceholdersToo(String image) {
    assertThat(check(container("app").with(c -> {
      c.image = image;
      return c;
    }))).singleElement().asString().contains("is an unfilled template placeholder");
  }

  @ParameterizedTest
  @ValueSource(strings = {"nginx", "nginx:1.27", "public.ecr.aws/nginx/nginx:1.27", "localhost:5000/web#1",
      "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web@sha256:"
          + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})
  void acceptsImageReferences(String image) {
    assertThat(check(container("app").with(c -> {
      c.image = image;
      return c;
    }))).isEmpty();
  }

  @Test
  void anImageReferenceHasNoSpaces() {
    assertThat(check(container("app").with(c -> {
      c.image = "nginx latest";
      return c;
    }))).containsExactly(FILE + ": containerDefinitions[0].image: \"nginx latest\" contains ' '; ECS accepts image"
        + " references of up to 255 letters, digits, hyphens, underscores, colons, periods, forward slashes and number"
        + " signs, optionally followed by @sha256:<digest>");
  }

  @Test
  void aDigestIsSha256AndSixtyFourHexDigits() {
    assertThat(check(container("app").with(c -> {
      c.image = "web@sha256:abc";
      return c;
    }))).containsExactly(FILE + ": containerDefinitions[0].image: \"web@sha256:abc\" has digest \"sha256:abc\"; ECS"
        + " accepts sha256: followed by 64 hexadecimal digits");
  }

  @Test
  void anImageTheCallerResolvesIsNotChecked() {
    assertThat(check(container("app").with(c -> {
      c.image = null;
      return c;
    }))).isEmpty();
  }

  @Test
  void familyContainerAndVolumeNamesAreLettersDigitsUnderscoresAndHyphens() {
    Views.Task task = task().with(t -> {
      t.family = "web.app";
      t.volumes.add("shared data");
      return t;
    }).add(container("app:1"));

    assertThat(check(task)).containsExactly(
        FILE + ": family: \"web.app\" is not a valid family; ECS allows 1 to 255 letters, digits, underscores and"
            + " hyphens",
        FILE + ": volumes[0].name: \"shared data\" is not a valid volume name; ECS allows 1 to 255 letters, digits,"
            + " underscores and hyphens",
        FILE + ": containerDefinitions[0].name: \"app:1\" is not a valid container name; ECS allows 1 to 255 letters,"
            + " digits, underscores and hyphens");
  }

  @Test
  void taskCpuOnEc2Is128To196608Units() {
    assertThat(check(task().with(t -> {
      t.cpu = 64;
      return t;
    }))).containsExactly(FILE + ": cpu: 64 CPU units is outside what ECS registers for EC2, 128 (0.125 vCPU) to"
        + " 196608 (192 vCPUs)", FILE + ": cpu: the containers reserve 256 CPU units together, more than the task's"
        + " 64; raise cpu or lower the containers' cpu");
  }

  @Test
  void containersReserveNoMoreMemoryThanTheTask() {
    Views.Task task = task().with(t -> {
      t.memory = 768;
      return t;
    }).add(container("a")).add(container("b").with(c -> {
      c.memoryReservation = 300;
      return c;
    }));

    assertThat(check(task)).containsExactly(FILE + ": memory: the containers reserve 812 MiB together"
        + " (memoryReservation, else memory), more than the task's 768 MiB; raise memory or lower the containers'"
        + " reservations");
  }

  @Test
  void oneContainerPortMayServeTcpAndUdp() {
    assertThat(check(container("app").port(53, 0, "tcp").port(53, 0, "udp"))).isEmpty();
  }

  @Test
  void portsAreWithinRange() {
    assertThat(check(container("app").port(70000, 65536, null))).containsExactly(
        FILE + ": containerDefinitions[0].portMappings[0].containerPort: 70000 is not a port; ECS allows 1 to 65535",
        FILE + ": containerDefinitions[0].portMappings[0].hostPort: 65536 is not a port; ECS allows 0 (a dynamic"
            + " port) to 65535");
  }

  @Test
  void aPortRangeIsFirstDashLastInBridgeOrAwsvpcMode() {
    Views.Task task = task().with(t -> {
      t.networkMode = NetworkMode.HOST;
      return t;
    }).add(container("app").range("9000-8000"));

    assertThat(check(task)).containsExactly(
        FILE + ": containerDefinitions[0].portMappings[0].containerPortRange: \"9000-8000\" is not a port range; ECS"
            + " expects \"<first>-<last>\" with 1 <= first < last <= 65535, e.g. \"8000-8010\"",
        FILE + ": containerDefinitions[0].portMappings[0].containerPortRange: works only in bridge and awsvpc network"
            + " modes; this task uses host");
  }

  @Test
  void aGpuCountIsAWholeNumber() {
    assertThat(check(container("app").gpu("0.5"))).containsExactly(FILE + ": containerDefinitions[0]"
        + ".resourceRequirements[0].value: \"0.5\" is not a number of GPUs; ECS expects a whole number of at least 1,"
        + " as a string such as \"1\"");
  }

  @Test
  void inferenceAcceleratorsAreNotSupported() {
    assertThat(check(container("app").with(c -> {
      c.resources.add(new TaskDefinitionView.ResourceRequirement("InferenceAccelerator", "device_1"));
      return c;
    }))).containsExactly(FILE + ": containerDefinitions[0].resourceRequirements[0].type: InferenceAccelerator must"
        + " name a device of the task's inferenceAccelerators, which this tool does not support; remove it");
  }

  @Test
  void awsvpcTasksHaveNoHostnameNorDnsSettings() {
    Views.Task task = task().with(t -> {
      t.networkMode = NetworkMode.AWSVPC;
      return t;
    }).add(container("app").with(c -> {
      c.hostname = "web";
      c.dnsServers = true;
      c.extraHosts = true;
      return c;
    }));

    assertThat(check(task)).containsExactly(
        FILE + ": containerDefinitions[0].hostname: not supported in awsvpc network mode (the task's network"
            + " interface has its own DNS name); remove it",
        FILE + ": containerDefinitions[0].dnsServers: not supported in awsvpc network mode (the task uses the VPC's"
            + " DNS); remove it",
        FILE + ": containerDefinitions[0].extraHosts: not supported in awsvpc network mode (the task uses the VPC's"
            + " DNS); remove it");
  }

  @Test
  void linuxParametersHaveTheirRanges() {
    assertThat(check(container("app").with(c -> {
      c.linuxParameters = new LinuxParameters(-1, 101, 0, List.of(0));
      return c;
    }))).containsExactly(
        FILE + ": containerDefinitions[0].linuxParameters.swappiness: 101 is outside what ECS allows, 0 to 100",
        FILE + ": containerDefinitions[0].linuxParameters.maxSwap: -1 MiB is negative; ECS allows 0 (no swap) or more",
        FILE + ": containerDefinitions[0].linuxParameters.sharedMemorySize: 0 MiB; the /dev/shm size must be at"
            + " least 1",
        FILE + ": containerDefinitions[0].linuxParameters.tmpfs[0].size: 0 MiB; a tmpfs mount must be at least 1 MiB");
  }

  @Test
  void tagsFollowAwsTaggingRules() {
    assertThat(check(task().with(t -> {
      t.tags.add(new Tag("aws:team", "a"));
      t.tags.add(new Tag("k".repeat(129), "v".repeat(257)));
      return t;
    }))).containsExactly(
        FILE + ": tags[0].key: \"aws:team\" starts with aws:, a prefix AWS keeps for its own tags",
        FILE + ": tags[1].key: a tag key has 1 to 128 characters, got 129",
        FILE + ": tags[1].value: a tag value has at most 256 characters, got 257");
  }

  @Test
  void fiftyTagsAtMost() {
    assertThat(check(task().with(t -> {
      for (int i = 0; i < 51; i++) {
        t.tags.add(new Tag("k" + i, "v"));
      }
      return t;
    }))).containsExactly(FILE + ": tags: 51 tags; ECS allows 50 per task definition");
  }

  @Test
  void tenPlacementConstraintsAtMost() {
    assertThat(check(task().with(t -> {
      for (int i = 0; i < 11; i++) {
        t.constraints.add("attribute:ecs.os-type == linux");
      }
      return t;
    }))).containsExactly(FILE + ": placementConstraints: 11 constraints; ECS allows 10 per task, the service's"
        + " included");
  }

  @Test
  void windowsTasksHaveNoPidOrIpcMode() {
    assertThat(check(task().with(t -> {
      t.operatingSystemFamily = "WINDOWS_SERVER_2022_CORE";
      t.pidMode = "task";
      return t;
    }))).containsExactly(FILE + ": pidMode: not supported for Windows containers"
        + " (runtimePlatform.operatingSystemFamily WINDOWS_SERVER_2022_CORE); remove it");
  }

  @Test
  void aRequestIsAtMost64KiB() {
    assertThat(check(task().with(t -> {
      t.bytes = 70_000;
      return t;
    }))).containsExactly(FILE + ": containerDefinitions: the task definition is 70000 bytes as JSON, more than the"
        + " 65536 (64 KiB) ECS registers; move large values (environment, commands) into environmentFiles, secrets"
        + " or the image");
  }
}

package dev.deepdive.ecs.constructs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deepdive.ecs.constructs.ScheduledTaskProps.ContainerOverride;
import dev.deepdive.ecs.constructs.ScheduledTaskProps.RetryPolicy;
import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionDocument;
import dev.deepdive.ecs.testing.TestStacks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.logs.RetentionDays;

/** The rules of a scheduled task's props, each with the message it gives. */
class ScheduledTaskPropsTest {
  private static EcsServiceProps.ClusterCapacity capacity;
  private static TaskDefinitionDocument report;

  @BeforeAll
  static void fixtures() throws IOException {
    Stack stack = TestStacks.withTwoZones();
    Vpc vpc = Vpc.Builder.create(stack, "Vpc").build();
    capacity = new EcsServiceProps.ClusterCapacity("c", "cp", List.of("m5.large"), vpc,
        SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build(),
        SecurityGroup.Builder.create(stack, "Sg").vpc(vpc).build(), 0);
    Path file = Path.of("test/constructs/resources/taskdef/nightly-report.json");
    report = TaskDefinitionDocument.parse(file.toString(), Files.readString(file));
  }

  private static ScheduledTaskProps props(int count, List<ContainerOverride> overrides) {
    return new ScheduledTaskProps(new StandaloneTaskProps("nightly-report", capacity, report, List.of(),
        RetentionDays.ONE_MONTH, Map.of()), TaskSchedule.of("rate(1 day)"), count, overrides, RetryPolicy.DEFAULT, true);
  }

  @Test
  void taskCountIsOneToTen() {
    assertThatThrownBy(() -> props(0, List.of())).hasMessage("taskCount: must be 1 to 10 (RunTask's limit), got 0");
    assertThatThrownBy(() -> props(11, List.of())).hasMessage("taskCount: must be 1 to 10 (RunTask's limit), got 11");
  }

  @Test
  void anOverrideMustNameAContainerOfTheTaskDefinition() {
    assertThatThrownBy(() -> props(1, List.of(new ContainerOverride("reporter", List.of("x"), Map.of()))))
        .hasMessage("containerOverrides: container 'reporter' is not in"
            + " test/constructs/resources/taskdef/nightly-report.json; its containers: report");
  }

  @Test
  void eachContainerIsOverriddenOnce() {
    assertThatThrownBy(() -> props(1, List.of(new ContainerOverride("report", List.of("a"), Map.of()),
        new ContainerOverride("report", List.of(), Map.of("X", "1")))))
        .hasMessage("containerOverrides: container 'report' appears twice; put its command and environment in one"
            + " override");
  }

  @Test
  void anOverrideMustChangeSomething() {
    assertThatThrownBy(() -> new ContainerOverride("report", List.of(), Map.of()))
        .hasMessage("containerOverrides: the override of container 'report' changes nothing; give a command or"
            + " environment");
  }

  @Test
  void overridesStayWithinEcssLimit() {
    String big = "x".repeat(9000);
    assertThatThrownBy(() -> props(1, List.of(new ContainerOverride("report", List.of(big), Map.of()))))
        .hasMessageStartingWith("containerOverrides: 9057 characters of RunTask overrides JSON, more than the 8192"
            + " ECS accepts");
  }

  @Test
  void overridesRenderAsRunTasksOverridesJson() {
    assertThat(props(1, List.of(new ContainerOverride("report", List.of("python", "-m", "report"),
        Map.of("DAY", "yesterday")))).runTaskOverrides()).contains("{\"containerOverrides\":[{\"name\":\"report\","
        + "\"command\":[\"python\",\"-m\",\"report\"],\"environment\":[{\"name\":\"DAY\",\"value\":\"yesterday\"}]}]}");
    assertThat(props(1, List.of()).runTaskOverrides()).isEmpty();
  }

  @Test
  void theRetryPolicyStaysWithinSchedulersBounds() {
    assertThat(RetryPolicy.DEFAULT).isEqualTo(new RetryPolicy(3, 3600));
    assertThatThrownBy(() -> new RetryPolicy(186, 3600))
        .hasMessage("maximumRetryAttempts: must be 0 to 185, got 186");
    assertThatThrownBy(() -> new RetryPolicy(3, 59))
        .hasMessage("maximumEventAgeSeconds: must be 60 to 86400, got 59");
  }
}

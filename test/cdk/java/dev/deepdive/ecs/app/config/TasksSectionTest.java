package dev.deepdive.ecs.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepdive.ecs.app.config.TaskConfig.ContainerOverrideConfig;
import dev.deepdive.ecs.app.config.TaskConfig.RetryPolicyConfig;
import dev.deepdive.ecs.constructs.ScheduledTaskProps;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code tasks} list: a scheduled task, a task run by hand, and each rule with its one-line message. */
class TasksSectionTest {
  private static final String FILE = "app/environments/qa.json: ";
  private static final String MIGRATE = "{\"name\": \"migrate\", \"taskDefinition\": \"migrate.json\"}";

  private static String tasks(String... tasks) {
    return QaFile.withTop("\"tasks\": [" + String.join(", ", tasks) + "]");
  }

  private static String nightly(String extra) {
    return "{\"name\": \"nightly-report\", \"taskDefinition\": \"report.json\", \"schedule\": \"cron(0 2 * * ? *)\""
        + (extra.isEmpty() ? "" : ", " + extra) + "}";
  }

  @Test
  void loadsAFullScheduledTask() {
    EnvironmentConfig env = QaFile.config(tasks(nightly("""
        "scheduleTimezone": "Europe/Berlin", "count": 2,
        "containerOverrides": [{"container": "report", "command": ["python", "-m", "report"],
          "environment": {"BUCKET": "reports-qa"}}],
        "retryPolicy": {"maximumRetryAttempts": 5, "maximumEventAgeSeconds": 7200},
        "enabled": false,
        "taskRole": {"statements": [{"actions": ["s3:PutObject"], "resources": ["arn:aws:s3:::reports-qa/*"],
          "wildcardReason": "one report object per night under a dated key"}]},
        "logRetentionDays": 90""")));

    assertThat(env.tasks()).containsExactly(new TaskConfig("nightly-report", "report.json",
        Optional.of("cron(0 2 * * ? *)"), Optional.of("Europe/Berlin"), 2,
        List.of(new ContainerOverrideConfig("report", List.of("python", "-m", "report"), Map.of("BUCKET", "reports-qa"))),
        new RetryPolicyConfig(5, 7200), false,
        Optional.of(new TaskRoleConfig(List.of(new PolicyStatementConfig(List.of("s3:PutObject"),
            List.of("arn:aws:s3:::reports-qa/*"), Optional.of("one report object per night under a dated key"))))),
        90, "tasks[0]"));
  }

  @Test
  void aTaskWithoutScheduleIsRunByHandWithTheDefaults() {
    TaskConfig migrate = QaFile.config(tasks(MIGRATE)).tasks().get(0);

    assertThat(migrate.schedule()).isEmpty();
    assertThat(migrate.count()).isEqualTo(1);
    assertThat(migrate.enabled()).isTrue();
    assertThat(migrate.retryPolicy()).as("the scheduled task construct's defaults").isEqualTo(new RetryPolicyConfig(
        ScheduledTaskProps.RetryPolicy.DEFAULT.maximumRetryAttempts(),
        ScheduledTaskProps.RetryPolicy.DEFAULT.maximumEventAgeSeconds())).isEqualTo(new RetryPolicyConfig(3, 3600));
    assertThat(migrate.logRetentionDays()).isEqualTo(30);
    assertThat(migrate.path()).isEqualTo("tasks[0]");
  }

  @Test
  void noTasksIsAnEmptyList() {
    assertThat(QaFile.config(QaFile.MINIMAL).tasks()).isEmpty();
  }

  @Test
  void rejectsABadScheduleWithTheSchedulersRule() {
    assertThat(QaFile.problems(tasks(nightly("").replace("cron(0 2 * * ? *)", "cron(0 2 * * *)")))).containsExactly(
        FILE + "tasks[0].schedule: a cron expression has 6 fields (minutes hours day-of-month month day-of-week"
            + " year), got 5 in 'cron(0 2 * * *)'");
  }

  @Test
  void rejectsAnUnknownTimeZoneAtItsField() {
    assertThat(QaFile.problems(tasks(nightly("\"scheduleTimezone\": \"Berlin\"")))).containsExactly(
        FILE + "tasks[0].scheduleTimezone: not an IANA time zone, got 'Berlin'; use a name such as UTC,"
            + " Europe/Berlin or America/New_York");
  }

  @Test
  void scheduleSettingsWithoutAScheduleAreRejectedEachAtItsField() {
    assertThat(QaFile.problems(tasks(MIGRATE.replace("}", ", \"count\": 2, \"enabled\": false}")))).containsExactly(
        FILE + "tasks[0].count: only allowed with a schedule; a task without one is run by hand (ecsctl run-task),"
            + " which takes --count and --override itself",
        FILE + "tasks[0].enabled: only allowed with a schedule; a task without one is run by hand (ecsctl run-task),"
            + " which takes --count and --override itself");
  }

  @Test
  void countIsOneToTen() {
    assertThat(QaFile.problems(tasks(nightly("\"count\": 11")))).singleElement().asString()
        .startsWith(FILE + "tasks[0].count: ").contains("11");
  }

  @Test
  void namesAreUnique() {
    assertThat(QaFile.problems(tasks(MIGRATE, MIGRATE))).containsExactly(FILE + "tasks[1].name: duplicate task"
        + " name, got \"migrate\", also the name of tasks[0]; each task of an environment needs its own name");
  }

  @Test
  void anOverrideChangesSomethingAndEachContainerOnce() {
    assertThat(QaFile.problems(tasks(nightly("\"containerOverrides\": [{\"container\": \"report\"}]")))).containsExactly(
        FILE + "tasks[0].containerOverrides[0]: overrides nothing; give a command, an environment, or both");
    assertThat(QaFile.problems(tasks(nightly("\"containerOverrides\": [{\"container\": \"report\", \"command\":"
        + " [\"a\"]}, {\"container\": \"report\", \"environment\": {\"X\": \"1\"}}]")))).containsExactly(
        FILE + "tasks[0].containerOverrides[1].container: container \"report\" is overridden twice, also in"
            + " tasks[0].containerOverrides[0]; put its command and environment in one override");
  }

  @Test
  void anOverrideEnvironmentNameIsAVariableName() {
    assertThat(QaFile.problems(tasks(nightly("\"containerOverrides\": [{\"container\": \"report\", \"environment\":"
        + " {\"1X\": \"y\"}}]")))).containsExactly(FILE + "tasks[0].containerOverrides[0].environment[\"1X\"]: not an"
        + " environment variable name, got \"1X\"; letters, digits and '_', not starting with a digit");
  }

  @Test
  void overridesStayWithinWhatEcsAccepts() {
    String big = "x".repeat(9000);
    assertThat(QaFile.problems(tasks(nightly("\"containerOverrides\": [{\"container\": \"report\", \"command\": [\""
        + big + "\"]}]")))).containsExactly(FILE + "tasks[0].containerOverrides: 9057 characters of RunTask overrides"
        + " JSON, more than the 8192 ECS accepts; move long values into the task definition");
  }

  @Test
  void theRetryPolicyStaysWithinSchedulersBounds() {
    assertThat(QaFile.problems(tasks(nightly("\"retryPolicy\": {\"maximumRetryAttempts\": 200}"))))
        .singleElement().asString().startsWith(FILE + "tasks[0].retryPolicy.maximumRetryAttempts: ").contains("200");
    assertThat(QaFile.problems(tasks(nightly("\"retryPolicy\": {\"maximumEventAgeSeconds\": 30}"))))
        .singleElement().asString().startsWith(FILE + "tasks[0].retryPolicy.maximumEventAgeSeconds: ").contains("30");
  }

  @Test
  void suggestsTheTaskFieldMeantByATypo() {
    assertThat(QaFile.problems(tasks(nightly("\"shedule\": \"x\"")))).containsExactly(FILE + "tasks[0].shedule:"
        + " unknown field; did you mean 'schedule'? allowed: name, taskDefinition, schedule, scheduleTimezone, count,"
        + " containerOverrides, retryPolicy, enabled, taskRole, logRetentionDays");
  }
}

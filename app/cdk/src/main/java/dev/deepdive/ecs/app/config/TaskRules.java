package dev.deepdive.ecs.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deepdive.ecs.constructs.ScheduledTaskProps;
import dev.deepdive.ecs.constructs.TaskSchedule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of {@code tasks} that a JSON Schema cannot state: names unique among the tasks, the fields that only
 * mean something on a schedule, the schedule's syntax and time zone ({@link TaskSchedule}'s rule), each container
 * overridden once and all overrides within RunTask's size ({@link ScheduledTaskProps}'s rule), and the task role's
 * wildcards justified as a service's. Whether an overridden container exists in the task definition is the app's
 * check, which reads the file.
 */
final class TaskRules {
  private static final JsonPath TASKS = JsonPath.root().field("tasks");
  /** The fields that only mean something on a schedule. */
  private static final List<String> SCHEDULE_ONLY = List.of("scheduleTimezone", "count", "containerOverrides",
      "retryPolicy", "enabled");

  private final CheckedValues values;
  private final Problems problems;

  private TaskRules(CheckedValues values) {
    this.values = values;
    this.problems = values.problems();
  }

  static void check(CheckedValues values) {
    TaskRules rules = new TaskRules(values);
    Map<String, JsonPath> names = new HashMap<>();
    for (int i = 0; i < values.size(TASKS); i++) {
      JsonPath task = TASKS.index(i);
      rules.uniqueName(task, names);
      rules.scheduleOnly(task);
      rules.schedule(task);
      rules.overrides(task.field("containerOverrides"));
      ServiceRules.taskRole(values, task.field("taskRole"));
    }
  }

  private void uniqueName(JsonPath task, Map<String, JsonPath> names) {
    values.text(task.field("name")).ifPresent(name -> {
      JsonPath other = names.putIfAbsent(name, task);
      if (other != null) {
        problems.at(task.field("name"), "duplicate task name, got " + Shown.quoted(name) + ", also the name of "
            + other + "; each task of an environment needs its own name");
      }
    });
  }

  /** A task without a schedule is run by hand, where ecsctl run-task takes --count and --override itself. */
  private void scheduleOnly(JsonPath task) {
    if (!values.givenObject(task) || values.given(task.field("schedule"))) {
      return;
    }
    for (String field : SCHEDULE_ONLY) {
      if (values.given(task.field(field))) {
        problems.at(task.field(field), "only allowed with a schedule; a task without one is run by hand"
            + " (ecsctl run-task), which takes --count and --override itself");
      }
    }
  }

  /** EventBridge Scheduler's syntax, then the time zone with it; the messages are {@link TaskSchedule}'s. */
  private void schedule(JsonPath task) {
    JsonPath scheduleAt = task.field("schedule");
    Optional<String> expression = values.text(scheduleAt);
    if (expression.isEmpty() || !valid(expression.get(), Optional.empty(), scheduleAt)) {
      return;
    }
    JsonPath zoneAt = task.field("scheduleTimezone");
    values.text(zoneAt).ifPresent(zone -> valid(expression.get(), Optional.of(zone), zoneAt));
  }

  private boolean valid(String expression, Optional<String> zone, JsonPath at) {
    try {
      new TaskSchedule(expression, zone);
      return true;
    } catch (IllegalArgumentException e) {
      problems.at(at, e.getMessage());
      return false;
    }
  }

  private void overrides(JsonPath at) {
    Map<String, JsonPath> containers = new HashMap<>();
    List<ScheduledTaskProps.ContainerOverride> all = new ArrayList<>();
    boolean complete = values.valid(at).isPresent();
    for (int i = 0; i < values.size(at); i++) {
      JsonPath override = at.index(i);
      Optional<JsonNode> valid = values.valid(override);
      values.text(override.field("container")).ifPresent(container -> {
        JsonPath other = containers.putIfAbsent(container, override);
        if (other != null) {
          problems.at(override.field("container"), "container " + Shown.quoted(container) + " is overridden twice,"
              + " also in " + other + "; put its command and environment in one override");
        }
      });
      valid.ifPresent(node -> all.add(override(node)));
    }
    if (complete && all.size() == values.size(at)) {
      String tooLong = ScheduledTaskProps.overridesProblem(all);
      if (tooLong != null) {
        problems.at(at, tooLong);
      }
    }
  }

  private static ScheduledTaskProps.ContainerOverride override(JsonNode node) {
    List<String> command = new ArrayList<>();
    node.path("command").forEach(word -> command.add(word.textValue()));
    Map<String, String> environment = new LinkedHashMap<>();
    node.path("environment").properties().forEach(e -> environment.put(e.getKey(), e.getValue().textValue()));
    return new ScheduledTaskProps.ContainerOverride(node.path("container").textValue(), command, environment);
  }
}

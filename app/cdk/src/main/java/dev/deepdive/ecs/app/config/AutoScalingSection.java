package dev.deepdive.ecs.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks a service's {@code autoScaling} object. The rules that involve the rest of the service
 * ({@code desiredCount} not with it, {@code requestsPerTarget} only behind the load balancer) are here too, with
 * the facts passed in, so every autoScaling rule has this one owner.
 */
final class AutoScalingSection {
  static final List<String> FIELDS = List.of("minCount", "maxCount", "targets", "scaleInCooldownSeconds",
      "scaleOutCooldownSeconds", "scheduledActions");
  static final List<String> TARGET_FIELDS = List.of("cpuUtilization", "memoryUtilization", "requestsPerTarget");
  static final List<String> ACTION_FIELDS = List.of("name", "schedule", "timeZone", "minCount", "maxCount");

  private static final IntRange MIN_COUNT = IntRange.between(0, 1000);
  private static final IntRange MAX_COUNT = IntRange.between(1, 1000);
  private static final IntRange PERCENT = IntRange.between(1, 100);
  private static final IntRange REQUESTS = IntRange.between(1, 1_000_000);
  private static final IntRange COOLDOWN = IntRange.between(0, 3600);
  /** Application Auto Scaling allows 200 scheduled actions per scalable target. */
  private static final int MAX_ACTIONS = 200;
  private static final Pattern ACTION_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");
  private static final Pattern SCHEDULE = Pattern.compile("(cron|rate|at)\\(.+\\)");

  private AutoScalingSection() {}

  /**
   * The settings, empty when absent (use {@code desiredCount}) or invalid (problems reported).
   *
   * @param loadBalanced whether the service has a {@code loadBalancer}
   * @param hasDesiredCount whether the service gives {@code desiredCount}
   */
  static Optional<AutoScalingConfig> read(ObjectFields service, String name, boolean loadBalanced,
      boolean hasDesiredCount) {
    if (!service.has(name)) {
      return Optional.empty();
    }
    Problems problems = service.problems();
    int before = problems.count();
    if (hasDesiredCount) {
      problems.at(service.path("desiredCount"), "not allowed with autoScaling, got "
          + Shown.typed(service.value("desiredCount").orElseThrow()) + "; the scaler owns the count between"
          + " autoScaling.minCount and maxCount (a new service starts at max(1, minCount)), so remove desiredCount");
    }
    Optional<ObjectFields> opened = service.optionalObject(name, FIELDS);
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    ObjectFields fields = opened.get();
    Optional<Integer> min = fields.requiredInt("minCount", MIN_COUNT);
    Optional<Integer> max = fields.requiredInt("maxCount", MAX_COUNT);
    if (min.isPresent() && max.isPresent() && max.get() < min.get()) {
      problems.at(fields.path("maxCount"), "must be at least minCount " + min.get() + ", got " + max.get());
    }
    Optional<ObjectFields> targets = fields.requiredObject("targets", TARGET_FIELDS);
    Optional<Integer> cpu = targets.flatMap(t -> optionalInt(t, "cpuUtilization", PERCENT));
    Optional<Integer> memory = targets.flatMap(t -> optionalInt(t, "memoryUtilization", PERCENT));
    Optional<Integer> requests = targets.flatMap(t -> optionalInt(t, "requestsPerTarget", REQUESTS));
    targets.ifPresent(t -> {
      if (TARGET_FIELDS.stream().noneMatch(t::has)) {
        problems.at(t.path(), "needs at least one target, got none; allowed: " + String.join(", ", TARGET_FIELDS)
            + " (e.g. {\"cpuUtilization\": 60})");
      }
      if (t.has("requestsPerTarget") && !loadBalanced) {
        problems.at(t.path("requestsPerTarget"), "only for a service with a loadBalancer: it tracks the load"
            + " balancer's requests per task; use cpuUtilization or memoryUtilization for this service");
      }
    });
    Optional<Integer> scaleIn = fields.optionalInt("scaleInCooldownSeconds", ConfigDefaults.SCALING_COOLDOWN_SECONDS,
        COOLDOWN);
    Optional<Integer> scaleOut = fields.optionalInt("scaleOutCooldownSeconds",
        ConfigDefaults.SCALING_COOLDOWN_SECONDS, COOLDOWN);
    Optional<List<AutoScalingConfig.ScheduledActionConfig>> actions = fields.has("scheduledActions")
        ? fields.optionalList("scheduledActions", "scheduled action objects").flatMap(items -> actions(items, fields))
        : Optional.of(List.of());
    if (problems.count() > before) {
      return Optional.empty();
    }
    return Optional.of(new AutoScalingConfig(min.orElseThrow(), max.orElseThrow(), cpu, memory, requests,
        scaleIn.orElseThrow(), scaleOut.orElseThrow(), actions.orElseThrow()));
  }

  private static Optional<Integer> optionalInt(ObjectFields fields, String name, IntRange range) {
    return fields.has(name) ? fields.requiredInt(name, range) : Optional.empty();
  }

  private static Optional<List<AutoScalingConfig.ScheduledActionConfig>> actions(List<JsonNode> items,
      ObjectFields fields) {
    Problems problems = fields.problems();
    JsonPath at = fields.path("scheduledActions");
    if (items.size() > MAX_ACTIONS) {
      problems.at(at, "must list at most " + MAX_ACTIONS + " scheduled actions (Application Auto Scaling's limit per"
          + " scalable target), got " + items.size());
      return Optional.empty();
    }
    int before = problems.count();
    Set<String> names = new HashSet<>();
    List<AutoScalingConfig.ScheduledActionConfig> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      ObjectFields.open(items.get(i), at.index(i), problems, ACTION_FIELDS).flatMap(f -> action(f, names))
          .ifPresent(out::add);
    }
    return problems.count() > before ? Optional.empty() : Optional.of(out);
  }

  private static Optional<AutoScalingConfig.ScheduledActionConfig> action(ObjectFields f, Set<String> names) {
    Problems problems = f.problems();
    int before = problems.count();
    Optional<String> name = f.requiredString("name").filter(n -> TextChecks.matches(n, ACTION_NAME, problems,
        f.path("name"), "must be 1 to 256 letters, digits, '-' or '_', got %s"));
    name.ifPresent(n -> {
      if (!names.add(n)) {
        problems.at(f.path("name"), "duplicate scheduled action name " + Shown.quoted(n) + "; names must be unique"
            + " within the service");
      }
    });
    Optional<String> schedule = f.requiredString("schedule").filter(s -> TextChecks.matches(s, SCHEDULE, problems,
        f.path("schedule"), "must be cron(...), rate(...) or at(...), e.g. \"cron(0 8 ? * MON-FRI *)\","
            + " \"rate(1 day)\" or \"at(2026-12-24T18:00:00)\", got %s"));
    Optional<String> timeZone = f.optionalString("timeZone").filter(z -> zoneValid(z, f));
    Optional<Integer> min = optionalInt(f, "minCount", MIN_COUNT);
    Optional<Integer> max = optionalInt(f, "maxCount", MAX_COUNT);
    if (!f.has("minCount") && !f.has("maxCount")) {
      problems.at(f.path(), "needs minCount, maxCount or both: a scheduled action changes the bounds");
    }
    if (min.isPresent() && max.isPresent() && max.get() < min.get()) {
      problems.at(f.path("maxCount"), "must be at least minCount " + min.get() + ", got " + max.get());
    }
    if (problems.count() > before) {
      return Optional.empty();
    }
    return Optional.of(new AutoScalingConfig.ScheduledActionConfig(name.orElseThrow(), schedule.orElseThrow(),
        timeZone, min, max));
  }

  private static boolean zoneValid(String zone, ObjectFields f) {
    try {
      ZoneId.of(zone);
      return true;
    } catch (DateTimeException e) {
      f.problems().at(f.path("timeZone"), "not an IANA time zone, got " + Shown.quoted(zone)
          + "; e.g. \"Europe/Berlin\" or \"America/New_York\"");
      return false;
    }
  }
}

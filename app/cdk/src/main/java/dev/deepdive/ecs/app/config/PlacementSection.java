package dev.deepdive.ecs.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deepdive.ecs.constructs.FieldNameSuggestion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads and checks a service's {@code placement} object into a {@link PlacementConfig}. */
final class PlacementSection {
  static final List<String> FIELDS = List.of("strategy", "constraints");
  static final List<String> CONSTRAINT_FIELDS = List.of("type", "expression");

  private static final List<String> CONSTRAINT_TYPES =
      List.of(PlacementConstraintConfig.DISTINCT_INSTANCE, PlacementConstraintConfig.MEMBER_OF);
  /** ECS allows 10 constraints per task, counting those of the task definition. */
  private static final int MAX_CONSTRAINTS = 10;
  private static final int MAX_EXPRESSION_CHARS = 2000;
  private static final String STRATEGIES = Arrays.stream(PlacementStrategy.values())
      .map(PlacementStrategy::jsonName).collect(Collectors.joining(", "));

  private PlacementSection() {}

  /** The placement, the defaults when absent, or empty when anything is invalid. */
  static Optional<PlacementConfig> read(ObjectFields service, String name) {
    return service.optionalSection(name, FIELDS, PlacementConfig::defaults, fields -> {
      Optional<PlacementStrategy> strategy = strategy(fields);
      Optional<List<PlacementConstraintConfig>> constraints = fields.has("constraints")
          ? fields.optionalList("constraints", "constraint objects").flatMap(items -> constraints(items, fields))
          : Optional.of(List.of());
      return () -> new PlacementConfig(strategy.orElseThrow(), constraints.orElseThrow());
    });
  }

  private static Optional<PlacementStrategy> strategy(ObjectFields fields) {
    if (!fields.has("strategy")) {
      return Optional.of(ConfigDefaults.PLACEMENT_STRATEGY);
    }
    return fields.optionalString("strategy").flatMap(text -> {
      for (PlacementStrategy strategy : PlacementStrategy.values()) {
        if (strategy.jsonName().equals(text)) {
          return Optional.of(strategy);
        }
      }
      String guess = Arrays.stream(PlacementStrategy.values())
          .filter(s -> s.jsonName().equalsIgnoreCase(text))
          .findFirst()
          .map(s -> " did you mean '" + s.jsonName() + "'?")
          .orElse("");
      fields.problems().at(fields.path("strategy"), "unknown placement strategy, got " + Shown.quoted(text) + ";"
          + guess + " allowed: " + STRATEGIES);
      return Optional.empty();
    });
  }

  private static Optional<List<PlacementConstraintConfig>> constraints(List<JsonNode> items, ObjectFields fields) {
    Problems problems = fields.problems();
    JsonPath at = fields.path("constraints");
    if (items.size() > MAX_CONSTRAINTS) {
      problems.at(at, "must list at most " + MAX_CONSTRAINTS + " constraints (ECS allows " + MAX_CONSTRAINTS
          + " per task, the task definition's included), got " + items.size());
      return Optional.empty();
    }
    int before = problems.count();
    List<PlacementConstraintConfig> constraints = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      ObjectFields.open(items.get(i), at.index(i), problems, CONSTRAINT_FIELDS)
          .flatMap(PlacementSection::constraint)
          .ifPresent(constraints::add);
    }
    return problems.count() > before ? Optional.empty() : Optional.of(constraints);
  }

  private static Optional<PlacementConstraintConfig> constraint(ObjectFields fields) {
    Optional<String> type = fields.requiredString("type").filter(text -> typeValid(text, fields));
    if (type.isEmpty()) {
      // Whether an expression belongs depends on the type; judging it against a guess would mislead.
      fields.optionalString("expression");
      return Optional.empty();
    }
    JsonPath at = fields.path("expression");
    if (type.get().equals(PlacementConstraintConfig.DISTINCT_INSTANCE)) {
      Optional<JsonNode> expression = fields.value("expression");
      if (expression.isPresent()) {
        fields.problems().at(at, "not allowed for a distinctInstance constraint, got " + shown(expression.get())
            + "; remove it, or use type memberOf to place by an expression");
        return Optional.empty();
      }
      return Optional.of(new PlacementConstraintConfig(type.get(), Optional.empty()));
    }
    if (!fields.has("expression")) {
      fields.problems().at(at, "required field is missing for a memberOf constraint; e.g. \"expression\":"
          + " \"attribute:ecs.instance-type =~ t3.*\"");
      return Optional.empty();
    }
    return fields.optionalString("expression")
        .filter(expression -> expressionValid(expression, fields))
        .map(expression -> new PlacementConstraintConfig(type.get(), Optional.of(expression)));
  }

  private static String shown(JsonNode value) {
    return value.isTextual() ? Shown.quoted(value.textValue()) : Shown.typed(value);
  }

  private static boolean typeValid(String type, ObjectFields fields) {
    if (CONSTRAINT_TYPES.contains(type)) {
      return true;
    }
    String guess = FieldNameSuggestion.closest(type, CONSTRAINT_TYPES)
        .map(g -> " did you mean '" + g + "'?")
        .orElse("");
    fields.problems().at(fields.path("type"), "unknown constraint type, got " + Shown.quoted(type) + ";" + guess
        + " allowed: " + String.join(", ", CONSTRAINT_TYPES));
    return false;
  }

  private static boolean expressionValid(String expression, ObjectFields fields) {
    JsonPath at = fields.path("expression");
    if (expression.isBlank()) {
      fields.problems().at(at, "must not be empty, got " + Shown.quoted(expression) + "; a cluster query such as"
          + " \"attribute:ecs.instance-type =~ t3.*\"");
      return false;
    }
    return TextChecks.atMost(expression, MAX_EXPRESSION_CHARS, fields.problems(), at,
        "the longest expression ECS accepts");
  }
}

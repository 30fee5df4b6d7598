package dev.deepdive.ecs.app.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Narrows the environments to those named in the context value, e.g. {@code -c environments=dev,qa}. */
final class EnvironmentSelection {
  private EnvironmentSelection() {}

  static List<EnvironmentConfig> select(List<EnvironmentConfig> all, String contextValue) {
    if (contextValue == null || contextValue.isBlank()) {
      return List.copyOf(all);
    }
    String given = "-c " + EnvironmentLoader.CONTEXT_KEY + "=" + contextValue;
    String known = all.stream().map(EnvironmentConfig::name).sorted().collect(Collectors.joining(", "));
    // Spaces after commas and a trailing comma are harmless slips; an empty list is not.
    Set<String> wanted = Arrays.stream(contextValue.split(","))
        .map(String::trim)
        .filter(name -> !name.isEmpty())
        .collect(Collectors.toCollection(LinkedHashSet::new));
    if (wanted.isEmpty()) {
      throw new ConfigException(List.of(given + ": names no environment; known: " + known
          + " (leave the value out to synthesize all)"));
    }
    Set<String> names = all.stream().map(EnvironmentConfig::name).collect(Collectors.toSet());
    List<String> problems = new ArrayList<>();
    for (String name : wanted) {
      if (!names.contains(name)) {
        problems.add(given + ": unknown environment '" + name + "'; known: " + known);
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return all.stream().filter(env -> wanted.contains(env.name())).toList();
  }
}

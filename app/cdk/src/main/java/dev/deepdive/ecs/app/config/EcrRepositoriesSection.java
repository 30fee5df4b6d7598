package dev.deepdive.ecs.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads and checks {@code ecrRepositories}: repository short names mapped to settings objects.
 *
 * <p>Names follow ECR's rules (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepository.html):
 * lowercase components separated by {@code /}, each with {@code .}, {@code _} or {@code -} only between
 * letters or digits.
 */
final class EcrRepositoriesSection {
  static final List<String> FIELDS = List.of("keepImages");

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._/-]{1,60}");
  private static final Pattern ECR_COMPONENTS =
      Pattern.compile("(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*");
  private static final IntRange KEEP_IMAGES = IntRange.between(1, 10000)
      .withMinReason("keeping none would expire every image, the running one included");

  private EcrRepositoriesSection() {}

  /** The repositories in file order (empty when absent), or empty when any is invalid. */
  static Optional<List<EcrRepositoryConfig>> read(ObjectFields top, String name) {
    if (!top.has(name)) {
      return Optional.of(List.of());
    }
    Problems problems = top.problems();
    int before = problems.count();
    Optional<Map<String, JsonNode>> entries = top.optionalMap(name, "repository names to settings objects");
    if (entries.isEmpty()) {
      return Optional.empty();
    }
    List<EcrRepositoryConfig> repositories = new ArrayList<>();
    entries.get().forEach((repository, value) -> {
      JsonPath at = top.path(name).field(repository);
      boolean nameValid = TextChecks.matches(repository, NAME, problems, at, "not an ECR repository name, got %s;"
          + " expected 2 to 61 lowercase letters, digits, '.', '_', '-' and '/', starting with a letter or digit,"
          + " e.g. \"web\" or \"team/web\"")
          && TextChecks.matches(repository, ECR_COMPONENTS, problems, at, "not an ECR repository name, got %s;"
          + " '.', '_', '-' and '/' must each stand between letters or digits");
      ObjectFields.open(value, at, problems, FIELDS)
          .flatMap(fields -> fields.optionalInt("keepImages", ConfigDefaults.ECR_KEEP_IMAGES, KEEP_IMAGES))
          .filter(keep -> nameValid)
          .ifPresent(keep -> repositories.add(new EcrRepositoryConfig(repository, keep)));
    });
    return problems.count() > before ? Optional.empty() : Optional.of(repositories);
  }
}

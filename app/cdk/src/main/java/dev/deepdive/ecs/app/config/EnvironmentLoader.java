package dev.deepdive.ecs.app.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads every environment of a folder such as {@code app/environments} and selects among them.
 *
 * <p>All problems of all files are collected before anything is thrown, so one run shows every mistake.
 */
public final class EnvironmentLoader {
  /** The CDK context key that limits which environments are synthesized: {@code -c environments=dev,qa}. */
  public static final String CONTEXT_KEY = "environments";

  private static final String SUFFIX = ".json";

  private EnvironmentLoader() {}

  /**
   * Reads every {@code *.json} file of {@code dir} (other files, and hidden ones such as editor lock files,
   * are ignored).
   *
   * @param dir the folder, e.g. {@code Path.of("app/environments")}; messages name files relative to it as
   *     given
   * @return the environments sorted by name, never empty
   * @throws ConfigException with one line per problem found in any file, or across files
   */
  public static List<EnvironmentConfig> loadAll(Path dir) {
    if (!Files.exists(dir)) {
      throw new ConfigException(List.of(dir + ": folder not found; create it with one <name>.json per environment,"
          + " e.g. " + dir.resolve("dev.json")));
    }
    if (!Files.isDirectory(dir)) {
      throw new ConfigException(List.of(dir + ": not a folder; expected a folder with one <name>.json per"
          + " environment"));
    }
    List<Path> sources = environmentFiles(dir);
    if (sources.isEmpty()) {
      throw new ConfigException(List.of(dir + ": no environment files (*.json) found; add one, e.g. "
          + dir.resolve("dev.json")));
    }
    List<EnvironmentFile> files = sources.stream().map(EnvironmentLoader::read).toList();
    List<String> problems = new ArrayList<>();
    files.forEach(file -> problems.addAll(file.problems()));
    problems.addAll(CrossEnvironmentChecks.check(files));
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return files.stream()
        .map(file -> file.config().orElseThrow())
        .sorted(Comparator.comparing(EnvironmentConfig::name))
        .toList();
  }

  /**
   * The environments named in {@code contextValue}, a comma-separated list such as {@code "dev,qa"}, in
   * the order of {@code all}; null or blank selects all.
   *
   * @throws ConfigException naming each unknown environment and the known ones
   */
  public static List<EnvironmentConfig> select(List<EnvironmentConfig> all, String contextValue) {
    return EnvironmentSelection.select(all, contextValue);
  }

  private static List<Path> environmentFiles(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(path -> {
            String name = path.getFileName().toString();
            return name.endsWith(SUFFIX) && !name.startsWith(".") && Files.isRegularFile(path);
          })
          .sorted(Comparator.comparing(path -> path.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      throw new ConfigException(List.of(dir + ": cannot list the folder: " + e.getMessage()));
    }
  }

  private static EnvironmentFile read(Path source) {
    byte[] content;
    try {
      content = Files.readAllBytes(source);
    } catch (IOException e) {
      return EnvironmentFile.unparsed(source, List.of(source + ": cannot read: " + e.getMessage()));
    }
    return EnvironmentFileReader.read(source, content);
  }
}

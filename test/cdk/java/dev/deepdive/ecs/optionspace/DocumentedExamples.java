package dev.deepdive.ecs.optionspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The complete environment files the docs show ({@code json} code blocks of {@link #DOCS} with a
 * {@code "clusterName"}), as fixtures of the option-space test, with every task definition the app ships.
 */
final class DocumentedExamples {
  static final List<String> DOCS = List.of("README.md", "docs/environment-files.md");
  private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)\\n```", Pattern.DOTALL);
  private static final Pattern NAME = Pattern.compile("\"name\": \"([a-z][a-z0-9-]*)\"");

  private DocumentedExamples() {}

  static List<String> files() {
    try {
      List<String> files = new ArrayList<>();
      for (String doc : DOCS) {
        Matcher block = JSON_BLOCK.matcher(Files.readString(Path.of(doc)));
        while (block.find()) {
          if (block.group(1).contains("\"clusterName\"")) {
            files.add(block.group(1));
          }
        }
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int count() {
    return files().size();
  }

  /** Writes each example as {@code <name>.json}, and the shipped task definitions beside. */
  static void copyInto(Path environments, Path taskDefinitions) throws IOException {
    for (String file : files()) {
      Matcher name = NAME.matcher(file);
      if (!name.find()) {
        throw new IllegalStateException("an example in " + DOCS + " without a name: " + file);
      }
      Files.writeString(environments.resolve(name.group(1) + ".json"), file);
    }
    try (Stream<Path> shipped = Files.list(Path.of("app/task-definitions"))) {
      for (Path file : shipped.toList()) {
        Files.copy(file, taskDefinitions.resolve(file.getFileName()));
      }
    }
  }
}

package dev.deepdive.ecs.ecsctl.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses a cloud assembly older than the sources it was synthesized from: after a failed {@code cdk synth} the
 * previous {@code cdk.out} is still there, and reviewing it would approve what is no longer proposed.
 *
 * <p>The sources are what the CDK project declares in its {@code cdk.json} next to the assembly (the folder named
 * by {@code "output"}, default {@code cdk.out}): the files matched by {@code watch.include} (default: every
 * file) minus {@code watch.exclude}, the CDK CLI's own watch set
 * (https://docs.aws.amazon.com/cdk/v2/guide/ref-cli-cmd-watch.html). As the CLI does, dot files,
 * {@code node_modules} and the output folder never count; a bare name in {@code exclude} (such as {@code target})
 * excludes that folder at any depth. Without a {@code cdk.json} next to it, an assembly cannot be checked and
 * is reviewed as it is.
 */
final class AssemblyFreshness {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** File systems store modification times coarsely; within this, a source is not "newer". */
  private static final long SLACK_MILLIS = 1000;

  private AssemblyFreshness() {}

  /**
   * @param cdkOut the assembly folder as the user named it
   * @throws ReviewException naming the newest source changed after the assembly's manifest.json was written
   */
  static void requireFresh(Path cdkOut) throws ReviewException {
    Path assembly = cdkOut.toAbsolutePath().normalize();
    Path project = assembly.getParent();
    if (project == null || !Files.isRegularFile(project.resolve("cdk.json"))) {
      return;
    }
    JsonNode cdkJson;
    try {
      cdkJson = JSON.readTree(project.resolve("cdk.json").toFile());
    } catch (IOException e) {
      throw new ReviewException(project.resolve("cdk.json") + ": cannot be read as JSON (" + e.getMessage()
          + "); fix it, or review a copy of the assembly outside the project");
    }
    Path output = project.resolve(cdkJson.path("output").asText("cdk.out")).normalize();
    Path manifest = assembly.resolve("manifest.json");
    if (!output.equals(assembly) || !Files.isRegularFile(manifest)) {
      return;
    }
    try {
      FileTime written = Files.getLastModifiedTime(manifest);
      List<Path> newer = newerSources(project, assembly, cdkJson.path("watch"), written.toMillis() + SLACK_MILLIS);
      if (!newer.isEmpty()) {
        Path newest = newer.get(0);
        throw new ReviewException(cdkOut + ": older than its sources: " + project.relativize(newest)
            + (newer.size() > 1 ? " and " + (newer.size() - 1) + " more file(s)" : "") + " changed after the last"
            + " synthesis (a failed 'cdk synth' leaves the previous assembly in place); run 'npx cdk synth' again,"
            + " or pass --allow-stale to review it as it is");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sources modified after {@code afterMillis}, newest first. */
  private static List<Path> newerSources(Path project, Path assembly, JsonNode watch, long afterMillis)
      throws IOException {
    List<PathMatcher> include = matchers(watch.path("include"), "**");
    List<PathMatcher> exclude = matchers(watch.path("exclude"), null);
    List<String> excludedNames = new ArrayList<>(List.of("node_modules"));
    for (JsonNode pattern : watch.path("exclude")) {
      if (!pattern.asText().contains("/") && !pattern.asText().contains("*")) {
        excludedNames.add(pattern.asText());
      }
    }
    List<Path> newer = new ArrayList<>();
    Files.walkFileTree(project, new SimpleFileVisitor<>() {
      @Override public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        boolean skipped = !dir.equals(project) && (name.startsWith(".") || excludedNames.contains(name)
            || dir.equals(assembly) || matches(exclude, project.relativize(dir)));
        return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        Path relative = project.relativize(file);
        if (!file.getFileName().toString().startsWith(".") && matches(include, relative)
            && !matches(exclude, relative) && attrs.lastModifiedTime().toMillis() > afterMillis) {
          newer.add(file);
        }
        return FileVisitResult.CONTINUE;
      }
    });
    newer.sort((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()) * -1);
    return newer;
  }

  private static List<PathMatcher> matchers(JsonNode patterns, String fallback) {
    List<PathMatcher> matchers = new ArrayList<>();
    List<String> globs = new ArrayList<>();
    patterns.forEach(p -> globs.add(p.asText()));
    if (globs.isEmpty() && fallback != null) {
      globs.add(fallback);
    }
    for (String glob : globs) {
      matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
    }
    return matchers;
  }

  private static boolean matches(List<PathMatcher> matchers, Path relative) {
    return matchers.stream().anyMatch(m -> m.matches(relative));
  }
}

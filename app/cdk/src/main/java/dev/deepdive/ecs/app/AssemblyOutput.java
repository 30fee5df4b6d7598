package dev.deepdive.ecs.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where a synthesis writes: a staging folder inside the output folder ({@code cdk.out/.synth-*}), whose entries
 * replace the output folder's only when the assembly is complete. A synthesis that fails leaves the output folder as
 * it was: never a half-written assembly (asset folders without a manifest) for the CDK CLI or a reviewer to read.
 *
 * <p>Why inside the output folder: moves within one file system are renames, and the CDK CLI holds a lock file
 * there ({@value #CLI_LOCK}) during synthesis, so the folder itself must stay; only its entries are replaced.
 */
final class AssemblyOutput {
  /** The CDK CLI's lock in the output folder while the app runs; not part of the assembly, never touched. */
  static final String CLI_LOCK = "synth.lock";
  static final String STAGING_PREFIX = ".synth-";

  private final Path outdir;
  private final Path staging;

  private AssemblyOutput(Path outdir, Path staging) {
    this.outdir = outdir;
    this.staging = staging;
  }

  /**
   * Creates {@code outdir} if needed and a fresh staging folder in it; staging folders an earlier, killed run
   * left behind are removed first.
   */
  static AssemblyOutput in(Path outdir) {
    try {
      Files.createDirectories(outdir);
      for (Path entry : entries(outdir)) {
        if (entry.getFileName().toString().startsWith(STAGING_PREFIX)) {
          delete(entry);
        }
      }
      return new AssemblyOutput(outdir, Files.createTempDirectory(outdir, STAGING_PREFIX));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The folder to synthesize into. */
  Path staging() {
    return staging;
  }

  /** The complete assembly replaces the output folder's previous one (everything but the CLI's lock). */
  void publish() {
    try {
      Set<Path> keep = Set.of(outdir.resolve(CLI_LOCK), staging);
      for (Path entry : entries(outdir)) {
        if (!keep.contains(entry)) {
          delete(entry);
        }
      }
      for (Path entry : entries(staging)) {
        Files.move(entry, outdir.resolve(entry.getFileName()), StandardCopyOption.ATOMIC_MOVE);
      }
      delete(staging);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Drops what the failed synthesis wrote; the output folder keeps its previous content. */
  void discard() {
    try {
      delete(staging);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> entries(Path folder) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.toList();
    }
  }

  private static void delete(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    Files.walkFileTree(path, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}

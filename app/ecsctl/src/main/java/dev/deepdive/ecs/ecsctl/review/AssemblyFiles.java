package dev.deepdive.ecs.ecsctl.review;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads files inside one cloud assembly and names them in messages the way the user named the folder.
 *
 * <p>Every path handed out stays inside the assembly: a manifest that points outside it (for example
 * {@code ../../etc/passwd}) is refused, because the review must only ever read what synthesis wrote.
 */
final class AssemblyFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path root;
  private final String rootLabel;

  AssemblyFiles(Path root) {
    this.root = root.toAbsolutePath().normalize();
    this.rootLabel = root.toString();
  }

  Path root() {
    return root;
  }

  /** The folder's name only, for reports: never an absolute path. */
  String name() {
    Path fileName = root.getFileName();
    return fileName == null ? root.toString() : fileName.toString();
  }

  /** How messages name a file: the folder as the user gave it, then the path inside the assembly. */
  String label(Path file) {
    Path relative = root.relativize(file.toAbsolutePath().normalize());
    String inside = relative.toString().replace('\\', '/');
    return inside.isEmpty() ? rootLabel : rootLabel + "/" + inside;
  }

  /** The path inside the assembly, with forward slashes: stable across machines. */
  String relative(Path file) {
    return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  /** Resolves a path written in a manifest (relative to {@code base}), refusing one that leaves the assembly. */
  Path resolve(Path base, String written, String writtenWhere) throws ReviewException {
    Path resolved = base.resolve(written).toAbsolutePath().normalize();
    if (!resolved.startsWith(root)) {
      throw new ReviewException(writtenWhere + ": '" + written + "' points outside the cloud assembly");
    }
    return resolved;
  }

  /** Reads a file that must hold one JSON object (every manifest and template does). */
  JsonNode readJsonObject(Path file) throws ReviewException {
    JsonNode node = readJson(file);
    if (!node.isObject()) {
      String got = node.isMissingNode() ? "an empty file" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
      throw new ReviewException(label(file) + ": expected a JSON object, got " + got);
    }
    return node;
  }

  private JsonNode readJson(Path file) throws ReviewException {
    try {
      return JSON.readTree(Files.readAllBytes(file));
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new ReviewException(label(file) + ": corrupt JSON" + where);
    } catch (NoSuchFileException e) {
      throw new ReviewException(label(file) + ": missing; run 'npx cdk synth' again");
    } catch (IOException e) {
      throw new ReviewException(label(file) + ": cannot be read (" + e.getMessage() + ")");
    }
  }
}

package dev.deepdive.ecs.ecsctl.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The stacks of a CDK cloud assembly ({@code cdk.out}), each with the environment it belongs to.
 *
 * <p>An environment is a nested assembly ({@code assembly-<stage>/manifest.json}, artifact type
 * {@code cdk:cloud-assembly}), that is one CDK Stage; a stack outside any stage is its own environment.
 * The format is the CDK cloud-assembly schema:
 * https://github.com/aws/aws-cdk-cli/tree/main/packages/%40aws-cdk/cloud-assembly-schema
 */
final class CloudAssembly {
  private static final String MANIFEST = "manifest.json";
  private static final String STACK = "aws:cloudformation:stack";
  private static final String NESTED_ASSEMBLY = "cdk:cloud-assembly";
  private static final String ASSET_MANIFEST = "cdk:asset-manifest";
  /** Stages nest; deeper than this is a manifest that refers to itself, not a real app. */
  private static final int MAX_NESTING = 8;

  /**
   * One stack as synthesized.
   *
   * @param environment the stage's display name, or the stack's own for a top-level stack
   * @param displayName the stack's display name, such as {@code dev/Cluster}
   * @param template the CloudFormation template
   * @param assetSources every file asset's source (file or folder) inside the assembly
   * @param metadata the stack's construct metadata, construct path to entries ({@code type}, {@code data}): the
   *     manifest's {@code metadata} and its {@code additionalMetadataFile}, where recent CDK versions write it
   */
  record Stack(String environment, String displayName, JsonNode template, List<AssetSource> assetSources,
      JsonNode metadata) {}

  /** A file asset: its display name from the assets manifest and where its content lies. */
  record AssetSource(String displayName, Path path) {}

  private final AssemblyFiles files;
  private final List<Stack> stacks;

  private CloudAssembly(AssemblyFiles files, List<Stack> stacks) {
    this.files = files;
    this.stacks = stacks;
  }

  static CloudAssembly read(Path cdkOut) throws ReviewException {
    AssemblyFiles files = new AssemblyFiles(cdkOut);
    if (!Files.exists(cdkOut)) {
      throw new ReviewException(cdkOut + ": no such folder; run 'npx cdk synth' first");
    }
    if (!Files.isDirectory(cdkOut)) {
      throw new ReviewException(cdkOut + ": not a folder; give the cloud assembly folder (cdk.out)");
    }
    Path manifest = files.root().resolve(MANIFEST);
    if (!Files.isRegularFile(manifest)) {
      throw new ReviewException(cdkOut + ": not a cloud assembly (no manifest.json); run 'npx cdk synth' first");
    }
    List<Stack> stacks = new ArrayList<>();
    readManifest(files, manifest, null, 0, stacks);
    if (stacks.isEmpty()) {
      throw new ReviewException(files.label(manifest) + ": the cloud assembly holds no stacks");
    }
    stacks.sort(Comparator.comparing(Stack::environment).thenComparing(Stack::displayName));
    return new CloudAssembly(files, List.copyOf(stacks));
  }

  AssemblyFiles files() {
    return files;
  }

  List<Stack> stacks() {
    return stacks;
  }

  private static void readManifest(AssemblyFiles files, Path manifest, String environment, int depth,
      List<Stack> into) throws ReviewException {
    if (depth > MAX_NESTING) {
      throw new ReviewException(files.label(manifest) + ": nested assemblies deeper than " + MAX_NESTING + " levels");
    }
    JsonNode artifacts = files.readJsonObject(manifest).path("artifacts");
    if (artifacts.isMissingNode()) {
      return; // an app without stacks writes no artifacts at all
    }
    if (!artifacts.isObject()) {
      throw new ReviewException(files.label(manifest) + ": artifacts: expected an object, got " + kind(artifacts));
    }
    Path folder = manifest.getParent();
    for (Map.Entry<String, JsonNode> artifact : artifacts.properties()) {
      String id = artifact.getKey();
      JsonNode body = artifact.getValue();
      String type = body.path("type").asText("");
      String where = files.label(manifest) + ": artifacts." + id;
      if (NESTED_ASSEMBLY.equals(type)) {
        String directory = required(body.path("properties").path("directoryName"), where + ".properties.directoryName");
        String stage = body.path("properties").path("displayName").asText(directory);
        Path nested = files.resolve(folder, directory, where + ".properties.directoryName").resolve(MANIFEST);
        if (!Files.isRegularFile(nested)) {
          throw new ReviewException(files.label(nested) + ": missing (named by " + where + "); run 'npx cdk synth' again");
        }
        readManifest(files, nested, stage, depth + 1, into);
      } else if (STACK.equals(type)) {
        String templateFile = required(body.path("properties").path("templateFile"), where + ".properties.templateFile");
        Path template = files.resolve(folder, templateFile, where + ".properties.templateFile");
        String displayName = body.path("displayName").asText(id);
        JsonNode templateJson = files.readJsonObject(template);
        JsonNode resources = templateJson.path("Resources");
        if (!resources.isMissingNode() && !resources.isObject()) {
          throw new ReviewException(files.label(template) + ": Resources: expected an object, got " + kind(resources));
        }
        into.add(new Stack(environment == null ? displayName : environment, displayName, templateJson,
            assetSources(files, folder, artifacts, body, where), metadata(files, folder, body, where)));
      }
    }
  }

  /** The stack's metadata entries by construct path, from the manifest and its additional metadata file. */
  private static JsonNode metadata(AssemblyFiles files, Path folder, JsonNode stack, String where)
      throws ReviewException {
    ObjectNode merged = JsonNodeFactory.instance.objectNode();
    if (stack.path("metadata").isObject()) {
      merged.setAll((ObjectNode) stack.get("metadata"));
    }
    String file = stack.path("additionalMetadataFile").asText("");
    if (!file.isEmpty()) {
      merged.setAll((ObjectNode) files.readJsonObject(files.resolve(folder, file, where + ".additionalMetadataFile")));
    }
    return merged;
  }

  /** File assets named by the stack's asset manifests (its dependencies of type cdk:asset-manifest). */
  private static List<AssetSource> assetSources(AssemblyFiles files, Path folder, JsonNode artifacts, JsonNode stack,
      String where) throws ReviewException {
    List<AssetSource> sources = new ArrayList<>();
    for (JsonNode dependency : stack.path("dependencies")) {
      JsonNode artifact = artifacts.path(dependency.asText());
      if (!ASSET_MANIFEST.equals(artifact.path("type").asText())) {
        continue;
      }
      String file = artifact.path("properties").path("file").asText("");
      if (file.isEmpty()) {
        continue;
      }
      Path assetsManifest = files.resolve(folder, file, where + " asset manifest");
      if (!Files.isRegularFile(assetsManifest)) {
        continue; // assets are optional to the review: a missing manifest means no ecs.config to show
      }
      JsonNode assetFiles = files.readJsonObject(assetsManifest).path("files");
      for (Map.Entry<String, JsonNode> asset : assetFiles.properties()) {
        String path = asset.getValue().path("source").path("path").asText("");
        if (path.isEmpty()) {
          continue;
        }
        Path source = files.resolve(assetsManifest.getParent(), path,
            files.label(assetsManifest) + ": files." + asset.getKey() + ".source.path");
        sources.add(new AssetSource(asset.getValue().path("displayName").asText(asset.getKey()), source));
      }
    }
    return sources;
  }

  private static String required(JsonNode value, String where) throws ReviewException {
    if (!value.isTextual() || value.asText().isEmpty()) {
      throw new ReviewException(where + ": missing; expected a file name");
    }
    return value.asText();
  }

  static String kind(JsonNode node) {
    return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}

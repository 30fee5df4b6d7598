package dev.deepdive.ecs.ecsctl.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The ECS agent settings an environment gives its instances.
 *
 * <p>Two places: an {@code ecs.config} file shipped as a CDK file asset (a BucketDeployment source, found through
 * the stack's assets manifest: a folder or zip holding a file named {@code ecs.config}), and the lines of launch
 * template / launch configuration user data that write {@code ECS_*} variables into ecs.config (at least
 * {@code ECS_CLUSTER}): {@code echo ECS_X=... >> /etc/ecs/ecs.config}, or a line of a here-document that starts
 * with {@code ECS_X=}. Comments and lines that merely mention a variable (a check, a sed) are not settings.
 *
 * @param files ecs.config files found in the stacks' assets, sorted by stack and asset
 * @param userDataLines user data lines that set ECS agent variables, in stack, resource and line order
 */
record AgentConfigSettings(List<ConfigFile> files, List<UserDataLine> userDataLines) {
  private static final String FILE_NAME = "ecs.config";
  /** Asset folders are shallow (a BucketDeployment source); a deep walk would only read unrelated bundles. */
  private static final int MAX_DEPTH = 4;
  private static final Pattern AGENT_VARIABLE = Pattern.compile("\\bECS_[A-Z0-9_]+=");
  private static final Pattern SETTING_LINE = Pattern.compile("^ECS_[A-Z0-9_]+=.*");
  private static final Pattern WRITES_ECS_CONFIG = Pattern.compile(">>?\\s*\\S*ecs\\.config");
  private static final List<String> USER_DATA_TYPES = List.of(
      "AWS::EC2::LaunchTemplate", "AWS::AutoScaling::LaunchConfiguration", "AWS::EC2::Instance");

  /**
   * One ecs.config file.
   *
   * @param stack the stack's display name
   * @param asset the asset's display name from the assets manifest ({@code AgentConfigFile/Asset1})
   * @param file the file's path inside the asset
   * @param settings its KEY=VALUE lines, in file order (a later line wins in the agent)
   */
  record ConfigFile(String stack, String asset, String file, List<Setting> settings) {}

  record Setting(String key, String value) {}

  /**
   * One user data line that sets an agent variable.
   *
   * @param stack the stack's display name
   * @param resource the launch template, launch configuration or instance's logical ID
   * @param line the line, references rendered as {@code ${LogicalId}}
   */
  record UserDataLine(String stack, String resource, String line) {}

  static AgentConfigSettings of(CloudAssembly.Stack stack, StackResources resources, AssemblyFiles files)
      throws ReviewException {
    List<ConfigFile> configFiles = new ArrayList<>();
    for (CloudAssembly.AssetSource asset : stack.assetSources()) {
      configFiles.addAll(configFiles(stack.displayName(), asset, files));
    }
    configFiles.sort(Comparator.comparing(ConfigFile::asset).thenComparing(ConfigFile::file));
    List<UserDataLine> lines = new ArrayList<>();
    for (String type : USER_DATA_TYPES) {
      resources.ofType(type).forEach((id, resource) -> {
        JsonNode properties = StackResources.properties(resource);
        JsonNode userData = properties.has("LaunchTemplateData")
            ? properties.path("LaunchTemplateData").path("UserData") : properties.path("UserData");
        for (String line : userDataText(userData).split("\n")) {
          if (setsAgentVariable(line.strip())) {
            lines.add(new UserDataLine(stack.displayName(), id, line.strip()));
          }
        }
      });
    }
    lines.sort(Comparator.comparing(UserDataLine::resource));
    return new AgentConfigSettings(List.copyOf(configFiles), List.copyOf(lines));
  }

  static AgentConfigSettings merge(List<AgentConfigSettings> parts) {
    List<ConfigFile> configFiles = new ArrayList<>();
    List<UserDataLine> lines = new ArrayList<>();
    parts.forEach(part -> {
      configFiles.addAll(part.files());
      lines.addAll(part.userDataLines());
    });
    return new AgentConfigSettings(List.copyOf(configFiles), List.copyOf(lines));
  }

  private static boolean setsAgentVariable(String line) {
    return SETTING_LINE.matcher(line).matches()
        || (AGENT_VARIABLE.matcher(line).find() && WRITES_ECS_CONFIG.matcher(line).find() && !line.startsWith("#"));
  }

  /** User data is Fn::Base64 of a string or Fn::Join (CDK), or already-encoded text. */
  private static String userDataText(JsonNode userData) {
    if (userData.has("Fn::Base64")) {
      return Intrinsics.render(userData.get("Fn::Base64"));
    }
    if (userData.isTextual()) {
      try {
        return new String(Base64.getMimeDecoder().decode(userData.asText()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException notBase64) {
        return userData.asText();
      }
    }
    return Intrinsics.render(userData);
  }

  private static List<ConfigFile> configFiles(String stack, CloudAssembly.AssetSource asset, AssemblyFiles files)
      throws ReviewException {
    Path source = asset.path();
    List<ConfigFile> found = new ArrayList<>();
    try {
      if (Files.isDirectory(source)) {
        try (Stream<Path> walk = Files.walk(source, MAX_DEPTH)) {
          for (Path file : walk.filter(p -> p.getFileName().toString().equals(FILE_NAME))
              .filter(Files::isRegularFile).sorted().toList()) {
            found.add(new ConfigFile(stack, asset.displayName(), source.relativize(file).toString().replace('\\', '/'),
                settings(Files.readString(file, StandardCharsets.UTF_8))));
          }
        }
      } else if (Files.isRegularFile(source) && source.getFileName().toString().equals(FILE_NAME)) {
        found.add(new ConfigFile(stack, asset.displayName(), FILE_NAME,
            settings(Files.readString(source, StandardCharsets.UTF_8))));
      } else if (Files.isRegularFile(source) && source.getFileName().toString().endsWith(".zip")) {
        try (ZipFile zip = new ZipFile(source.toFile())) {
          for (ZipEntry entry : zip.stream().filter(e -> !e.isDirectory())
              .filter(e -> e.getName().equals(FILE_NAME) || e.getName().endsWith("/" + FILE_NAME))
              .sorted(Comparator.comparing(ZipEntry::getName)).toList()) {
            try (InputStream in = zip.getInputStream(entry)) {
              found.add(new ConfigFile(stack, asset.displayName(), entry.getName(),
                  settings(new String(in.readAllBytes(), StandardCharsets.UTF_8))));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new ReviewException(files.label(source) + ": cannot be read (" + e.getMessage() + ")");
    }
    return found;
  }

  /** KEY=VALUE lines; blank lines and # comments are not settings. */
  private static List<Setting> settings(String content) {
    List<Setting> settings = new ArrayList<>();
    for (String line : content.split("\\R")) {
      String trimmed = line.strip();
      int equals = trimmed.indexOf('=');
      if (trimmed.isEmpty() || trimmed.startsWith("#") || equals <= 0) {
        continue;
      }
      settings.add(new Setting(trimmed.substring(0, equals).strip(), trimmed.substring(equals + 1).strip()));
    }
    return List.copyOf(settings);
  }
}

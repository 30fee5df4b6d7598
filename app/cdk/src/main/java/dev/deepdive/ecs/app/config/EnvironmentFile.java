package dev.deepdive.ecs.app.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of reading one environment file.
 *
 * <p>Besides the config (present only when the file has no problem at all), it keeps the values the
 * cross-file checks compare, each present when that value on its own is valid: a file whose name clashes
 * with another's is then told so even if it has other mistakes too.
 *
 * @param parsed false when the file is not one JSON object; such a file takes no part in cross-file checks
 */
record EnvironmentFile(
    Path source,
    boolean parsed,
    Optional<String> name,
    Optional<String> clusterName,
    Optional<Ipv4Cidr> cidr,
    Optional<EnvironmentConfig> config,
    List<String> problems) {

  static EnvironmentFile unparsed(Path source, List<String> problems) {
    return new EnvironmentFile(
        source, false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), problems);
  }
}

package dev.deepdive.ecs.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** A minimal valid qa environment file, and ways to break it one field at a time. */
final class QaFile {
  static final Path SOURCE = Path.of("app/environments/qa.json");

  /** Only required fields, so every optional one takes its default. */
  static final String MINIMAL = """
      {
        "name": "qa",
        "clusterName": "deep-dive-qa",
        "network": {
          "cidr": "10.20.0.0/16"
        },
        "capacity": {
          "instanceTypes": ["t3.large", "m5.large"],
          "minSize": 2,
          "desiredSize": 2,
          "maxSize": 4
        }
      }
      """;

  private QaFile() {}

  /** MINIMAL with one fragment replaced; fails if the fragment is not there, so no test passes vacuously. */
  static String with(String fragment, String replacement) {
    assertThat(MINIMAL).contains(fragment);
    return MINIMAL.replace(fragment, replacement);
  }

  /** MINIMAL with {@code extra} added to the network object. */
  static String withNetwork(String extra) {
    return with("\"cidr\": \"10.20.0.0/16\"", "\"cidr\": \"10.20.0.0/16\", " + extra);
  }

  /** MINIMAL with {@code extra} added to the capacity object. */
  static String withCapacity(String extra) {
    return with("\"maxSize\": 4", "\"maxSize\": 4, " + extra);
  }

  /** MINIMAL with {@code extra} added at the top level. */
  static String withTop(String extra) {
    return with("\"name\": \"qa\",", "\"name\": \"qa\", " + extra + ",");
  }

  static List<String> problems(String json) {
    return read(json).problems();
  }

  static EnvironmentConfig config(String json) {
    EnvironmentFile file = read(json);
    assertThat(file.problems()).isEmpty();
    return file.config().orElseThrow();
  }

  static EnvironmentFile read(String json) {
    return EnvironmentFileReader.read(SOURCE, json.getBytes(StandardCharsets.UTF_8));
  }
}

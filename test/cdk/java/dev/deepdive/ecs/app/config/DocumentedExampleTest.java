package dev.deepdive.ecs.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The full example in README.md stays a valid environment file. */
class DocumentedExampleTest {
  private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

  @Test
  void theFullExampleInTheReferenceLoads() throws IOException {
    Matcher block = JSON_BLOCK.matcher(Files.readString(Path.of("README.md")));
    assertThat(block.find()).as("a ```json block in README.md").isTrue();
    EnvironmentFile file = EnvironmentFileReader.read(
        Path.of("app/environments/qa.json"), block.group(1).getBytes(StandardCharsets.UTF_8));
    assertThat(file.problems()).isEmpty();
  }
}

package dev.deepdive.ecs.ecsctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepdive.ecs.ecsctl.ops.TimeSource;
import dev.deepdive.ecs.testing.ShippedExample;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ecsctl review} on the shipped example's cloud assembly, offline. */
class ReviewCommandTest {
  private final String assembly = ShippedExample.get().outdir().toString();

  private static CliRun.Result review(String... args) {
    return CliRun.against(null, TimeSource.system()).runRaw(args);
  }

  @Test
  void summarizesEveryEnvironmentOfTheShippedExample() {
    CliRun.Result result = review("review", assembly);
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).contains("dev").contains("qa").contains("prod")
        .contains("AWS::ECS::Service").contains("| `ECS_CLUSTER` | `deep-dive-dev` |");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void jsonOutputIsOneDocument() throws Exception {
    CliRun.Result result = review("--output", "json", "review", assembly);
    assertThat(result.exitCode()).as(result.toString()).isZero();
    JsonNode document = new ObjectMapper().readTree(result.out());
    assertThat(document.get("environments").size()).isEqualTo(3);
  }

  @Test
  void comparingAnAssemblyWithItselfReportsNoChange() {
    CliRun.Result result = review("review", assembly, "--against", assembly);
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).contains("New IAM grants: 0, removed: 0. New internet exposure: 0, removed: 0."
        + " New container risks: 0, removed: 0. Resources replaced: 0, may be replaced: 0, that cannot be updated"
        + " (the deploy fails): 0.");
  }

  @Test
  void aFolderThatIsNoAssemblyIsOneClearErrorAndExitCode2(@TempDir Path empty) {
    CliRun.Result result = review("review", empty.toString());
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
    assertThat(result.err()).startsWith("ecsctl: ").contains("not a cloud assembly").doesNotContain("\tat ");
    assertThat(result.err().lines()).hasSize(1);
  }
}

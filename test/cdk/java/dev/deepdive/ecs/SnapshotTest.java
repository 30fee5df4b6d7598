package dev.deepdive.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.deepdive.ecs.testing.ShippedExample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Stage;

/**
 * Golden templates of every stack of the shipped example, under {@code test/snapshots/}, pretty-printed so a
 * pull request shows what changes line by line. A difference fails with a unified diff; the snapshots are
 * rewritten only on request: {@code mvn test -Dtest=SnapshotTest -DupdateSnapshots=true}.
 */
class SnapshotTest {
  static final Path SNAPSHOTS = Path.of("test/snapshots");
  private static final boolean UPDATE = Boolean.getBoolean("updateSnapshots");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ShippedExample example = ShippedExample.get();

  @TestFactory
  Stream<DynamicTest> everyStackMatchesItsGoldenTemplate() {
    return stacks().stream().map(stack -> DynamicTest.dynamicTest(stack.getArtifactId(), () -> {
      Path golden = snapshotOf(stack);
      String actual = pretty(stack);
      if (UPDATE) {
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, actual);
        return;
      }
      if (!Files.exists(golden)) {
        fail("no golden template " + golden + " for stack " + stack.getStackName()
            + "; write it with: mvn test -Dtest=SnapshotTest -DupdateSnapshots=true");
      }
      String expected = Files.readString(golden);
      if (!expected.equals(actual)) {
        fail(stack.getStackName() + " differs from " + golden + " (if intended, rerun with -DupdateSnapshots=true):\n"
            + diff(golden, expected, actual));
      }
    }));
  }

  @Test
  void noGoldenTemplateIsLeftForAStackThatIsGone() throws IOException {
    Set<Path> expected = stacks().stream().map(SnapshotTest::snapshotOf).collect(Collectors.toCollection(TreeSet::new));
    try (Stream<Path> files = Files.walk(SNAPSHOTS)) {
      List<Path> stale = files.filter(p -> p.toString().endsWith(".template.json"))
          .filter(p -> !expected.contains(p)).toList();
      if (UPDATE) {
        for (Path p : stale) {
          Files.delete(p);
        }
        return;
      }
      assertThat(stale).as("golden templates of stacks the example no longer has").isEmpty();
    }
  }

  private List<Stack> stacks() {
    List<Stack> stacks = new ArrayList<>();
    example.stages().forEach(stage -> stage.getNode().getChildren().stream()
        .filter(Stack.class::isInstance).map(Stack.class::cast).forEach(stacks::add));
    return stacks;
  }

  private static Path snapshotOf(Stack stack) {
    return SNAPSHOTS.resolve(Stage.of(stack).getStageName()).resolve(stack.getNode().getId() + ".template.json");
  }

  private String pretty(Stack stack) throws IOException {
    Path file = example.outdir().resolve("assembly-" + Stage.of(stack).getStageName()).resolve(stack.getTemplateFile());
    Object template = JSON.readValue(file.toFile(), Object.class);
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    return JSON.writer(printer).writeValueAsString(template) + "\n";
  }

  private static String diff(Path golden, String expected, String actual) {
    List<String> before = expected.lines().toList();
    List<String> after = actual.lines().toList();
    List<String> lines = UnifiedDiffUtils.generateUnifiedDiff(golden.toString(), "synthesized", before,
        DiffUtils.diff(before, after), 3);
    return String.join("\n", lines.size() > 200 ? lines.subList(0, 200) : lines)
        + (lines.size() > 200 ? "\n... (" + (lines.size() - 200) + " more diff lines)" : "");
  }
}

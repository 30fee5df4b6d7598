package dev.deepdive.ecs.ecsctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepdive.ecs.ecsctl.cli.CliRun.Result;
import dev.deepdive.ecs.ecsctl.testing.FakeEcs;
import dev.deepdive.ecs.ecsctl.testing.FakeTaskDefinition;
import dev.deepdive.ecs.ecsctl.testing.SimulatedTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TaskDefinitionsCommandTest {
  private final SimulatedTime time = new SimulatedTime();
  private FakeEcs fake;
  private final List<FakeTaskDefinition> web = new ArrayList<>();

  @BeforeEach void startFake() {
    fake = FakeEcs.start(time);
    for (int i = 0; i < 5; i++) {
      web.add(fake.registerTaskDefinition("web"));
    }
    fake.registerTaskDefinition("web-admin");
    fake.registerTaskDefinition("api").memory(50);
  }

  @AfterEach void stopFake() {
    fake.close();
  }

  private Result run(String... args) {
    return CliRun.against(fake, time).run(args);
  }

  @Test void listsFamilies() {
    Result result = run("task-definitions", "families");

    assertThat(result.out()).isEqualTo("api\nweb\nweb-admin\n");
  }

  @Test void listsRevisionsOfExactlyOneFamilyNewestFirst() {
    Result result = run("task-definitions", "revisions", "--family", "web");

    assertThat(result.out()).isEqualTo("web:5\nweb:4\nweb:3\nweb:2\nweb:1\n");
  }

  @Test void describesARevision() {
    Result result = run("task-definitions", "describe", "api:1");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).startsWith("api:1 (ACTIVE)\n")
        .contains("api        public.ecr.aws/docker/library/tomcat:10  -    50");
  }

  @Test void failsToDescribeAnUnknownRevision() {
    Result result = run("task-definitions", "describe", "web:99");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("ecsctl: task definition 'web:99' not found (TaskDefinitionNotFound:"
        + " Unable to describe task definition.)").contains("'ecsctl task-definitions revisions --family FAMILY'");
  }

  @Test void deregistersOneRevision() {
    Result result = run("task-definitions", "deregister", "web:2", "--yes");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).isEqualTo("web:2  INACTIVE\n");
    assertThat(web.get(1).active()).isFalse();
  }

  @Test void rejectsADeregisterTargetWithoutRevision() {
    Result result = run("task-definitions", "deregister", "web", "--yes");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("expected family:revision (e.g. web:3) or a task definition ARN, got 'web'");
    assertThat(fake.operations()).isEmpty();
  }

  @Test void prunesAllButTheNewestRevisionsOfTheFamilyOnly() {
    Result result = run("task-definitions", "prune", "--family", "web", "--keep", "2", "--yes");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(web).extracting(FakeTaskDefinition::active).containsExactly(false, false, false, true, true);
    assertThat(result.out()).isEqualTo("web:5  kept\nweb:4  kept\nweb:1  deregistered\nweb:2  deregistered\n"
        + "web:3  deregistered\n");
    assertThat(run("task-definitions", "revisions", "--family", "web-admin").out()).isEqualTo("web-admin:1\n");
  }

  @Test void pruneDryRunChangesNothing() throws Exception {
    Result result = run("--output", "json", "task-definitions", "prune", "--family", "web", "--keep", "4", "--dry-run");

    JsonNode doc = new ObjectMapper().readTree(result.out());
    assertThat(doc.get("dryRun").asBoolean()).isTrue();
    assertThat(doc.get("deregistered")).extracting(JsonNode::asText).containsExactly("web:1");
    assertThat(fake.operations()).doesNotContain("DeregisterTaskDefinition");
  }

  @Test void rejectsKeepingZeroRevisions() {
    Result result = run("task-definitions", "prune", "--family", "web", "--keep", "0", "--yes");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--keep must be at least 1").contains("got 0");
  }

  @Test void pruneRefusesWithoutYesWhenThereIsNoTerminal() {
    Result result = run("task-definitions", "prune", "--family", "web", "--keep", "1");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(web).allSatisfy(td -> assertThat(td.active()).isTrue());
  }

  @Test void revisionsOfAnUnknownFamilySayNothingWasFound() {
    Result result = run("task-definitions", "revisions", "--family", "nope");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).startsWith("ecsctl: task definition 'nope' not found (TaskDefinitionFamilyNotFound: no"
        + " revision of family 'nope' in any status) in region us-east-1");
  }

  @Test void revisionsOfAFamilyWithOnlyInactiveRevisionsPointToAll() {
    assertThat(run("task-definitions", "deregister", "api:1", "--yes").exitCode()).isZero();

    Result result = run("task-definitions", "revisions", "--family", "api");
    Result all = run("task-definitions", "revisions", "--family", "api", "--all");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo("ecsctl: family 'api' has no ACTIVE revision; add --all to list its INACTIVE"
        + " (deregistered) ones\n");
    assertThat(all.out()).isEqualTo("api:1\n");
  }

  @Test void pruneOfAnUnknownFamilySaysSoInsteadOfSucceedingSilently() {
    Result result = run("task-definitions", "prune", "--family", "nope", "--keep", "2", "--yes");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("ecsctl: task definition 'nope' not found (TaskDefinitionFamilyNotFound: no"
        + " ACTIVE revision of family 'nope', so nothing to prune)");
    assertThat(fake.callsTo("DeregisterTaskDefinition")).isEmpty();
  }

  @Test void pruneWithNothingToPruneSaysSo() {
    Result result = run("task-definitions", "prune", "--family", "web", "--keep", "5", "--yes");

    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).isEqualTo("ecsctl: nothing to prune: family 'web' has 5 ACTIVE revision(s), --keep 5\n");
  }
}

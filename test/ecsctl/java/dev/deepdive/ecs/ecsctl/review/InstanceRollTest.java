package dev.deepdive.ecs.ecsctl.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code review --against} says which Auto Scaling groups' container instances a change replaces: a changed launch
 * template (AMI, user data) or instance type list under a rolling update policy rolls every instance; without the
 * policy only instances launched later see it. Fixtures: hand-written assemblies in test/resources/review/roll-*,
 * one Cluster stack with a rolling group, a group without update policy and a group whose template is unchanged.
 */
class InstanceRollTest {
  private static final String ROLLING = "- ⚠️ `RollingGroup` in `dev/Cluster`: every container instance is replaced, one at"
      + " a time (a new instance registers and signals, then an old one drains and terminates)";

  private static Path fixture(String name) throws Exception {
    return Path.of(InstanceRollTest.class.getResource("/review/" + name).toURI());
  }

  private static AssemblyReview compare(String newer, String older) throws Exception {
    // Hand-written fixtures have no sources to be fresh against: allow stale.
    return AssemblyReview.compare(fixture(newer), fixture(older), true);
  }

  @Test
  void aChangedLaunchTemplateRollsTheRollingGroupAndReachesOnlyNewInstancesOfTheOther() throws Exception {
    String markdown = compare("roll-new", "roll-old").toMarkdown();

    assertThat(markdown).contains("#### Container instances that will be replaced (rolling update)\n\n" + ROLLING
        + " (changed: LaunchTemplateData.ImageId, LaunchTemplateData.UserData). Worst-case time:"
        + " docs/container-instances.md.\n- `PlainGroup` in `dev/Cluster`: no rolling update policy, so running container"
        + " instances keep their old settings; the change reaches only instances launched later (changed:"
        + " LaunchTemplateData.UserData).\n");
    assertThat(markdown).doesNotContain("`SteadyGroup`:");
    assertThat(markdown).contains("Auto Scaling groups whose container instances are replaced: 1.");
  }

  @Test
  void changedInstanceTypesRollTheGroup() throws Exception {
    String markdown = compare("roll-types", "roll-old").toMarkdown();

    assertThat(markdown).contains(ROLLING + " (changed: MixedInstancesPolicy.LaunchTemplate.Overrides (instance"
        + " types)). Worst-case time: docs/container-instances.md.\n");
    assertThat(markdown).doesNotContain("`PlainGroup`:").doesNotContain("`SteadyGroup`:");
  }

  @Test
  void noChangeRollsNothing() throws Exception {
    String markdown = compare("roll-old", "roll-old").toMarkdown();

    assertThat(markdown).contains("#### Container instances that will be replaced (rolling update)\n\n_None._\n");
    assertThat(markdown).contains("Auto Scaling groups whose container instances are replaced: 0.");
  }

  @Test
  void theJsonOutputListsEachGroupWithItsUpdateAndBatchSize() throws Exception {
    JsonNode rolls = new ObjectMapper().readTree(compare("roll-new", "roll-old").toJson())
        .path("changes").path("instanceRolls");

    assertThat(rolls).hasSize(2);
    assertThat(rolls.get(0).path("environment").asText()).isEqualTo("dev");
    assertThat(rolls.get(0).path("stack").asText()).isEqualTo("dev/Cluster");
    assertThat(rolls.get(0).path("autoScalingGroup").asText()).isEqualTo("RollingGroup");
    assertThat(rolls.get(0).path("update").asText()).isEqualTo("rolling update");
    assertThat(rolls.get(0).path("maxBatchSize").asInt()).isEqualTo(1);
    assertThat(rolls.get(0).path("changed").asText())
        .isEqualTo("LaunchTemplateData.ImageId, LaunchTemplateData.UserData");
    assertThat(rolls.get(1).path("autoScalingGroup").asText()).isEqualTo("PlainGroup");
    assertThat(rolls.get(1).path("update").asText()).isEqualTo("no update policy");
    assertThat(rolls.get(1).path("maxBatchSize").asInt()).isEqualTo(0);
    assertThat(rolls.get(1).path("changed").asText()).isEqualTo("LaunchTemplateData.UserData");
  }
}

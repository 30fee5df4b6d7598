package dev.deepdive.ecs.ecsctl.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The review of a newer assembly against an older one (see {@link ReviewAssemblies}). */
class AssemblyCompareTest {
  private static String markdown;
  private static JsonNode changes;

  @BeforeAll
  static void compare() throws Exception {
    AssemblyReview review = AssemblyReview.compare(ReviewAssemblies.widened(), ReviewAssemblies.baseline());
    markdown = review.toMarkdown();
    changes = new ObjectMapper().readTree(review.toJson()).path("changes");
  }

  private static String section(String heading) {
    int start = markdown.indexOf(heading);
    assertThat(start).as("heading %s", heading).isNotNegative();
    int end = markdown.indexOf("\n#", start + heading.length());
    return markdown.substring(start, end < 0 ? markdown.length() : end);
  }

  @Test
  void listsAWidenedPermissionAsANewGrantWithTheWildcardHighlighted() {
    assertThat(section("#### New IAM grants"))
        .contains("| dev | `dev/AppRole` | `AppRoleDC883459` | Allow | `s3:PutObject` | **`*`** ⚠️ |");
  }

  @Test
  void listsAnOpenedPortAsNewInternetExposure() {
    assertThat(section("#### New internet exposure"))
        .contains("| dev | `dev/Cluster` | `Bastion2B4CEC30` | ⚠️ tcp 22 from 0.0.0.0/0 |");
  }

  @Test
  void listsSecurityRelevantChangesBeforeOtherChangesAndTheEnvironments() {
    int grant = markdown.indexOf("`s3:PutObject`");
    int port = markdown.indexOf("tcp 22 from 0.0.0.0/0");
    int other = markdown.indexOf("### Other changes");
    int environments = markdown.indexOf("## Environment ");
    assertThat(grant).isPositive().isLessThan(other);
    assertThat(port).isPositive().isLessThan(other);
    assertThat(other).isLessThan(environments);
  }

  @Test
  void listsAGrantThatIsGoneAsRemoved() {
    assertThat(section("#### Removed IAM grants")).contains("`ssm:GetParameter`");
  }

  @Test
  void leavesUnchangedGrantsAndExposureOut() {
    assertThat(changes.path("newGrants")).hasSize(1);
    assertThat(changes.path("newExposure")).hasSize(1);
    assertThat(changes.path("removedExposure")).isEmpty();
  }

  @Test
  void reportsAChangedTaskDefinitionAsReplaced() {
    assertThat(section("#### Resources that will be replaced")).contains(
        "| dev | `dev/Cluster` | `WebTask51ED7374` | `AWS::ECS::TaskDefinition` | ContainerDefinitions changed");
  }

  @Test
  void reportsALogicalIdThatChangedWithinATypeAsReplaced() {
    assertThat(section("#### Resources that will be replaced")).containsPattern(
        "\\| Shared \\| `Shared` \\| `Artifacts\\w+ -> ArtifactStore\\w+` \\| `AWS::S3::Bucket` \\| logical ID changed");
  }

  @Test
  void listsModifiedResourcesWithTheirChangedProperties() {
    assertThat(section("### Other changes")).contains(
        "| modified | dev | `dev/Cluster` | `Bastion2B4CEC30` | `AWS::EC2::SecurityGroup` | SecurityGroupIngress |");
  }

  @Test
  void listsAddedAndRemovedResourcesByLogicalId() {
    assertThat(section("### Other changes"))
        .contains("| removed | dev | `dev/AppRole` | `ReadParameters5155D8EA` | `AWS::IAM::ManagedPolicy` |")
        .containsPattern("\\| added \\| Shared \\| `Shared` \\| `ArtifactStore\\w+` \\| `AWS::S3::Bucket` \\|");
  }

  @Test
  void findsNoChangeBetweenAnAssemblyAndItself() throws Exception {
    JsonNode same = new ObjectMapper().readTree(
        AssemblyReview.compare(ReviewAssemblies.baseline(), ReviewAssemblies.baseline()).toJson()).path("changes");
    for (String list : new String[] {"newGrants", "removedGrants", "newExposure", "removedExposure", "replaced",
        "resources"}) {
      assertThat(same.path(list)).as(list).isEmpty();
    }
  }

  @Test
  void namesTheOlderAssemblyInTheJson() throws Exception {
    Path older = ReviewAssemblies.baseline();
    JsonNode document = new ObjectMapper().readTree(AssemblyReview.compare(ReviewAssemblies.widened(), older).toJson());
    assertThat(document.path("against").asText()).isEqualTo(older.getFileName().toString());
  }
}

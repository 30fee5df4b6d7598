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
        .contains("| dev | `dev/AppRole` | `AppRoleDC883459` | Allow | `s3:PutObject` | **`*`** ⚠️ |  | "
            + ReviewAssemblies.WILDCARD_REASON + " |");
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
    // The ecs:Submit* grant on * gained a wildcard reason and is otherwise unchanged: not a new grant.
    assertThat(changes.path("newGrants")).hasSize(1);
    // SSH on the bastion; HTTPS on 443 in the load balancer's group and its new listener.
    assertThat(changes.path("newExposure")).extracting(e -> e.path("access").asText()).containsExactly(
        "tcp 22 from 0.0.0.0/0", "internet-facing application load balancer, listener HTTPS 443",
        "tcp 443 from 0.0.0.0/0");
    assertThat(changes.path("removedExposure")).isEmpty();
  }

  @Test
  void reportsAChangedTaskDefinitionAsReplaced() {
    assertThat(section("#### Resources that will be replaced")).contains(
        "| dev | `dev/Cluster` | `WebTask51ED7374` | `AWS::ECS::TaskDefinition` | replaced | ContainerDefinitions changed");
  }

  @Test
  void turningOnHttpsReplacesTheLoadBalancerSecurityGroupAndTheListenerRule() {
    assertThat(section("#### Resources that will be replaced"))
        .containsPattern("\\| dev \\| `dev/Edge` \\| `LoadBalancerSecurityGroup\\w+` \\| `AWS::EC2::SecurityGroup` \\|"
            + " replaced \\| GroupDescription changed \\|")
        .containsPattern("\\| dev \\| `dev/Edge` \\| `WebRule\\w+` \\| `AWS::ElasticLoadBalancingV2::ListenerRule` \\|"
            + " replaced \\| ListenerArn changed \\|");
    assertThat(markdown).doesNotContain("Resources replaced: 0");
  }

  @Test
  void aChangedRoleOnANamedServiceIsAnUpdateThatFails() {
    assertThat(section("#### Resources that will be replaced")).contains("| dev | `dev/Edge` | `LegacyWeb` |"
        + " `AWS::ECS::Service` | **update fails** ⚠️ | Role changed, which needs a replacement, but ServiceName"
        + " 'legacy-web' is a custom name: CloudFormation cannot replace a custom-named resource, so this deploy"
        + " fails and rolls back.");
    assertThat(markdown).contains("that cannot be updated (the deploy fails): 1.");
  }

  @Test
  void aPrivilegedContainerIsANewContainerRiskNotJustAChangedDefinition() {
    assertThat(section("#### New container risks"))
        .contains("| dev | `dev/Cluster` | `WebTask51ED7374` | `web` | ⚠️ privileged |");
    assertThat(changes.path("newContainerRisks")).hasSize(1);
  }

  @Test
  void showsTheWildcardReasonBesideTheWildcardInTheEnvironmentsIamTable() {
    assertThat(section("#### `AppRoleDC883459` in `dev/AppRole`"))
        .contains("| `s3:PutObject` | **`*`** ⚠️ |  | `*`: " + ReviewAssemblies.WILDCARD_REASON + " |");
  }

  @Test
  void reportsALogicalIdThatChangedWithinATypeAsReplaced() {
    assertThat(section("#### Resources that will be replaced")).containsPattern(
        "\\| Shared \\| `Shared` \\| `Artifacts\\w+ -> ArtifactStore\\w+` \\| `AWS::S3::Bucket` \\| replaced \\|"
            + " logical ID changed");
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

package dev.deepdive.ecs.ecsctl.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The review of one real cloud assembly (see {@link ReviewAssemblies#baseline()}). */
class AssemblyReviewTest {
  private static Path cdkOut;
  private static String markdown;
  private static JsonNode json;

  @BeforeAll
  static void review() throws Exception {
    cdkOut = ReviewAssemblies.baseline();
    AssemblyReview review = AssemblyReview.read(cdkOut);
    markdown = review.toMarkdown();
    json = new ObjectMapper().readTree(review.toJson());
  }

  private static String devSection() {
    return markdown.substring(markdown.indexOf("## Environment `dev`"));
  }

  private static JsonNode dev() {
    for (JsonNode environment : json.path("environments")) {
      if (environment.path("name").asText().equals("dev")) {
        return environment;
      }
    }
    throw new AssertionError("no dev environment in " + json);
  }

  @Test
  void countsResourcesByTypePerEnvironment() {
    assertThat(devSection())
        // The Cluster stack's service and the Edge stack's named one; roles: 6 in the Cluster and AppRole stacks,
        // 2 in the Edge stack's network and load balancer constructs.
        .contains("| `AWS::ECS::Service` | 2 |")
        .contains("| `AWS::IAM::Role` | 8 |");
    // 2 public subnets in Cluster, 2 public and 2 private in Edge.
    assertThat(dev().path("resourcesByType").path("AWS::EC2::Subnet").asInt()).isEqualTo(6);
  }

  @Test
  void givesEachStageAndEachTopLevelStackItsOwnSection() {
    List<String> names = new ArrayList<>();
    json.path("environments").forEach(environment -> names.add(environment.path("name").asText()));
    assertThat(names).containsExactly("dev", "Shared");
  }

  @Test
  void highlightsAWildcardAction() {
    assertThat(devSection()).contains("**`ecs:Submit*`** ⚠️");
  }

  @Test
  void highlightsAWildcardResource() {
    assertThat(devSection()).contains("| Allow | **`ecs:Submit*`** ⚠️ | **`*`** ⚠️ |");
  }

  @Test
  void rendersIntrinsicsInResourcesReadably() {
    assertThat(devSection()).contains("`Data666C94C7.Arn`, `${Data666C94C7.Arn}/*`");
  }

  @Test
  void includesAManagedPolicyAttachedToTheRoleByRef() {
    assertThat(devSection()).contains("| `ReadParameters5155D8EA` | Allow | `ssm:GetParameter` | "
        + "`arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/app/*` |");
  }

  @Test
  void listsManagedPolicyArnsOfARole() {
    assertThat(devSection()).contains("Managed policies (not expanded offline): "
        + "`arn:${AWS::Partition}:iam::aws:policy/CloudWatchLogsReadOnlyAccess`.");
  }

  @Test
  void showsAConditionBriefly() {
    assertThat(devSection()).contains("`StringEquals aws:RequestedRegion=eu-west-1`");
  }

  @Test
  void showsASecurityGroupOpenToTheInternetOnPort80() {
    assertThat(devSection())
        .contains("| `dev/Cluster` | `AlbSecurityGroup580F65A6` | tcp | ⚠️ 80 | `0.0.0.0/0` |");
  }

  @Test
  void leavesOutIngressFromInsideTheVpc() {
    List<JsonNode> open = new ArrayList<>();
    dev().path("internetExposure").path("openIngress").forEach(rule -> {
      if (rule.path("stack").asText().equals("dev/Cluster")) {
        open.add(rule);
      }
    });
    assertThat(open).hasSize(1);
    assertThat(open.get(0).path("ports").asText()).isEqualTo("80");
  }

  @Test
  void listsAnInternetFacingLoadBalancerWithItsListeners() {
    assertThat(devSection()).contains("| `dev/Cluster` | `Alb16C2F182` | application | ⚠️ HTTP 80 |");
  }

  @Test
  void showsTheAgentConfigSettingsOfTheDeployedAsset() {
    assertThat(devSection())
        .contains("From `ecs.config` in asset `AgentConfigFile/Asset1` of `dev/Cluster`:")
        .contains("| `ECS_AWSVPC_BLOCK_IMDS` | `true` |");
  }

  @Test
  void showsTheEcsClusterLineOfTheUserData() {
    assertThat(devSection()).contains("`echo ECS_CLUSTER=${ClusterEB0386A7} >> /etc/ecs/ecs.config`");
  }

  @Test
  void showsEachServicesDeploymentSettings() {
    assertThat(devSection()).contains("| `WebServiceDF29B54C` | `dev/Cluster` | 4 | 150 | 50 | off | 1 min |  |  | "
        + "web:80 -> AlbHttpWebGroupFB8A8200 |");
  }

  @Test
  void computesWorstCaseDeployAndDrainFromTheTargetGroupAndStopTimeout() {
    // 4 tasks at 150 % / 50 %: one wave of 4; healthy 60 s grace + 10 s × 3; stop 30 s delay + 20 s StopTimeout.
    JsonNode timing = dev().path("services").get(0).path("timing");
    assertThat(timing.path("waves").asInt()).isEqualTo(1);
    assertThat(timing.path("deploySeconds").asInt()).isEqualTo(90 + 50);
    assertThat(timing.path("drainSeconds").asInt()).isEqualTo(50);
  }

  @Test
  void saysSoWhenAnEnvironmentHasNoService() {
    String shared = markdown.substring(markdown.indexOf("## Environment `Shared`"));
    assertThat(shared).contains("No ECS service in this environment.");
  }

  @Test
  void writesJsonFieldsInAFixedOrderWithoutComparisonFields() {
    List<String> fields = new ArrayList<>();
    json.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("assembly", "environments");
    List<String> environmentFields = new ArrayList<>();
    dev().fieldNames().forEachRemaining(environmentFields::add);
    assertThat(environmentFields).containsExactly("name", "stacks", "resourcesByType", "iamRoles",
        "internetExposure", "containerRisks", "ecsConfig", "services");
  }

  @Test
  void givesTheSameOutputOnEveryRun() throws Exception {
    AssemblyReview again = AssemblyReview.read(cdkOut);
    assertThat(again.toMarkdown()).isEqualTo(markdown);
    assertThat(new ObjectMapper().readTree(again.toJson())).isEqualTo(json);
  }

  @Test
  void namesNoAbsolutePath() {
    String root = cdkOut.toAbsolutePath().getParent().toString();
    assertThat(markdown).doesNotContain(root);
    assertThat(json.toString()).doesNotContain(root);
  }
}

package dev.deepdive.ecs.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionProblems;
import dev.deepdive.ecs.stacks.EnvironmentStage;
import dev.deepdive.ecs.stacks.Ids;
import dev.deepdive.ecs.testing.SynthesizedEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * Every field and agent setting that implies a grant, from the file to the statement in the synthesized template,
 * through the security gate: one small task definition per service (one environment holds them all) and one agent
 * setting per environment where settings interact. Intrinsics are written as {@code ${AWS::Region}},
 * {@code ${LogicalId.Arn}} and {@code ${ImportValue}}.
 */
class DerivedGrantsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One row: a service whose task definition has one container with {@code container} fields, and the statement
   * (by Sid) its execution role must hold, exactly.
   */
  record Row(String service, String container, String statement) {
    @Override
    public String toString() {
      return service;
    }
  }

  static final List<Row> EXECUTION_ROLE = List.of(
      new Row("ecr-environment", "\"image\": \"ecr://app:1.4.2\"", """
          {"Sid": "EcrImagePull", "Effect": "Allow", "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
           "Resource": "${ImportValue}"}"""),
      new Row("ecr-environment", "\"image\": \"ecr://app:1.4.2\"", """
          {"Sid": "EcrAuthorizationToken", "Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"}"""),
      new Row("ecr-other-account", "\"image\": \"222222222222.dkr.ecr.us-west-2.amazonaws.com/team/app:1.0\"", """
          {"Sid": "EcrImagePull", "Effect": "Allow", "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
           "Resource": "arn:${AWS::Partition}:ecr:us-west-2:222222222222:repository/team/app"}"""),
      new Row("registry-credentials", "\"image\": \"registry.example.com/team/app:2\", \"repositoryCredentials\":"
          + " {\"credentialsParameter\": \"arn:aws:secretsmanager:us-east-1:111111111111:secret:registry/login-AbCdEf\"}",
          """
          {"Sid": "SecretsManagerRead", "Effect": "Allow", "Action": "secretsmanager:GetSecretValue",
           "Resource": "arn:aws:secretsmanager:us-east-1:111111111111:secret:registry/login-AbCdEf"}"""),
      new Row("registry-credentials-name", "\"image\": \"registry.example.com/team/app:2\", \"repositoryCredentials\":"
          + " {\"credentialsParameter\": \"registry/login\"}", """
          {"Sid": "SecretsManagerRead", "Effect": "Allow", "Action": "secretsmanager:GetSecretValue",
           "Resource": "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:registry/login-??????"}"""),
      new Row("secret-ssm-name", secret("/web/db-url"), """
          {"Sid": "SsmParameterRead", "Effect": "Allow", "Action": "ssm:GetParameters",
           "Resource": "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/web/db-url"}"""),
      new Row("secret-ssm-name", secret("/web/db-url"), """
          {"Sid": "SsmParameterKmsDecrypt", "Effect": "Allow", "Action": "kms:Decrypt",
           "Resource": "arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/*",
           "Condition": {"StringEquals": {"kms:ViaService": "ssm.${AWS::Region}.${AWS::URLSuffix}",
             "kms:EncryptionContext:PARAMETER_ARN": "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/web/db-url"}}}"""),
      new Row("secret-ssm-arn", secret("arn:aws:ssm:us-east-1:111111111111:parameter/web/api-key"), """
          {"Sid": "SsmParameterRead", "Effect": "Allow", "Action": "ssm:GetParameters",
           "Resource": "arn:aws:ssm:us-east-1:111111111111:parameter/web/api-key"}"""),
      new Row("secret-sm-json-key", secret("arn:aws:secretsmanager:us-east-1:111111111111:secret:web/db-AbCdEf:password::"),
          """
          {"Sid": "SecretsManagerRead", "Effect": "Allow", "Action": "secretsmanager:GetSecretValue",
           "Resource": "arn:aws:secretsmanager:us-east-1:111111111111:secret:web/db-AbCdEf"}"""),
      new Row("secret-sm-json-key", secret("arn:aws:secretsmanager:us-east-1:111111111111:secret:web/db-AbCdEf:password::"),
          """
          {"Sid": "SecretsManagerKmsDecrypt", "Effect": "Allow", "Action": "kms:Decrypt",
           "Resource": "arn:aws:kms:us-east-1:111111111111:key/*",
           "Condition": {"StringEquals": {"kms:ViaService": "secretsmanager.us-east-1.${AWS::URLSuffix}",
             "kms:EncryptionContext:SecretARN": "arn:aws:secretsmanager:us-east-1:111111111111:secret:web/db-AbCdEf"}}}"""),
      new Row("secret-sm-version-stage",
          secret("arn:aws:secretsmanager:us-east-1:111111111111:secret:web/db-AbCdEf::AWSPREVIOUS:"), """
          {"Sid": "SecretsManagerRead", "Effect": "Allow", "Action": "secretsmanager:GetSecretValue",
           "Resource": "arn:aws:secretsmanager:us-east-1:111111111111:secret:web/db-AbCdEf"}"""),
      new Row("secret-sm-version-id", secret("arn:aws:secretsmanager:us-east-1:111111111111:secret:web/db-AbCdEf:::"
          + "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"), """
          {"Sid": "SecretsManagerRead", "Effect": "Allow", "Action": "secretsmanager:GetSecretValue",
           "Resource": "arn:aws:secretsmanager:us-east-1:111111111111:secret:web/db-AbCdEf"}"""),
      new Row("secret-sm-partial", secret("arn:aws:secretsmanager:us-east-1:111111111111:secret:web/db"), """
          {"Sid": "SecretsManagerRead", "Effect": "Allow", "Action": "secretsmanager:GetSecretValue",
           "Resource": "arn:aws:secretsmanager:us-east-1:111111111111:secret:web/db-??????"}"""),
      new Row("secret-sm-partial", secret("arn:aws:secretsmanager:us-east-1:111111111111:secret:web/db"), """
          {"Sid": "SecretsManagerKmsDecrypt", "Effect": "Allow", "Action": "kms:Decrypt",
           "Resource": "arn:aws:kms:us-east-1:111111111111:key/*",
           "Condition": {"StringEquals": {"kms:ViaService": "secretsmanager.us-east-1.${AWS::URLSuffix}"},
             "StringLike": {"kms:EncryptionContext:SecretARN": "arn:aws:secretsmanager:us-east-1:111111111111:secret:web/db-??????"}}}"""),
      new Row("secret-ssm-to-secrets-manager", secret("/aws/reference/secretsmanager/web/db"), """
          {"Sid": "SecretsManagerRead", "Effect": "Allow", "Action": "secretsmanager:GetSecretValue",
           "Resource": "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:web/db-??????"}"""),
      new Row("environment-file", "\"image\": \"nginx\", \"environmentFiles\": [{\"type\": \"s3\", \"value\":"
          + " \"arn:aws:s3:::config-bucket/web/prod.env\"}]", """
          {"Sid": "EnvironmentFileRead", "Effect": "Allow", "Action": "s3:GetObject",
           "Resource": "arn:aws:s3:::config-bucket/web/prod.env"}"""),
      new Row("environment-file", "\"image\": \"nginx\", \"environmentFiles\": [{\"type\": \"s3\", \"value\":"
          + " \"arn:aws:s3:::config-bucket/web/prod.env\"}]", """
          {"Sid": "EnvironmentFileBucketLocation", "Effect": "Allow", "Action": "s3:GetBucketLocation",
           "Resource": "arn:aws:s3:::config-bucket"}"""),
      new Row("environment-file", "\"image\": \"nginx\", \"environmentFiles\": [{\"type\": \"s3\", \"value\":"
          + " \"arn:aws:s3:::config-bucket/web/prod.env\"}]", """
          {"Sid": "S3ObjectKmsDecrypt", "Effect": "Allow", "Action": "kms:Decrypt",
           "Resource": "arn:aws:kms:*:*:key/*",
           "Condition": {"StringLike": {"kms:ViaService": "s3.*.${AWS::URLSuffix}"},
             "StringEquals": {"kms:EncryptionContext:aws:s3:arn": ["arn:aws:s3:::config-bucket/web/prod.env",
               "arn:aws:s3:::config-bucket"]}}}"""),
      new Row("awslogs-console-export", awslogs("\"awslogs-group\": \"/ecs/web\", \"awslogs-region\": \"us-east-1\","
          + " \"awslogs-stream-prefix\": \"ecs\", \"awslogs-create-group\": \"true\""), """
          {"Sid": "AwslogsWrite", "Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
           "Resource": "arn:${AWS::Partition}:logs:us-east-1:${AWS::AccountId}:log-group:/ecs/web:*"}"""),
      new Row("awslogs-console-export", awslogs("\"awslogs-group\": \"/ecs/web\", \"awslogs-region\": \"us-east-1\","
          + " \"awslogs-stream-prefix\": \"ecs\", \"awslogs-create-group\": \"true\""), """
          {"Sid": "AwslogsCreateGroup", "Effect": "Allow", "Action": "logs:CreateLogGroup",
           "Resource": ["arn:${AWS::Partition}:logs:us-east-1:${AWS::AccountId}:log-group:/ecs/web",
             "arn:${AWS::Partition}:logs:us-east-1:${AWS::AccountId}:log-group:/ecs/web:*"]}"""),
      new Row("awslogs-task-region", awslogs("\"awslogs-group\": \"/team/web\""), """
          {"Sid": "AwslogsWrite", "Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
           "Resource": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/team/web:*"}"""),
      new Row("awslogs-cross-region", awslogs("\"awslogs-group\": \"/central/web\", \"awslogs-region\":"
          + " \"eu-central-1\""), """
          {"Sid": "AwslogsWrite", "Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
           "Resource": "arn:${AWS::Partition}:logs:eu-central-1:${AWS::AccountId}:log-group:/central/web:*"}"""),
      new Row("splunk-secret-options", "\"image\": \"nginx\", \"logConfiguration\": {\"logDriver\": \"splunk\","
          + " \"options\": {\"splunk-url\": \"https://splunk.example.com:8088\"}, \"secretOptions\": [{\"name\":"
          + " \"splunk-token\", \"valueFrom\": \"arn:aws:secretsmanager:us-east-1:111111111111:secret:splunk-Zz9Yy8\"}]}",
          """
          {"Sid": "SecretsManagerRead", "Effect": "Allow", "Action": "secretsmanager:GetSecretValue",
           "Resource": "arn:aws:secretsmanager:us-east-1:111111111111:secret:splunk-Zz9Yy8"}"""),
      new Row("firelens-s3-config", "\"image\": \"public.ecr.aws/aws-observability/aws-for-fluent-bit:stable\","
          + " \"firelensConfiguration\": {\"type\": \"fluentbit\", \"options\": {\"config-file-type\": \"s3\","
          + " \"config-file-value\": \"arn:aws:s3:::log-config/fluent-bit/extra.conf\"}}", """
          {"Sid": "FireLensConfigRead", "Effect": "Allow", "Action": "s3:GetObject",
           "Resource": "arn:aws:s3:::log-config/fluent-bit/extra.conf"}"""),
      new Row("firelens-s3-config", "\"image\": \"public.ecr.aws/aws-observability/aws-for-fluent-bit:stable\","
          + " \"firelensConfiguration\": {\"type\": \"fluentbit\", \"options\": {\"config-file-type\": \"s3\","
          + " \"config-file-value\": \"arn:aws:s3:::log-config/fluent-bit/extra.conf\"}}", """
          {"Sid": "FireLensConfigBucketLocation", "Effect": "Allow", "Action": "s3:GetBucketLocation",
           "Resource": "arn:aws:s3:::log-config"}"""));

  /** Services whose references need no grant: their role holds only the write to the service's own log group. */
  static final List<String> NOTHING_TO_GRANT = List.of("ecr-public", "docker-hub");

  /** The agent settings of each environment, and the statements its instance role must hold. */
  static final Map<String, String> AGENT = Map.of(
      "grants", "\"ECS_CONTAINER_INSTANCE_TAGS\": \"{\\\"team\\\":\\\"platform\\\",\\\"tier\\\":\\\"web\\\"}\","
          + " \"ECS_ENABLE_SPOT_INSTANCE_DRAINING\": \"true\", \"ECS_LOG_DRIVER\": \"awslogs\", \"ECS_LOG_OPTS\":"
          + " \"{\\\"awslogs-group\\\":\\\"/ecs/agent\\\",\\\"awslogs-create-group\\\":\\\"true\\\"}\"",
      "propagate", "\"ECS_CONTAINER_INSTANCE_PROPAGATE_TAGS_FROM\": \"ec2_instance\"");

  static final List<Row> INSTANCE_ROLE = List.of(
      new Row("grants", "ECS_CONTAINER_INSTANCE_TAGS", """
          {"Sid": "ContainerInstanceTagsOnRegistration", "Effect": "Allow", "Action": "ecs:TagResource",
           "Resource": "arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:container-instance/*",
           "Condition": {"StringEquals": {"ecs:CreateAction": "RegisterContainerInstance"},
             "ForAllValues:StringEquals": {"aws:TagKeys": ["team", "tier"]}}}"""),
      new Row("grants", "ECS_ENABLE_SPOT_INSTANCE_DRAINING", """
          {"Sid": "SpotInstanceDraining", "Effect": "Allow", "Action": "ecs:UpdateContainerInstancesState",
           "Resource": "arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:container-instance/*",
           "Condition": {"ArnEquals": {"ecs:cluster": "${ClusterEB0386A7.Arn}"}}}"""),
      new Row("grants", "ECS_LOG_DRIVER, ECS_LOG_OPTS", """
          {"Sid": "AgentLogGroupCreate", "Effect": "Allow", "Action": "logs:CreateLogGroup",
           "Resource": ["arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/ecs/agent",
             "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/ecs/agent:*"]}"""),
      new Row("propagate", "ECS_CONTAINER_INSTANCE_PROPAGATE_TAGS_FROM", """
          {"Sid": "ContainerInstanceTagsOnRegistration", "Effect": "Allow", "Action": "ecs:TagResource",
           "Resource": "arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:container-instance/*",
           "Condition": {"StringEquals": {"ecs:CreateAction": "RegisterContainerInstance"}}}"""),
      new Row("propagate", "ECS_CONTAINER_INSTANCE_PROPAGATE_TAGS_FROM", """
          {"Sid": "ContainerInstanceEc2Tags", "Effect": "Allow", "Action": "ec2:DescribeTags", "Resource": "*"}"""));

  @TempDir static Path root;
  private static List<EnvironmentStage> stages;

  private static String secret(String valueFrom) {
    return "\"image\": \"nginx\", \"secrets\": [{\"name\": \"VALUE\", \"valueFrom\": \"" + valueFrom + "\"}]";
  }

  private static String awslogs(String options) {
    return "\"image\": \"nginx\", \"logConfiguration\": {\"logDriver\": \"awslogs\", \"options\": {" + options + "}}";
  }

  @BeforeAll
  static void synthesizeEveryRowThroughTheGate() {
    Map<String, String> containers = new LinkedHashMap<>();
    EXECUTION_ROLE.forEach(row -> containers.put(row.service(), row.container()));
    containers.put("ecr-public", "\"image\": \"public.ecr.aws/nginx/nginx:stable\"");
    containers.put("docker-hub", "\"image\": \"nginx:1.27\"");
    containers.put("no-aws-at-all", "\"image\": \"nginx:1.27\", \"logConfiguration\": {\"logDriver\": \"json-file\"}");
    Map<String, String> taskDefinitions = new LinkedHashMap<>();
    List<String> services = new ArrayList<>();
    containers.forEach((service, container) -> {
      taskDefinitions.put(service + ".json", "{\"family\": \"" + service + "\", \"containerDefinitions\":"
          + " [{\"name\": \"app\", \"memory\": 128, " + container + "}]}");
      services.add("{\"name\": \"" + service + "\", \"taskDefinition\": \"" + service + ".json\", \"desiredCount\": 0}");
    });
    SynthesizedEnvironment.write(root, "grants", environment("grants", "10.40.0.0/16",
        ", \"ecrRepositories\": {\"app\": {}}, \"services\": [" + String.join(", ", services) + "]"), taskDefinitions);
    Path environments = SynthesizedEnvironment.write(root, "propagate", environment("propagate", "10.41.0.0/16", ""),
        Map.of());
    App app = App.Builder.create().outdir(root.resolve("cdk.out").toString())
        .context(Map.of(EcsApp.ENVIRONMENTS_DIR_CONTEXT, environments.toString())).build();
    stages = EcsApp.build(app);
  }

  private static String environment(String name, String cidr, String more) {
    return "{\"name\": \"" + name + "\", \"clusterName\": \"deep-dive-" + name + "\", \"network\": {\"cidr\": \""
        + cidr + "\"}, \"capacity\": {\"instanceTypes\": [\"t3.medium\"], \"minSize\": 0,"
        + " \"desiredSize\": 0, \"maxSize\": 1}, \"agent\": {" + AGENT.get(name) + "}" + more + "}";
  }

  static Stream<Row> executionRoleRows() {
    return EXECUTION_ROLE.stream();
  }

  static Stream<Row> instanceRoleRows() {
    return INSTANCE_ROLE.stream();
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("executionRoleRows")
  void theExecutionRoleHoldsExactlyTheStatementItsTaskDefinitionNeeds(Row row) throws IOException {
    JsonNode expected = JSON.readTree(row.statement());
    assertThat(statement(executionPolicy(row.service()), expected.get("Sid").textValue())).isEqualTo(expected);
  }

  @Test
  void anImageOfTheEnvironmentIsPulledFromItsRepositoryThroughTheLoadBalancerStacksExport() {
    JsonNode pull = JSON.valueToTree(Template.fromStack(servicesStack("ecr-environment")).toJSON());
    assertThat(pull.toString()).containsPattern("\"Fn::ImportValue\":\"grants-Edge:ExportsOutputFnGetAttRepositoryApp"
        + "[A-Za-z0-9]+Arn[A-Za-z0-9]+\"");
  }

  @Test
  void referencesThatNeedNoAwsCredentialsGetNoStatementOfTheirOwn() {
    for (String service : NOTHING_TO_GRANT) {
      assertThat(executionPolicy(service).path("Statement")).as(service).singleElement().satisfies(s -> {
        assertThat(s.has("Sid")).isFalse();
        assertThat(s.path("Resource").textValue()).startsWith("${" + Ids.pascalCase(service) + "Logs");
      });
    }
  }

  @Test
  void aTaskThatNeedsNoAwsCredentialsGetsAnExecutionRoleWithoutPolicy() {
    assertThat(Template.fromStack(servicesStack("no-aws-at-all")).findResources("AWS::IAM::Policy").keySet())
        .noneMatch(id -> id.startsWith("NoAwsAtAll"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("instanceRoleRows")
  void theInstanceRoleHoldsExactlyTheStatementItsAgentSettingsNeed(Row row) throws IOException {
    JsonNode expected = JSON.readTree(row.statement());
    Stack cluster = stage(row.service()).clusterStack();
    JsonNode policy = policy(cluster, "InstanceRoleDefaultPolicy");
    assertThat(statement(policy, expected.get("Sid").textValue())).isEqualTo(expected);
  }

  @Test
  void everyStackPassesTheSecurityGate() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertThat(stages.stream().mapToInt(stage -> NagGate.check(stage.synth(), out)).max().orElseThrow())
        .as(err.toString(StandardCharsets.UTF_8)).isZero();
    for (EnvironmentStage stage : stages) {
      for (Stack stack : stacks(stage)) {
        assertThat(Annotations.fromStack(stack).findWarning("*",
            Match.stringLikeRegexp("(AwsSolutions|NIST\\.800\\.53\\.R5|CdkNagValidationFailure)-?.*")))
            .as(stack.getStackName()).extracting(m -> String.valueOf(m.getEntry().getData())).isEmpty();
      }
    }
  }

  /** Wildcards are suppressed one finding at a time, each with the field that asked for it. */
  @Test
  void eachWildcardIsSuppressedWithTheFieldThatAskedForIt() {
    String metadata = Template.fromStack(servicesStack("awslogs-console-export")).toJSON().toString();
    assertThat(metadata).contains("Resource::arn:<AWS::Partition>:logs:us-east-1:<AWS::AccountId>:log-group:/ecs/web:*")
        .contains("containerDefinitions[0].logConfiguration.options[\"awslogs-group\"]");
  }

  @Test
  void aReferenceThatCanNeverWorkStopsTheAppWithOneLine(@TempDir Path bad) {
    Path environments = SynthesizedEnvironment.write(bad, "propagate", environment("propagate", "10.41.0.0/16",
        ", \"services\": [{\"name\": \"web\", \"taskDefinition\": \"web.json\", \"desiredCount\": 1}]"),
        Map.of("web.json", "{\"family\": \"web\", \"containerDefinitions\": [{\"name\": \"app\", \"image\":"
            + " \"nginx\", \"memory\": 128, \"environmentFiles\": [{\"type\": \"s3\", \"value\":"
            + " \"s3://config-bucket/web.env\"}]}]}"));
    App app = App.Builder.create().outdir(bad.resolve("cdk.out").toString())
        .context(Map.of(EcsApp.ENVIRONMENTS_DIR_CONTEXT, environments.toString())).build();
    assertThatThrownBy(() -> EcsApp.build(app)).isInstanceOfSatisfying(TaskDefinitionProblems.class, e ->
        assertThat(e.problems()).containsExactly(bad.resolve("task-definitions/web.json") + ": containerDefinitions[0]"
            + ".environmentFiles[0].value: expected an S3 object ARN, arn:aws:s3:::<bucket>/<key>, got"
            + " \"s3://config-bucket/web.env\""));
  }

  private static EnvironmentStage stage(String environment) {
    return stages.stream().filter(s -> s.getStageName().equals(environment)).findFirst().orElseThrow();
  }

  private static Stack servicesStack(String service) {
    return stage("grants").serviceStacks().values().stream().filter(s -> s.services().containsKey(service))
        .findFirst().orElseThrow(() -> new AssertionError("no stack has service " + service));
  }

  private static JsonNode executionPolicy(String service) {
    return policy(servicesStack(service), Ids.pascalCase(service) + "ExecutionRoleDefaultPolicy");
  }

  /** The policy document of the one AWS::IAM::Policy whose logical ID starts with {@code prefix}, flattened. */
  private static JsonNode policy(Stack stack, String prefix) {
    Map<String, Map<String, Object>> policies = Template.fromStack(stack).findResources("AWS::IAM::Policy");
    List<String> ids = policies.keySet().stream().filter(id -> id.startsWith(prefix)).toList();
    assertThat(ids).as("policies " + prefix + "* in " + stack.getStackName()).hasSize(1);
    return flatten(JSON.valueToTree(policies.get(ids.get(0)))).path("Properties").path("PolicyDocument");
  }

  private static JsonNode statement(JsonNode policy, String sid) {
    for (JsonNode s : policy.path("Statement")) {
      if (sid.equals(s.path("Sid").asText())) {
        return s;
      }
    }
    throw new AssertionError("no statement " + sid + " in " + policy);
  }

  private static List<Stack> stacks(EnvironmentStage stage) {
    return stage.getNode().getChildren().stream().filter(Stack.class::isInstance).map(Stack.class::cast).toList();
  }

  /** Fn::Join, Ref, Fn::GetAtt and Fn::ImportValue as one string each, so statements compare as written above. */
  private static JsonNode flatten(JsonNode node) {
    if (node.isObject() && node.size() == 1) {
      String key = node.fieldNames().next();
      JsonNode value = node.get(key);
      switch (key) {
        case "Ref":
          return TextNode.valueOf("${" + value.textValue() + "}");
        case "Fn::GetAtt":
          return TextNode.valueOf("${" + value.get(0).textValue() + "." + value.get(1).textValue() + "}");
        case "Fn::ImportValue":
          return TextNode.valueOf("${ImportValue}");
        case "Fn::Join": {
          List<String> parts = new ArrayList<>();
          value.get(1).forEach(part -> parts.add(flatten(part).textValue()));
          return TextNode.valueOf(String.join(value.get(0).textValue(), parts));
        }
        default:
          break;
      }
    }
    if (node.isObject()) {
      ObjectNode copy = JSON.createObjectNode();
      node.fields().forEachRemaining(e -> copy.set(e.getKey(), flatten(e.getValue())));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JSON.createArrayNode();
      node.forEach(e -> copy.add(flatten(e)));
      return copy;
    }
    return node;
  }
}

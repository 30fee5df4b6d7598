package dev.deepdive.ecs.constructs.grants;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The derivation as a pure function, on one container at a time: every form of reference the agent accepts, and the
 * resource IAM authorizes it against. Placeholders stand for the stack's pseudo parameters.
 */
class ExecutionRoleGrantsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FILE = "td.json";
  private static final ArnScope SCOPE = new ArnScope("${P}", "${R}", "${A}", "${S}", Optional.empty(),
      Map.of("app", "${RepoArn}"));
  private static final ArnScope PINNED = new ArnScope("${P}", "${R}", "${A}", "${S}", Optional.of("111111111111"),
      Map.of());

  private static ExecutionRoleGrants.Result derive(String container, ArnScope scope) {
    try {
      return ExecutionRoleGrants.derive(FILE, JSON.readTree("{\"family\": \"f\", \"containerDefinitions\": ["
          + container + "]}"), scope);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static ExecutionRoleGrants.Result derive(String container) {
    return derive(container, SCOPE);
  }

  private static Permission permission(ExecutionRoleGrants.Result result, String sid) {
    return result.permissions().stream().filter(p -> p.sid().equals(sid)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + sid + " in " + result.permissions()));
  }

  private static List<String> sids(ExecutionRoleGrants.Result result) {
    return result.permissions().stream().map(Permission::sid).toList();
  }

  @Test
  void aContainerWithNothingToResolveNeedsNothingButTheServicesLogGroup() {
    ExecutionRoleGrants.Result result = derive("{\"name\": \"a\", \"image\": \"nginx:1.27\"}");
    assertThat(result.permissions()).isEmpty();
    assertThat(result.usesDefaultLogConfiguration()).isTrue();
    assertThat(result.warnings()).isEmpty();
    assertThat(result.errors()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "111111111111.dkr.ecr.eu-west-1.amazonaws.com/team/app:1.0 | arn:${P}:ecr:eu-west-1:111111111111:repository/team/app",
      "111111111111.dkr.ecr.eu-west-1.amazonaws.com/app@sha256:0123abcd | arn:${P}:ecr:eu-west-1:111111111111:repository/app",
      "111111111111.dkr.ecr-fips.us-east-1.amazonaws.com/app | arn:${P}:ecr:us-east-1:111111111111:repository/app",
      "111111111111.dkr.ecr.cn-north-1.amazonaws.com.cn/app:2 | arn:${P}:ecr:cn-north-1:111111111111:repository/app",
      "111111111111.dkr-ecr.eu-west-1.on.aws/app:3 | arn:${P}:ecr:eu-west-1:111111111111:repository/app",
      "ecr://app:1.2.3 | ${RepoArn}",
  })
  void privateEcrImagesArePulledFromTheirRepositoryOnly(String image, String repositoryArn) {
    ExecutionRoleGrants.Result result = derive("{\"name\": \"a\", \"image\": \"" + image + "\"}");
    assertThat(sids(result)).containsExactly("EcrAuthorizationToken", "EcrImagePull");
    assertThat(permission(result, "EcrImagePull").resources()).containsExactly(repositoryArn);
    assertThat(permission(result, "EcrImagePull").actions())
        .containsExactly("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer");
    assertThat(permission(result, "EcrAuthorizationToken").resources()).containsExactly("*");
  }

  @ParameterizedTest
  @CsvSource({"public.ecr.aws/nginx/nginx:stable", "nginx", "ghcr.io/org/app:1", "registry.example.com:5000/app",
      "ecr://not-an-environment-repository"})
  void imagesOutsidePrivateEcrNeedNoGrant(String image) {
    assertThat(derive("{\"name\": \"a\", \"image\": \"" + image + "\"}").permissions()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // full ARN, with a JSON key, a version stage or a version ID after it: the secret's own ARN
      "arn:aws:secretsmanager:eu-west-1:111111111111:secret:db-AbCdEf | arn:aws:secretsmanager:eu-west-1:111111111111:secret:db-AbCdEf",
      "arn:aws:secretsmanager:eu-west-1:111111111111:secret:db-AbCdEf:password:: | arn:aws:secretsmanager:eu-west-1:111111111111:secret:db-AbCdEf",
      "arn:aws:secretsmanager:eu-west-1:111111111111:secret:db-AbCdEf::AWSPREVIOUS: | arn:aws:secretsmanager:eu-west-1:111111111111:secret:db-AbCdEf",
      "arn:aws:secretsmanager:eu-west-1:111111111111:secret:db-AbCdEf:::0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0 | arn:aws:secretsmanager:eu-west-1:111111111111:secret:db-AbCdEf",
      "arn:aws:secretsmanager:eu-west-1:111111111111:secret:team/app/db-x1Y2z3 | arn:aws:secretsmanager:eu-west-1:111111111111:secret:team/app/db-x1Y2z3",
      // partial ARN: Secrets Manager finds the secret, IAM sees its full ARN
      "arn:aws:secretsmanager:eu-west-1:111111111111:secret:db | arn:aws:secretsmanager:eu-west-1:111111111111:secret:db-??????",
      "arn:aws:secretsmanager:eu-west-1:111111111111:secret:prod/db:username:: | arn:aws:secretsmanager:eu-west-1:111111111111:secret:prod/db-??????",
  })
  void secretsManagerReferencesAreGrantedOnTheSecretsArn(String valueFrom, String secretArn) {
    ExecutionRoleGrants.Result result = derive("{\"name\": \"a\", \"image\": \"nginx\", \"secrets\": [{\"name\": \"S\","
        + " \"valueFrom\": \"" + valueFrom + "\"}]}");
    assertThat(sids(result)).containsExactly("SecretsManagerRead", "SecretsManagerKmsDecrypt");
    assertThat(permission(result, "SecretsManagerRead").resources()).containsExactly(secretArn);
    Permission kms = permission(result, "SecretsManagerKmsDecrypt");
    assertThat(kms.resources()).containsExactly("arn:aws:kms:eu-west-1:111111111111:key/*");
    String operator = secretArn.endsWith("??????") ? "StringLike" : "StringEquals";
    assertThat(kms.conditions().get(operator)).containsEntry("kms:EncryptionContext:SecretARN", List.of(secretArn));
    assertThat(kms.conditions().get("StringEquals"))
        .containsEntry("kms:ViaService", List.of("secretsmanager.eu-west-1.${S}"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "/app/db-url | arn:${P}:ssm:${R}:${A}:parameter/app/db-url",
      "db-url | arn:${P}:ssm:${R}:${A}:parameter/db-url",
      "/app/db-url:3 | arn:${P}:ssm:${R}:${A}:parameter/app/db-url",
      "/app/db-url:live | arn:${P}:ssm:${R}:${A}:parameter/app/db-url",
      "arn:aws:ssm:us-west-2:111111111111:parameter/app/key | arn:aws:ssm:us-west-2:111111111111:parameter/app/key",
      "/aws/service/global-infrastructure/version | arn:${P}:ssm:${R}::parameter/aws/service/global-infrastructure/version",
  })
  void parametersAreGrantedOnTheirArn(String valueFrom, String parameterArn) {
    ExecutionRoleGrants.Result result = derive("{\"name\": \"a\", \"image\": \"nginx\", \"secrets\": [{\"name\": \"S\","
        + " \"valueFrom\": \"" + valueFrom + "\"}]}");
    assertThat(sids(result)).containsExactly("SsmParameterRead", "SsmParameterKmsDecrypt");
    assertThat(permission(result, "SsmParameterRead").resources()).containsExactly(parameterArn);
    assertThat(permission(result, "SsmParameterKmsDecrypt").conditions().get("StringEquals"))
        .containsEntry("kms:EncryptionContext:PARAMETER_ARN", List.of(parameterArn));
  }

  @Test
  void aParameterReferencingASecretNeedsTheSecretToo() {
    ExecutionRoleGrants.Result result = derive("{\"name\": \"a\", \"image\": \"nginx\", \"secrets\": [{\"name\": \"S\","
        + " \"valueFrom\": \"/aws/reference/secretsmanager/prod/db\"}]}");
    assertThat(permission(result, "SsmParameterRead").resources())
        .containsExactly("arn:${P}:ssm:${R}:${A}:parameter/aws/reference/secretsmanager/prod/db");
    assertThat(permission(result, "SecretsManagerRead").resources())
        .containsExactly("arn:${P}:secretsmanager:${R}:${A}:secret:prod/db-??????");
  }

  @Test
  void registryCredentialsByNameAreASecretOfTheTasksOwnAccountAndRegion() {
    ExecutionRoleGrants.Result result = derive("{\"name\": \"a\", \"image\": \"registry.example.com/app\","
        + " \"repositoryCredentials\": {\"credentialsParameter\": \"registry/login\"}}");
    assertThat(permission(result, "SecretsManagerRead").resources())
        .containsExactly("arn:${P}:secretsmanager:${R}:${A}:secret:registry/login-??????");
    assertThat(permission(result, "SecretsManagerRead").sources())
        .containsExactly(FILE + ": containerDefinitions[0].repositoryCredentials.credentialsParameter");
  }

  @Test
  void registryCredentialsMustBeASecretNotAParameter() {
    ExecutionRoleGrants.Result result = derive("{\"name\": \"a\", \"image\": \"registry.example.com/app\","
        + " \"repositoryCredentials\": {\"credentialsParameter\": \"arn:aws:ssm:eu-west-1:111111111111:parameter/x\"}}");
    assertThat(result.errors()).containsExactly(FILE + ": containerDefinitions[0].repositoryCredentials"
        + ".credentialsParameter: expected a Secrets Manager secret ARN, arn:<partition>:secretsmanager:<region>:"
        + "<account>:secret:<name>, got \"arn:aws:ssm:eu-west-1:111111111111:parameter/x\"");
  }

  @Test
  void logSecretOptionsOfAnyDriverAreResolvedLikeSecrets() {
    ExecutionRoleGrants.Result result = derive("{\"name\": \"a\", \"image\": \"nginx\", \"logConfiguration\":"
        + " {\"logDriver\": \"splunk\", \"options\": {\"splunk-url\": \"https://splunk.example.com:8088\"},"
        + " \"secretOptions\": [{\"name\": \"splunk-token\", \"valueFrom\": \"/logging/splunk-token\"}]}}");
    assertThat(sids(result)).containsExactly("SsmParameterRead", "SsmParameterKmsDecrypt");
    assertThat(permission(result, "SsmParameterRead").sources())
        .containsExactly(FILE + ": containerDefinitions[0].logConfiguration.secretOptions[0].valueFrom");
    assertThat(result.usesDefaultLogConfiguration()).isFalse();
  }

  @Test
  void awslogsWritesToTheGroupItNamesInTheRegionItNames() {
    ExecutionRoleGrants.Result result = derive("{\"name\": \"a\", \"image\": \"nginx\", \"logConfiguration\":"
        + " {\"logDriver\": \"awslogs\", \"options\": {\"awslogs-group\": \"/ecs/web\", \"awslogs-region\":"
        + " \"us-east-1\", \"awslogs-stream-prefix\": \"ecs\"}}}");
    assertThat(sids(result)).containsExactly("AwslogsWrite");
    assertThat(permission(result, "AwslogsWrite").resources())
        .containsExactly("arn:${P}:logs:us-east-1:${A}:log-group:/ecs/web:*");
    assertThat(permission(result, "AwslogsWrite").actions()).containsExactly("logs:CreateLogStream", "logs:PutLogEvents");
  }

  @ParameterizedTest
  @CsvSource({"true, true", "True, true", "1, true", "false, false", "no, false"})
  void awslogsCreatesItsGroupOnlyWhenAskedTo(String createGroup, boolean created) {
    ExecutionRoleGrants.Result result = derive("{\"name\": \"a\", \"image\": \"nginx\", \"logConfiguration\":"
        + " {\"logDriver\": \"awslogs\", \"options\": {\"awslogs-group\": \"/ecs/web\", \"awslogs-create-group\": \""
        + createGroup + "\"}}}");
    if (created) {
      assertThat(permission(result, "AwslogsCreateGroup").resources()).containsExactly(
          "arn:${P}:logs:${R}:${A}:log-group:/ecs/web", "arn:${P}:logs:${R}:${A}:log-group:/ecs/web:*");
    } else {
      assertThat(sids(result)).containsExactly("AwslogsWrite");
    }
  }

  @Test
  void awslogsWithoutAGroupCanNeverStart() {
    assertThat(derive("{\"name\": \"a\", \"image\": \"nginx\", \"logConfiguration\": {\"logDriver\": \"awslogs\","
        + " \"options\": {\"awslogs-region\": \"eu-west-1\"}}}").errors()).containsExactly(FILE
        + ": containerDefinitions[0].logConfiguration.options[\"awslogs-group\"]: required by the awslogs log driver,"
        + " which refuses to start the container without it; name a log group, or remove logConfiguration to log to"
        + " the service's own group");
  }

  @Test
  void awslogsWithARegionThatIsNoneIsAnError() {
    assertThat(derive("{\"name\": \"a\", \"image\": \"nginx\", \"logConfiguration\": {\"logDriver\": \"awslogs\","
        + " \"options\": {\"awslogs-group\": \"g\", \"awslogs-region\": \"Frankfurt\"}}}").errors())
        .containsExactly(FILE + ": containerDefinitions[0].logConfiguration.options[\"awslogs-region\"]: expected a"
            + " region such as eu-west-1, got \"Frankfurt\"");
  }

  @Test
  void environmentFilesAreReadFromTheirObjectAfterAskingTheBucketsRegion() {
    ExecutionRoleGrants.Result result = derive("{\"name\": \"a\", \"image\": \"nginx\", \"environmentFiles\":"
        + " [{\"type\": \"s3\", \"value\": \"arn:aws:s3:::config-bucket/web/prod.env\"}]}");
    assertThat(sids(result)).containsExactly("EnvironmentFileRead", "EnvironmentFileBucketLocation",
        "S3ObjectKmsDecrypt");
    assertThat(permission(result, "EnvironmentFileRead").resources())
        .containsExactly("arn:aws:s3:::config-bucket/web/prod.env");
    assertThat(permission(result, "EnvironmentFileBucketLocation").resources())
        .containsExactly("arn:aws:s3:::config-bucket");
    assertThat(permission(result, "S3ObjectKmsDecrypt").conditions()).isEqualTo(Map.of(
        "StringLike", Map.of("kms:ViaService", List.of("s3.*.${S}")),
        "StringEquals", Map.of("kms:EncryptionContext:aws:s3:arn",
            List.of("arn:aws:s3:::config-bucket/web/prod.env", "arn:aws:s3:::config-bucket"))));
  }

  @Test
  void anEnvironmentFileGivenAsAnS3UrlIsAnError() {
    assertThat(derive("{\"name\": \"a\", \"image\": \"nginx\", \"environmentFiles\": [{\"type\": \"s3\", \"value\":"
        + " \"s3://config-bucket/web.env\"}]}").errors()).containsExactly(FILE + ": containerDefinitions[0]"
        + ".environmentFiles[0].value: expected an S3 object ARN, arn:aws:s3:::<bucket>/<key>, got"
        + " \"s3://config-bucket/web.env\"");
  }

  @Test
  void aFireLensConfigFileInS3IsRead() {
    ExecutionRoleGrants.Result result = derive("{\"name\": \"log_router\", \"image\":"
        + " \"public.ecr.aws/aws-observability/aws-for-fluent-bit:stable\", \"firelensConfiguration\": {\"type\":"
        + " \"fluentbit\", \"options\": {\"config-file-type\": \"s3\", \"config-file-value\":"
        + " \"arn:aws:s3:::log-config/fluent-bit.conf\"}}}");
    assertThat(sids(result)).containsExactly("FireLensConfigRead", "FireLensConfigBucketLocation",
        "S3ObjectKmsDecrypt");
    assertThat(permission(result, "FireLensConfigRead").resources())
        .containsExactly("arn:aws:s3:::log-config/fluent-bit.conf");
    assertThat(permission(result, "FireLensConfigBucketLocation").resources())
        .containsExactly("arn:aws:s3:::log-config");
  }

  @Test
  void aFireLensConfigFileInTheImageNeedsNothing() {
    assertThat(derive("{\"name\": \"r\", \"image\": \"fluent/fluent-bit\", \"firelensConfiguration\": {\"type\":"
        + " \"fluentbit\", \"options\": {\"config-file-type\": \"file\", \"config-file-value\": \"/c.conf\"}}}")
        .permissions()).isEmpty();
  }

  @Test
  void referencesToAnotherAccountAreGrantedAndWarnedAboutWhenTheAccountIsPinned() {
    String container = "{\"name\": \"a\", \"image\": \"222222222222.dkr.ecr.eu-west-1.amazonaws.com/app:1\","
        + " \"secrets\": [{\"name\": \"S\", \"valueFrom\":"
        + " \"arn:aws:secretsmanager:eu-west-1:222222222222:secret:shared-AbCdEf\"}]}";
    ExecutionRoleGrants.Result pinned = derive(container, PINNED);
    assertThat(sids(pinned)).contains("EcrImagePull", "SecretsManagerRead");
    assertThat(pinned.warnings()).containsExactly(
        FILE + ": containerDefinitions[0].image: the repository is in account 222222222222, not this environment's"
            + " 111111111111; the execution role may pull from it, and the repository policy in that account must"
            + " allow this service's execution role too"
            + " (https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policy-examples.html)",
        FILE + ": containerDefinitions[0].secrets[0].valueFrom: the secret is in account 222222222222, not this"
            + " environment's 111111111111; its resource policy, and the key policy of the customer managed KMS key"
            + " that encrypts it, must allow this service's execution role too"
            + " (https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_examples_cross.html)");
    assertThat(derive(container, SCOPE).warnings()).isEmpty();
  }

  @Test
  void fieldsTheAgentResolvesButThisToolDoesNotGrantAreWarnedAbout() throws JsonProcessingException {
    ExecutionRoleGrants.Result result = ExecutionRoleGrants.derive(FILE, JSON.readTree("{\"family\": \"f\","
        + " \"containerDefinitions\": [{\"name\": \"a\", \"image\": \"nginx\", \"credentialSpecs\":"
        + " [\"credentialspecdomainless:arn:aws:s3:::b/spec.json\"]}]}"), SCOPE);
    assertThat(result.warnings()).containsExactly(FILE + ": containerDefinitions[0].credentialSpecs: the ECS agent"
        + " reads the gMSA credential specs with the execution role, and this tool does not grant that; the task"
        + " will not start");
  }

  @Test
  void eachResourceIsGrantedOnceWithEveryFieldThatNamesIt() {
    ExecutionRoleGrants.Result result = derive("{\"name\": \"a\", \"image\": \"nginx\", \"secrets\": ["
        + "{\"name\": \"U\", \"valueFrom\": \"arn:aws:secretsmanager:eu-west-1:111111111111:secret:db-AbCdEf:user::\"},"
        + "{\"name\": \"P\", \"valueFrom\": \"arn:aws:secretsmanager:eu-west-1:111111111111:secret:db-AbCdEf:pass::\"}"
        + "]}, {\"name\": \"b\", \"image\": \"nginx\", \"secrets\": [{\"name\": \"P\", \"valueFrom\":"
        + " \"arn:aws:secretsmanager:eu-west-1:111111111111:secret:db-AbCdEf:pass::\"}]}");
    Permission read = permission(result, "SecretsManagerRead");
    assertThat(read.resources()).containsExactly("arn:aws:secretsmanager:eu-west-1:111111111111:secret:db-AbCdEf");
    assertThat(read.sources()).containsExactly(FILE + ": containerDefinitions[0].secrets[0].valueFrom",
        FILE + ": containerDefinitions[0].secrets[1].valueFrom", FILE + ": containerDefinitions[1].secrets[0].valueFrom");
  }

  @Test
  void theSameFileGivesTheSameStatements() {
    String container = "{\"name\": \"a\", \"image\": \"111111111111.dkr.ecr.eu-west-1.amazonaws.com/app\","
        + " \"secrets\": [{\"name\": \"S\", \"valueFrom\": \"/a\"}, {\"name\": \"T\", \"valueFrom\": \"/b\"}]}";
    assertThat(derive(container)).isEqualTo(derive(container));
  }
}

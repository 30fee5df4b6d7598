package dev.deepdive.ecs.constructs.grants;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deepdive.ecs.constructs.grants.References.EcrRepository;
import dev.deepdive.ecs.constructs.grants.References.Invalid;
import dev.deepdive.ecs.constructs.grants.References.Parameter;
import dev.deepdive.ecs.constructs.grants.References.S3Object;
import dev.deepdive.ecs.constructs.grants.References.Secret;
import dev.deepdive.ecs.constructs.grants.References.SensitiveData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The task execution role's policy, derived from a task definition: what the ECS agent on a container instance
 * calls AWS for, with this role's credentials, while it starts the task's containers.
 *
 * <p>The agent uses the execution role for (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html):
 * <ul>
 *   <li>pulling {@code image}s from private ECR repositories (the environment's {@code ecr://} repositories and any
 *       ECR URI, of this account or another); ECR Public and other registries are pulled without AWS credentials;</li>
 *   <li>{@code repositoryCredentials}: the Secrets Manager secret with a private registry's login;</li>
 *   <li>{@code secrets} and the log driver's {@code secretOptions}: Secrets Manager secrets and SSM parameters;</li>
 *   <li>{@code environmentFiles} of type {@code s3};</li>
 *   <li>the {@code awslogs} log driver, which writes with the credentials the agent hands it;</li>
 *   <li>a FireLens config file in S3 ({@code firelensConfiguration.options["config-file-type"] = "s3"}).</li>
 * </ul>
 * Each becomes a statement on exactly the resources named. Secrets, parameters and S3 objects may be encrypted with
 * a customer managed KMS key the file does not name: {@code kms:Decrypt} is then granted on keys of the resource's
 * account (and region) only through that service ({@code kms:ViaService}) and only for the named resources (the
 * encryption context each service passes), so it adds nothing beyond reading those resources.
 *
 * <p>Not derived here: the log group the service's construct creates for containers without a
 * {@code logConfiguration} ({@link Result#usesDefaultLogConfiguration()} says whether any container needs it),
 * whether an {@code ecr://} name is one of the environment's repositories (the image resolver reports that), and
 * the output plugins of a FireLens log router, which write with the task role.
 *
 * <p>A pure function: the same file and scope give the same statements, in the same order.
 */
public final class ExecutionRoleGrants {
  private static final Pattern TRUE = Pattern.compile("1|t|T|TRUE|true|True");

  private ExecutionRoleGrants() {}

  /**
   * What the execution role needs for one task definition.
   *
   * @param permissions                the statements, in a fixed order; empty when the task needs none
   * @param warnings                   one line each ({@code <file>: <JSON path>: ...}) for what this role cannot
   *                                   grant alone: a resource in another account, whose own policy must allow the
   *                                   role, or a field the agent resolves that this tool does not grant
   * @param errors                     one line each for references that can never work (an environment file given
   *                                   as {@code s3://...}, {@code awslogs} without a group, ...)
   * @param usesDefaultLogConfiguration true when a container has no {@code logConfiguration}, so it logs with the
   *                                   configuration the service adds (its own log group)
   */
  public record Result(List<Permission> permissions, List<String> warnings, List<String> errors,
      boolean usesDefaultLogConfiguration) {
    public Result {
      permissions = List.copyOf(permissions);
      warnings = List.copyOf(warnings);
      errors = List.copyOf(errors);
    }
  }

  /**
   * Derives the execution role's statements.
   *
   * @param displayPath    how messages name the file, e.g. {@code app/task-definitions/web.json}
   * @param taskDefinition the file's JSON, register-task-definition input (camelCase API field names)
   * @param scope          partition, region and account for references that leave them out, and the
   *                       environment's repositories
   */
  public static Result derive(String displayPath, JsonNode taskDefinition, ArnScope scope) {
    Objects.requireNonNull(displayPath, "displayPath");
    Objects.requireNonNull(taskDefinition, "taskDefinition");
    Objects.requireNonNull(scope, "scope");
    return new Derivation(displayPath, scope).run(taskDefinition);
  }

  /** One derivation's state: resources by kind, each with the fields that named it. */
  private static final class Derivation {
    private final String file;
    private final ArnScope scope;
    private final Map<String, List<String>> repositories = new LinkedHashMap<>();
    private final Map<String, List<String>> secrets = new LinkedHashMap<>();
    private final Kms secretKeys = new Kms();
    private final Map<String, List<String>> parameters = new LinkedHashMap<>();
    private final Kms parameterKeys = new Kms();
    private final Map<String, List<String>> logGroupsWritten = new LinkedHashMap<>();
    private final Map<String, List<String>> logGroupsCreated = new LinkedHashMap<>();
    private final Map<String, List<String>> environmentFiles = new LinkedHashMap<>();
    private final Map<String, List<String>> environmentFileBuckets = new LinkedHashMap<>();
    private final Map<String, List<String>> fireLensConfigs = new LinkedHashMap<>();
    private final Map<String, List<String>> fireLensConfigBuckets = new LinkedHashMap<>();
    private final Kms objectKeys = new Kms();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private boolean usesDefaultLogConfiguration;

    Derivation(String file, ArnScope scope) {
      this.file = file;
      this.scope = scope;
    }

    Result run(JsonNode root) {
      JsonNode containers = root.path("containerDefinitions");
      for (int i = 0; i < containers.size(); i++) {
        container(containers.get(i), "containerDefinitions[" + i + "]");
      }
      JsonNode volumes = root.path("volumes");
      for (int i = 0; i < volumes.size(); i++) {
        JsonNode fsx = volumes.get(i).path("fsxWindowsFileServerVolumeConfiguration");
        if (fsx.path("authorizationConfig").has("credentialsParameter")) {
          notGranted("volumes[" + i + "].fsxWindowsFileServerVolumeConfiguration.authorizationConfig"
              + ".credentialsParameter", "the FSx for Windows File Server credentials");
        }
      }
      return new Result(permissions(), warnings, errors, usesDefaultLogConfiguration);
    }

    private void container(JsonNode c, String at) {
      image(c.path("image").asText(""), at + ".image");
      JsonNode credentials = c.path("repositoryCredentials").path("credentialsParameter");
      if (credentials.isTextual()) {
        registryCredentials(credentials.textValue(), at + ".repositoryCredentials.credentialsParameter");
      }
      sensitiveData(c.path("secrets"), at + ".secrets");
      JsonNode log = c.path("logConfiguration");
      if (log.isMissingNode() || log.isNull()) {
        usesDefaultLogConfiguration = true;
      } else {
        logConfiguration(log, at + ".logConfiguration");
      }
      JsonNode files = c.path("environmentFiles");
      for (int j = 0; j < files.size(); j++) {
        JsonNode f = files.get(j);
        if ("s3".equals(f.path("type").asText())) {
          s3Object(f.path("value").asText(""), at + ".environmentFiles[" + j + "].value", environmentFiles,
              environmentFileBuckets);
        }
      }
      fireLens(c.path("firelensConfiguration").path("options"), at + ".firelensConfiguration.options");
      if (c.has("credentialSpecs")) {
        notGranted(at + ".credentialSpecs", "the gMSA credential specs");
      }
    }

    /**
     * ECR images: the agent pulls them with the execution role's credentials
     * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html). An image in
     * another account needs that repository's policy to allow the role as well.
     */
    private void image(String image, String at) {
      Optional<String> arn;
      if (image.startsWith("ecr://")) {
        // ecr://<name>[:tag]: the environment's own repository; an unknown name is the image resolver's error.
        String name = image.substring("ecr://".length()).split(":", 2)[0];
        arn = Optional.ofNullable(scope.repositoryArns().get(name));
      } else {
        Optional<EcrRepository> repository = References.ecrRepository(image, scope.partition());
        repository.filter(r -> scope.isOtherAccount(r.account())).ifPresent(r -> warnings.add(file + ": " + at
            + ": the repository is in account " + r.account() + ", not this environment's "
            + scope.knownAccount().orElseThrow() + "; the execution role may pull from it, and the repository"
            + " policy in that account must allow this service's execution role too"
            + " (https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policy-examples.html)"));
        arn = repository.map(EcrRepository::arn);
      }
      arn.ifPresent(a -> add(repositories, a, at));
    }

    /**
     * Private registry authentication: the agent reads the registry's user name and password from this Secrets
     * Manager secret, by full ARN or, in the task's own region, by name.
     * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/private-auth.html
     */
    private void registryCredentials(String value, String at) {
      try {
        Secret secret = value.startsWith("arn:")
            ? References.secretArn(value).orElseThrow(() -> new Invalid("expected a Secrets Manager secret ARN,"
                + " arn:<partition>:secretsmanager:<region>:<account>:secret:<name>, got \"" + value + "\""))
            : References.secretName(value, scope);
        secret(secret, at);
      } catch (Invalid e) {
        errors.add(file + ": " + at + ": " + e.getMessage());
      }
    }

    /**
     * Container {@code secrets} and log {@code secretOptions}: the agent resolves each {@code valueFrom} with
     * {@code secretsmanager:GetSecretValue} or {@code ssm:GetParameters} before it creates the container.
     * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar.html
     */
    private void sensitiveData(JsonNode entries, String at) {
      for (int j = 0; j < entries.size(); j++) {
        String path = at + "[" + j + "].valueFrom";
        try {
          SensitiveData data = References.secretOrParameter(entries.get(j).path("valueFrom").asText(""), scope);
          if (data instanceof Secret secret) {
            secret(secret, path);
          } else if (data instanceof Parameter parameter) {
            parameter(parameter, path);
          }
        } catch (Invalid e) {
          errors.add(file + ": " + path + ": " + e.getMessage());
        }
      }
    }

    private void secret(Secret secret, String at) {
      add(secrets, secret.arn(), at);
      secretKeys.add(secret.partition(), secret.region(), secret.account(), "secretsmanager", secret.arn(), at);
      if (scope.isOtherAccount(secret.account())) {
        warnings.add(file + ": " + at + ": the secret is in account " + secret.account() + ", not this"
            + " environment's " + scope.knownAccount().orElseThrow() + "; its resource policy, and the key policy of"
            + " the customer managed KMS key that encrypts it, must allow this service's execution role too"
            + " (https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_examples_cross.html)");
      }
    }

    private void parameter(Parameter parameter, String at) {
      add(parameters, parameter.arn(), at);
      parameterKeys.add(parameter.partition(), parameter.region(), parameter.account(), "ssm", parameter.arn(), at);
      // Parameter Store reads a /aws/reference/secretsmanager/ parameter from Secrets Manager with the caller's
      // credentials. https://docs.aws.amazon.com/systems-manager/latest/userguide/integration-ps-secretsmanager.html
      parameter.referencedSecret().ifPresent(s -> secret(s, at));
      if (scope.isOtherAccount(parameter.account())) {
        warnings.add(file + ": " + at + ": the parameter is in account " + parameter.account() + ", not this"
            + " environment's " + scope.knownAccount().orElseThrow() + "; that account must share it (an"
            + " advanced-tier parameter, through AWS RAM) with this environment's account"
            + " (https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-shared-parameters.html)");
      }
    }

    /**
     * The log driver: {@code awslogs} writes with the credentials the agent hands it (the execution role), to the
     * group its options name, in the region they name; any driver's {@code secretOptions} are resolved like
     * {@code secrets}. https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html
     */
    private void logConfiguration(JsonNode log, String at) {
      sensitiveData(log.path("secretOptions"), at + ".secretOptions");
      if (!"awslogs".equals(log.path("logDriver").asText())) {
        return;
      }
      JsonNode options = log.path("options");
      String groupAt = at + ".options[\"awslogs-group\"]";
      if (!options.path("awslogs-group").isTextual()) {
        errors.add(file + ": " + groupAt + ": required by the awslogs log driver, which refuses to start the"
            + " container without it; name a log group, or remove logConfiguration to log to the service's own"
            + " group");
        return;
      }
      String group = options.get("awslogs-group").textValue();
      String region = options.path("awslogs-region").isTextual() ? options.get("awslogs-region").textValue()
          : scope.region();
      try {
        References.logGroupName(group);
      } catch (Invalid e) {
        errors.add(file + ": " + groupAt + ": " + e.getMessage());
        return;
      }
      try {
        if (options.path("awslogs-region").isTextual()) {
          References.region(region);
        }
      } catch (Invalid e) {
        errors.add(file + ": " + at + ".options[\"awslogs-region\"]: " + e.getMessage());
        return;
      }
      String arn = "arn:" + scope.partition() + ":logs:" + region + ":" + scope.account() + ":log-group:" + group;
      add(logGroupsWritten, arn + ":*", groupAt);
      if (TRUE.matcher(options.path("awslogs-create-group").asText("")).matches()) {
        // The driver creates the group when it is missing (Docker parses the option as a Go bool).
        // The group's ARN with and without ":*": CloudWatch Logs authorizes some calls on a group against the
        // form with ":*" (the resource type's documented form has none).
        add(logGroupsCreated, arn, at + ".options[\"awslogs-create-group\"]");
        add(logGroupsCreated, arn + ":*", at + ".options[\"awslogs-create-group\"]");
      }
    }

    /**
     * A FireLens log router's custom config file in S3: the agent downloads it with the execution role.
     * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/firelens-taskdef.html
     */
    private void fireLens(JsonNode options, String at) {
      if (!"s3".equals(options.path("config-file-type").asText())) {
        return;
      }
      s3Object(options.path("config-file-value").asText(""), at + "[\"config-file-value\"]", fireLensConfigs,
          fireLensConfigBuckets);
    }

    /**
     * An S3 object the agent downloads: {@code s3:GetObject} on it, and {@code s3:GetBucketLocation} on its bucket,
     * which the agent asks for the bucket's region first.
     * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/use-environment-file.html
     */
    private void s3Object(String value, String at, Map<String, List<String>> objects,
        Map<String, List<String>> buckets) {
      try {
        S3Object object = References.s3Object(value);
        add(objects, object.objectArn(), at);
        add(buckets, object.bucketArn(), at);
        objectKeys.addS3(object, at);
      } catch (Invalid e) {
        errors.add(file + ": " + at + ": " + e.getMessage());
      }
    }

    private void notGranted(String at, String what) {
      warnings.add(file + ": " + at + ": the ECS agent reads " + what + " with the execution role, and this tool"
          + " does not grant that; the task will not start");
    }

    private List<Permission> permissions() {
      List<Permission> out = new ArrayList<>();
      if (!repositories.isEmpty()) {
        out.add(new Permission("EcrAuthorizationToken", List.of("ecr:GetAuthorizationToken"), List.of("*"),
            Map.of(), sources(repositories),
            Optional.of("ecr:GetAuthorizationToken has no resource type, so IAM accepts it on * only; the image"
                + " pulls themselves are granted on the named repositories")));
        // What AWS's own pull-only policy (AmazonEC2ContainerRegistryPullOnly) grants for a pull: the manifest and
        // the layers; ecr:BatchCheckLayerAvailability is a push call.
        out.add(Permission.of("EcrImagePull", List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"),
            List.copyOf(repositories.keySet()), sources(repositories)));
      }
      if (!secrets.isEmpty()) {
        out.add(Permission.of("SecretsManagerRead", List.of("secretsmanager:GetSecretValue"),
            List.copyOf(secrets.keySet()), sources(secrets)));
        out.add(secretKeys.permission("SecretsManagerKmsDecrypt", "kms:EncryptionContext:SecretARN",
            "kms:Decrypt with the secrets' customer managed KMS keys, which the task definition does not name; Secrets Manager"
                + " decrypts a secret with the caller's permission, passing the secret's ARN as encryption context"
                + " (https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html), so"
                + " kms:ViaService and kms:EncryptionContext:SecretARN limit the grant to reading these secrets"));
      }
      if (!parameters.isEmpty()) {
        out.add(Permission.of("SsmParameterRead", List.of("ssm:GetParameters"), List.copyOf(parameters.keySet()),
            sources(parameters)));
        out.add(parameterKeys.permission("SsmParameterKmsDecrypt", "kms:EncryptionContext:PARAMETER_ARN",
            "kms:Decrypt with the SecureString parameters' customer managed KMS keys, which the task definition does not name;"
                + " Parameter Store decrypts with the caller's permission, passing the parameter's ARN as encryption"
                + " context (https://docs.aws.amazon.com/systems-manager/latest/userguide/secure-string-parameter-kms-encryption.html),"
                + " so kms:ViaService and kms:EncryptionContext:PARAMETER_ARN limit the grant to these parameters"));
      }
      if (!logGroupsWritten.isEmpty()) {
        out.add(new Permission("AwslogsWrite", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
            List.copyOf(logGroupsWritten.keySet()), Map.of(), sources(logGroupsWritten),
            Optional.of("The awslogs driver creates a stream per container, named from the task ID, in the log"
                + " group the task definition names; <group>:* is that group's streams and nothing else")));
      }
      if (!logGroupsCreated.isEmpty()) {
        out.add(new Permission("AwslogsCreateGroup", List.of("logs:CreateLogGroup"),
            List.copyOf(logGroupsCreated.keySet()), Map.of(), sources(logGroupsCreated),
            Optional.of("awslogs-create-group: the group is named exactly; <group>:* is the form CloudWatch Logs"
                + " authorizes some calls on a group against, and covers nothing but that group")));
      }
      if (!environmentFiles.isEmpty()) {
        out.add(Permission.of("EnvironmentFileRead", List.of("s3:GetObject"), List.copyOf(environmentFiles.keySet()),
            sources(environmentFiles)));
        out.add(Permission.of("EnvironmentFileBucketLocation", List.of("s3:GetBucketLocation"),
            List.copyOf(environmentFileBuckets.keySet()), sources(environmentFileBuckets)));
      }
      if (!fireLensConfigs.isEmpty()) {
        out.add(Permission.of("FireLensConfigRead", List.of("s3:GetObject"), List.copyOf(fireLensConfigs.keySet()),
            sources(fireLensConfigs)));
        out.add(Permission.of("FireLensConfigBucketLocation", List.of("s3:GetBucketLocation"),
            List.copyOf(fireLensConfigBuckets.keySet()), sources(fireLensConfigBuckets)));
      }
      if (!objectKeys.isEmpty()) {
        out.add(objectKeys.permission("S3ObjectKmsDecrypt", "kms:EncryptionContext:aws:s3:arn",
            "kms:Decrypt with the objects' customer managed KMS keys (SSE-KMS), which the task definition does not name, in a region"
                + " its S3 ARNs do not tell; S3 decrypts with the caller's permission, passing the object's ARN (or,"
                + " with S3 Bucket Keys, the bucket's) as encryption context"
                + " (https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html#encryption-context),"
                + " so kms:ViaService and kms:EncryptionContext:aws:s3:arn limit the grant to reading these objects"));
      }
      return out;
    }

    private List<String> sources(Map<String, List<String>> byResource) {
      Set<String> paths = new LinkedHashSet<>();
      byResource.values().forEach(paths::addAll);
      return paths.stream().map(p -> file + ": " + p).toList();
    }

    private void add(Map<String, List<String>> byResource, String resource, String at) {
      byResource.computeIfAbsent(resource, r -> new ArrayList<>()).add(at);
    }

    /**
     * {@code kms:Decrypt} for a service that decrypts on the caller's behalf: keys of the resources' accounts and
     * regions, only via that service, only with the resources' ARNs as encryption context.
     */
    private final class Kms {
      private final Set<String> keys = new LinkedHashSet<>();
      private final Set<String> viaServices = new LinkedHashSet<>();
      private final Set<String> contexts = new LinkedHashSet<>();
      private final Set<String> sources = new LinkedHashSet<>();

      void add(String partition, String region, String account, String service, String arn, String at) {
        keys.add("arn:" + partition + ":kms:" + region + ":" + account + ":key/*");
        viaServices.add(service + "." + region + "." + scope.urlSuffix());
        contexts.add(arn);
        sources.add(file + ": " + at);
      }

      /** S3 ARNs name neither region nor account: the key may be in any; the context stays exact. */
      void addS3(S3Object object, String at) {
        keys.add("arn:" + object.partition() + ":kms:*:*:key/*");
        viaServices.add("s3.*." + scope.urlSuffix());
        contexts.add(object.objectArn());
        contexts.add(object.bucketArn());
        sources.add(file + ": " + at);
      }

      boolean isEmpty() {
        return keys.isEmpty();
      }

      Permission permission(String sid, String contextKey, String why) {
        Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>();
        boolean anyRegion = viaServices.stream().anyMatch(v -> v.contains("*"));
        conditions.put(anyRegion ? "StringLike" : "StringEquals", Map.of("kms:ViaService", List.copyOf(viaServices)));
        // A partial secret ARN ends in -??????, which only StringLike matches.
        boolean patterns = contexts.stream().anyMatch(c -> c.contains("?"));
        conditions.merge(patterns ? "StringLike" : "StringEquals", Map.of(contextKey, List.copyOf(contexts)),
            (a, b) -> {
              Map<String, List<String>> both = new LinkedHashMap<>(a);
              both.putAll(b);
              return both;
            });
        return new Permission(sid, List.of("kms:Decrypt"), List.copyOf(keys), conditions, List.copyOf(sources),
            Optional.of(why));
      }
    }
  }
}

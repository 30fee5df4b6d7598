package dev.deepdive.ecs.constructs.grants;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resources behind the references a task definition makes: secrets, parameters, S3 objects, ECR
 * repositories, each turned into the ARN IAM authorizes the agent's call against.
 */
final class References {
  /**
   * {@code arn:aws:secretsmanager:<region>:<account>:secret:<name>[-<6 characters>][:json-key:version-stage:version-id]}:
   * the secret's own ARN is everything up to the name (and its suffix); what follows selects a value within it.
   * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html
   */
  private static final Pattern SECRET_ARN = Pattern.compile(
      "arn:([a-z-]+):secretsmanager:([a-z0-9-]+):([0-9]{12}):secret:([A-Za-z0-9/_+=.@-]+)(?::.*)?");
  /**
   * Secrets Manager appends a hyphen and six random letters or digits to every secret's name to form its ARN; a
   * reference without them is a partial ARN, which Secrets Manager resolves, but IAM authorizes the call against
   * the full ARN. https://docs.aws.amazon.com/secretsmanager/latest/userguide/reference_iam-permissions.html#iam-resources
   */
  private static final Pattern FULL_SECRET_NAME = Pattern.compile(".+-[A-Za-z0-9]{6}");
  private static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]{1,512}");
  /** IAM's wildcard for exactly the six characters Secrets Manager appends. */
  static final String SECRET_SUFFIX_WILDCARD = "-??????";

  /** {@code arn:aws:ssm:<region>:<account>:parameter/<name without its leading />[:version or :label]}. */
  private static final Pattern PARAMETER_ARN = Pattern.compile(
      "arn:([a-z-]+):ssm:([a-z0-9-]+):([0-9]{12})?:parameter/([A-Za-z0-9_.\\-/]+)(?::[A-Za-z0-9_.\\-]+)?");
  /** A parameter name, optionally with a {@code :version} or {@code :label} selector, which IAM does not see. */
  private static final Pattern PARAMETER_NAME = Pattern.compile("/?([A-Za-z0-9_.\\-/]{1,2048})(?::[A-Za-z0-9_.\\-]+)?");
  /** https://docs.aws.amazon.com/systems-manager/latest/userguide/integration-ps-secretsmanager.html */
  private static final String SECRETS_MANAGER_REFERENCE = "aws/reference/secretsmanager/";
  /** https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-public-parameters.html */
  private static final String PUBLIC_PARAMETERS = "aws/service/";

  /** {@code arn:aws:s3:::<bucket>/<key>}, the only form ECS accepts for environment files and FireLens configs. */
  private static final Pattern S3_OBJECT_ARN = Pattern.compile(
      "arn:(aws[a-z-]*):s3:::([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])/(.+)");

  /**
   * A private ECR image: {@code <account>.dkr.ecr.<region>.amazonaws.com/<repository>[:tag|@digest]}, also
   * through the FIPS ({@code dkr.ecr-fips}), China ({@code amazonaws.com.cn}) and dual-stack
   * ({@code dkr-ecr.<region>.on.aws}) endpoints.
   * https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry_auth.html and
   * https://docs.aws.amazon.com/AmazonECR/latest/userguide/ecr-requests.html
   */
  private static final Pattern ECR_IMAGE = Pattern.compile(
      "([0-9]{12})\\.dkr[.-]ecr(?:-fips)?\\.([a-z0-9-]+)\\.(?:amazonaws\\.com(?:\\.cn)?|on\\.aws)"
          + "/([a-z0-9][a-z0-9._/-]*)(?:[:@].*)?");
  private static final Pattern LOG_GROUP = Pattern.compile("[.\\-_/#A-Za-z0-9]{1,512}");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(?:-[a-z]+)+-[0-9]+");

  private References() {}

  /** A reference that cannot name what its field needs; the message says what was expected. */
  static final class Invalid extends Exception {
    Invalid(String message) {
      super(message);
    }
  }

  /**
   * A Secrets Manager secret.
   *
   * @param arn the ARN IAM authorizes against: exact, or ending in {@link #SECRET_SUFFIX_WILDCARD} for a partial ARN
   *            or a name
   */
  record Secret(String partition, String region, String account, String arn) implements SensitiveData {}

  /**
   * An SSM parameter.
   *
   * @param arn              the parameter's ARN, which is also its encryption context ({@code PARAMETER_ARN})
   * @param referencedSecret the Secrets Manager secret behind a {@code /aws/reference/secretsmanager/...} name
   */
  record Parameter(String partition, String region, String account, String arn, Optional<Secret> referencedSecret)
      implements SensitiveData {}

  /** Where a {@code valueFrom} points: Secrets Manager or Parameter Store. */
  sealed interface SensitiveData permits Secret, Parameter {}

  record S3Object(String partition, String bucketArn, String objectArn) {}

  record EcrRepository(String account, String arn) {}

  /** A Secrets Manager ARN (full or partial, with or without a value selector). */
  static Optional<Secret> secretArn(String value) {
    Matcher m = SECRET_ARN.matcher(value);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new Secret(m.group(1), m.group(2), m.group(3),
        secretArn(m.group(1), m.group(2), m.group(3), m.group(4))));
  }

  /** A secret of the task's own account and region, by name (allowed for {@code repositoryCredentials}). */
  static Secret secretName(String name, ArnScope scope) throws Invalid {
    if (!SECRET_NAME.matcher(name).matches()) {
      throw new Invalid("expected a Secrets Manager secret ARN or name (letters, digits and /_+=.@-), got \""
          + name + "\"");
    }
    return new Secret(scope.partition(), scope.region(), scope.account(),
        "arn:" + scope.partition() + ":secretsmanager:" + scope.region() + ":" + scope.account() + ":secret:" + name
            + SECRET_SUFFIX_WILDCARD);
  }

  private static String secretArn(String partition, String region, String account, String name) {
    String arn = "arn:" + partition + ":secretsmanager:" + region + ":" + account + ":secret:" + name;
    return FULL_SECRET_NAME.matcher(name).matches() ? arn : arn + SECRET_SUFFIX_WILDCARD;
  }

  /**
   * What a container {@code secrets} or log {@code secretOptions} entry names: a Secrets Manager ARN, an SSM
   * parameter ARN, or (anything else) an SSM parameter name in the task's own account and region.
   * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html
   */
  static SensitiveData secretOrParameter(String valueFrom, ArnScope scope) throws Invalid {
    if (valueFrom.startsWith("arn:")) {
      Optional<Secret> secret = secretArn(valueFrom);
      if (secret.isPresent()) {
        return secret.get();
      }
      Matcher m = PARAMETER_ARN.matcher(valueFrom);
      if (m.matches()) {
        String account = m.group(3) == null ? "" : m.group(3);
        return parameter(m.group(1), m.group(2), account, m.group(4), scope);
      }
      throw new Invalid("expected a Secrets Manager secret ARN (arn:<partition>:secretsmanager:<region>:<account>:"
          + "secret:<name>...) or an SSM parameter ARN (arn:<partition>:ssm:<region>:<account>:parameter/<name>),"
          + " got \"" + valueFrom + "\"");
    }
    Matcher m = PARAMETER_NAME.matcher(valueFrom);
    if (!m.matches()) {
      throw new Invalid("expected an SSM parameter name (letters, digits and _.-/) or an ARN, got \""
          + valueFrom + "\"");
    }
    String name = m.group(1);
    // Public parameters belong to AWS: their ARN has no account.
    String account = name.startsWith(PUBLIC_PARAMETERS) ? "" : scope.account();
    return parameter(scope.partition(), scope.region(), account, name, scope);
  }

  private static Parameter parameter(String partition, String region, String account, String name, ArnScope scope) {
    String arn = "arn:" + partition + ":ssm:" + region + ":" + account + ":parameter/" + name;
    Optional<Secret> referenced = Optional.empty();
    if (name.startsWith(SECRETS_MANAGER_REFERENCE) && name.length() > SECRETS_MANAGER_REFERENCE.length()) {
      String secret = name.substring(SECRETS_MANAGER_REFERENCE.length());
      referenced = Optional.of(new Secret(partition, region, account,
          "arn:" + partition + ":secretsmanager:" + region + ":" + account + ":secret:" + secret
              + SECRET_SUFFIX_WILDCARD));
    }
    return new Parameter(partition, region, account, arn, referenced);
  }

  /** An S3 object ARN, as environment files and FireLens config files must be given. */
  static S3Object s3Object(String value) throws Invalid {
    Matcher m = S3_OBJECT_ARN.matcher(value);
    if (!m.matches()) {
      throw new Invalid("expected an S3 object ARN, arn:aws:s3:::<bucket>/<key>, got \"" + value + "\"");
    }
    if (m.group(3).contains("*") || m.group(3).contains("?")) {
      throw new Invalid("the object key has * or ?, which IAM reads as wildcards in the grant; rename the object,"
          + " got \"" + value + "\"");
    }
    return new S3Object(m.group(1), "arn:" + m.group(1) + ":s3:::" + m.group(2), value);
  }

  /** The repository of a private ECR image URI; empty for any other image (Docker Hub, ECR Public, ...). */
  static Optional<EcrRepository> ecrRepository(String image, String partition) {
    Matcher m = ECR_IMAGE.matcher(image);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new EcrRepository(m.group(1),
        "arn:" + partition + ":ecr:" + m.group(2) + ":" + m.group(1) + ":repository/" + m.group(3)));
  }

  static void logGroupName(String name) throws Invalid {
    if (!LOG_GROUP.matcher(name).matches()) {
      throw new Invalid("expected a log group name of 1 to 512 letters, digits and ._-/#, got \"" + name + "\"");
    }
  }

  static void region(String region) throws Invalid {
    if (!REGION.matcher(region).matches()) {
      throw new Invalid("expected a region such as eu-west-1, got \"" + region + "\"");
    }
  }
}

package dev.deepdive.ecs.ecsctl.ops;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.time.Duration;
import javax.net.ssl.SSLException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileLocation;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;

/**
 * The one place a failed AWS call becomes words: {@link #explain} maps any SDK exception (and ecsctl's own
 * not-found and describe failures), plus what the command asked for, to an {@link AwsFailure}: one line that
 * names the cluster, service or task definition, says what went wrong in the user's terms and what to do, and
 * the exit code. Commands only print it.
 *
 * <p>{@link #code} and {@link #message} stay for per-item reports (one service of several failed).
 */
public final class AwsErrors {
  /** Codes AWS uses when it does not accept the credentials themselves (as opposed to their permissions). */
  static final Set<String> BAD_CREDENTIAL_CODES = Set.of("UnrecognizedClientException", "InvalidClientTokenId",
      "InvalidSignatureException", "SignatureDoesNotMatch", "ExpiredTokenException", "ExpiredToken",
      "IncompleteSignature", "MissingAuthenticationTokenException", "InvalidAccessKeyId");
  static final Set<String> ACCESS_DENIED_CODES = Set.of("AccessDeniedException", "AccessDenied",
      "UnauthorizedOperation", "NotAuthorized");

  private AwsErrors() {}

  /** ECS's error code (e.g. {@code ClusterNotFoundException}), or a short name for client-side failures. */
  public static String code(Throwable error) {
    if (error instanceof AwsServiceException service && service.awsErrorDetails() != null
        && service.awsErrorDetails().errorCode() != null) {
      return service.awsErrorDetails().errorCode();
    }
    if (error instanceof DescribeFailureException failure) {
      return failure.reason();
    }
    if (error instanceof NotFoundException notFound) {
      return notFound.code();
    }
    if (error instanceof CredentialsNotFoundException) {
      return "NoCredentials";
    }
    if (error instanceof ApiCallTimeoutException || error instanceof ApiCallAttemptTimeoutException) {
      return "ApiCallTimeout";
    }
    IOException io = ioCause(error);
    if (io != null) {
      return networkCode(io);
    }
    return error.getClass().getSimpleName();
  }

  /** ECS's message without the SDK's "(Service: Ecs, Status Code: ..., Request ID: ...)" suffix. */
  public static String message(Throwable error) {
    if (error instanceof AwsServiceException service && service.awsErrorDetails() != null
        && service.awsErrorDetails().errorMessage() != null) {
      return service.awsErrorDetails().errorMessage();
    }
    return String.valueOf(error.getMessage());
  }

  /** {@code Code: message}: a short form for per-item reports and progress warnings. */
  public static String describe(Throwable error) {
    return code(error) + ": " + message(error);
  }

  /**
   * Explains a failure, or empty when {@code error} is not an AWS failure (a bug, an interrupted wait).
   *
   * @param error what the SDK or an ops class threw
   * @param asked what the command asked for, named in the message
   * @param settings where the call went (region and its source, endpoint, timeouts, retries); {@code null} when
   *     the failure came before a client was built
   */
  public static Optional<AwsFailure> explain(Throwable error, AskedFor asked, ClientSettings settings) {
    if (error instanceof MissingRegionException) {
      return Optional.of(new AwsFailure(AwsFailure.Kind.NO_REGION, "NoRegion", error.getMessage()));
    }
    if (error instanceof NotFoundException notFound) {
      return Optional.of(notFound(notFound.code(), notFound.missing(), notFound.detail(), settings));
    }
    if (error instanceof DescribeFailureException failure) {
      return Optional.of(new AwsFailure(AwsFailure.Kind.REJECTED, failure.reason(), failure.getMessage()
          + where(settings)));
    }
    CredentialsNotFoundException noCredentials = causeOf(error, CredentialsNotFoundException.class);
    if (noCredentials != null) {
      return Optional.of(new AwsFailure(AwsFailure.Kind.NO_CREDENTIALS, "NoCredentials",
          noCredentials(noCredentials, asked)));
    }
    if (error instanceof AwsServiceException service) {
      return Optional.of(service(service, asked, settings));
    }
    if (error instanceof ApiCallTimeoutException || error instanceof ApiCallAttemptTimeoutException
        || ioCause(error) != null) {
      boolean timeout = isTimeout(error);
      return Optional.of(new AwsFailure(timeout ? AwsFailure.Kind.TIMEOUT : AwsFailure.Kind.NETWORK, code(error),
          networkProblem(error, settings) + forWhat(asked) + attempts(error, settings) + ". " + networkAdvice()));
    }
    if (error instanceof SdkException) {
      // Anything else the SDK raises on the client side: say so plainly, with the call's target.
      return Optional.of(new AwsFailure(AwsFailure.Kind.NETWORK, code(error), "the AWS call" + forWhat(asked)
          + " failed before ECS answered: " + firstLine(error.getMessage()) + where(settings)));
    }
    return Optional.empty();
  }

  /**
   * A not-found line: what, the error code and ECS's words, where (region and its source), and how to list what
   * exists, e.g. {@code cluster 'nope' not found (ClusterNotFoundException: Cluster not found.) in region
   * eu-west-1 (from AWS_REGION); list the clusters with 'ecsctl clusters list', or check --region and --profile}.
   *
   * @param detail ECS's message or the look-up's reason, or {@code null}
   */
  public static AwsFailure notFound(String code, AskedFor missing, String detail, ClientSettings settings) {
    String what = missing.describe();
    String list;
    if (!missing.services().isEmpty()) {
      list = "list the services with 'ecsctl services list --cluster " + missing.cluster() + "'";
    } else if (!missing.taskDefinitions().isEmpty()) {
      list = "list them with 'ecsctl task-definitions families' and 'ecsctl task-definitions revisions"
          + " --family FAMILY'";
    } else if (!missing.containerInstances().isEmpty() || !missing.tasks().isEmpty()) {
      list = "check the ID and the cluster";
    } else {
      list = "list the clusters with 'ecsctl clusters list'";
    }
    String message = what + " not found (" + code + (detail == null ? "" : ": " + detail) + ")"
        + where(settings) + "; " + list + ", or check --region and --profile";
    return new AwsFailure(AwsFailure.Kind.NOT_FOUND, code, message);
  }

  /**
   * One phrase for a network failure or timeout: {@code no answer from HOST within 10s (read timeout)},
   * {@code cannot resolve host HOST}, {@code cannot connect to HOST (Connection refused)}.
   */
  public static String networkProblem(Throwable error, ClientSettings settings) {
    String host = settings == null ? "the ECS endpoint" : settings.host();
    if (error instanceof ApiCallTimeoutException) {
      return "no answer from " + host + " within "
          + (settings == null ? "the call timeout" : Durations.format(settings.apiCallTimeout()))
          + " (the limit for one call with its retries)";
    }
    if (error instanceof ApiCallAttemptTimeoutException) {
      return "no answer from " + host + " within "
          + (settings == null ? "the attempt timeout" : Durations.format(settings.apiCallAttemptTimeout()))
          + " (connect plus read timeout)";
    }
    IOException io = ioCause(error);
    if (io instanceof UnknownHostException) {
      return "cannot resolve host " + host;
    }
    if (io instanceof SocketTimeoutException) {
      boolean connecting = String.valueOf(io.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("connect");
      Duration limit = settings == null ? null : connecting ? settings.connectTimeout() : settings.readTimeout();
      return (connecting ? "could not connect to " : "no answer from ") + host
          + (limit == null ? "" : " within " + Durations.format(limit)) + (connecting ? " (connect timeout)" : " (read timeout)");
    }
    if (io instanceof ConnectException || io instanceof NoRouteToHostException) {
      return "cannot connect to " + host + " (" + io.getMessage() + ")";
    }
    if (io instanceof SSLException) {
      return "TLS with " + host + " failed (" + io.getMessage() + ")";
    }
    if (io != null) {
      return "network failure talking to " + host + " (" + io.getClass().getSimpleName() + ": " + io.getMessage() + ")";
    }
    return "the call to " + host + " failed (" + firstLine(error.getMessage()) + ")";
  }

  private static String networkAdvice() {
    return "Check the network path to it; to use another address (a VPC endpoint, a local endpoint) pass"
        + " --endpoint-url URL; behind a proxy set HTTPS_PROXY=http://HOST:PORT (and NO_PROXY for exceptions);"
        + " to wait longer pass --connect-timeout or --read-timeout";
  }

  private static AwsFailure service(AwsServiceException e, AskedFor asked, ClientSettings settings) {
    String code = code(e);
    String aws = code + ": " + message(e);
    if ("ClusterNotFoundException".equals(code) && asked.cluster() != null) {
      return notFound(code, AskedFor.cluster(asked.cluster()), message(e), settings);
    }
    if ("ServiceNotFoundException".equals(code) && !asked.services().isEmpty()) {
      return notFound(code, AskedFor.services(asked.cluster(), asked.services()), message(e), settings);
    }
    if ("ServiceNotActiveException".equals(code)) {
      return new AwsFailure(AwsFailure.Kind.NOT_ACTIVE, code, asked.describe() + " is not ACTIVE: it is being"
          + " deleted or was deleted (" + aws + ")" + where(settings) + "; see its status with 'ecsctl services"
          + " describe --cluster " + asked.cluster() + " " + String.join(" ", asked.services()) + "'");
    }
    if (RetryableErrors.isThrottling(e)) {
      return new AwsFailure(AwsFailure.Kind.THROTTLED, code, "AWS throttled the calls" + forWhat(asked) + " ("
          + aws + ")" + attempts(e, settings) + ". Other tools calling ECS in this account and region share the"
          + " rate limit: wait a minute and rerun");
    }
    if (ACCESS_DENIED_CODES.contains(code) || e.statusCode() == 403 && !BAD_CREDENTIAL_CODES.contains(code)) {
      return new AwsFailure(AwsFailure.Kind.ACCESS_DENIED, code, "access denied" + forWhat(asked) + where(settings)
          + " (" + aws + "). The identity needs the ECS permission named there for this cluster (docs/ecsctl.md,"
          + " IAM permissions), or use another identity with --profile");
    }
    if (BAD_CREDENTIAL_CODES.contains(code)) {
      String profile = settings == null || settings.profile() == null ? "" : " of profile '" + settings.profile() + "'";
      return new AwsFailure(AwsFailure.Kind.BAD_CREDENTIALS, code, "AWS rejected the credentials" + profile + " ("
          + aws + "). Refresh them (for an SSO profile: aws sso login --profile NAME), or use others with"
          + " --profile NAME or AWS_PROFILE");
    }
    if (e.statusCode() >= 500) {
      return new AwsFailure(AwsFailure.Kind.SERVER_ERROR, code, "ECS failed on its side" + forWhat(asked) + " ("
          + aws + ")" + attempts(e, settings) + "; rerun in a minute, and see the AWS Health Dashboard if it lasts");
    }
    return new AwsFailure(AwsFailure.Kind.REJECTED, code, "ECS refused the request" + forWhat(asked)
        + where(settings) + ": " + aws);
  }

  /**
   * Where the default chain looked, in the SDK's order (DefaultCredentialsProvider: system properties,
   * environment, web identity, profile, container, instance metadata;
   * https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/credentials-chain.html), and how to fix it.
   */
  private static String noCredentials(CredentialsNotFoundException e, AskedFor asked) {
    Path credentialsFile = ProfileFileLocation.credentialsFilePath();
    Path configFile = ProfileFileLocation.configurationFilePath();
    String files = credentialsFile + (Files.isRegularFile(credentialsFile) ? "" : " (absent)") + " and "
        + configFile + (Files.isRegularFile(configFile) ? "" : " (absent)");
    String fix = "Set a profile with --profile NAME or AWS_PROFILE=NAME ('aws configure --profile NAME' or"
        + " 'aws configure sso' writes one), or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY";
    if (e.profile() != null) {
      String problem = profileExists(e.profile())
          ? "it did not yield credentials: " + firstLine(e.getCause().getMessage())
          : "no such profile there";
      return "no AWS credentials from profile '" + e.profile() + "'" + forWhat(asked) + ": looked in " + files
          + "; " + problem + ". " + fix;
    }
    String profile = ProfileFileSystemSetting.AWS_PROFILE.getStringValue().orElse("default");
    List<String> looked = new ArrayList<>();
    looked.add("environment variables AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY and Java system properties"
        + " aws.accessKeyId/aws.secretAccessKey (" + setOrNot(SdkSystemSetting.AWS_ACCESS_KEY_ID) + ")");
    looked.add("web identity AWS_WEB_IDENTITY_TOKEN_FILE (" + setOrNot(SdkSystemSetting.AWS_WEB_IDENTITY_TOKEN_FILE) + ")");
    looked.add("profile '" + profile + "' in " + files);
    looked.add("container credentials AWS_CONTAINER_CREDENTIALS_RELATIVE_URI/FULL_URI ("
        + (SdkSystemSetting.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI.getStringValue().isPresent()
            || SdkSystemSetting.AWS_CONTAINER_CREDENTIALS_FULL_URI.getStringValue().isPresent() ? "set" : "not set") + ")");
    looked.add("EC2 instance metadata (" + (SdkSystemSetting.AWS_EC2_METADATA_DISABLED.getBooleanValueOrThrow()
        ? "disabled by AWS_EC2_METADATA_DISABLED" : "none answered") + ")");
    return "no AWS credentials found" + forWhat(asked) + ". The default chain looked at: " + String.join("; ", looked)
        + ". " + fix;
  }

  private static boolean profileExists(String profile) {
    try {
      return ProfileFile.defaultProfileFile().profile(profile).isPresent();
    } catch (RuntimeException e) {
      return true; // the files are there but unreadable: the SDK's own message says why
    }
  }

  private static String setOrNot(SdkSystemSetting setting) {
    return setting.getStringValue().isPresent() ? "set" : "not set";
  }

  private static String forWhat(AskedFor asked) {
    String what = asked == null ? "" : asked.describe();
    return what.isEmpty() ? "" : " for " + what;
  }

  private static String where(ClientSettings settings) {
    if (settings == null || settings.region() == null) {
      return "";
    }
    String source = settings.regionSource() == null ? "" : " (from " + settings.regionSource() + ")";
    String endpoint = settings.endpoint() == null ? "" : " at " + settings.endpoint();
    return " in region " + settings.region() + source + endpoint;
  }

  /** {@code ; gave up after 8 attempts}: the SDK counts attempts on the exception. */
  private static String attempts(Throwable error, ClientSettings settings) {
    Integer n = error instanceof SdkException sdk ? sdk.numAttempts() : null;
    if (n == null && settings != null) {
      n = settings.retry().maxAttempts();
    }
    return n == null ? "" : "; gave up after " + n + (n == 1 ? " attempt" : " attempts (retried " + (n - 1)
        + (n - 1 == 1 ? " time)" : " times)"));
  }

  /** True for a call, attempt, connect or read timeout: the endpoint did not answer in time. */
  public static boolean isTimeout(Throwable error) {
    return error instanceof ApiCallTimeoutException || error instanceof ApiCallAttemptTimeoutException
        || ioCause(error) instanceof SocketTimeoutException;
  }

  private static String networkCode(IOException io) {
    if (io instanceof UnknownHostException) return "UnknownHost";
    if (io instanceof SocketTimeoutException) return "SocketTimeout";
    if (io instanceof ConnectException) return "ConnectionRefused";
    if (io instanceof SSLException) return "TlsFailure";
    return io.getClass().getSimpleName();
  }

  private static IOException ioCause(Throwable error) {
    return causeOf(error, IOException.class);
  }

  private static <T extends Throwable> T causeOf(Throwable error, Class<T> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "no detail";
    }
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }
}

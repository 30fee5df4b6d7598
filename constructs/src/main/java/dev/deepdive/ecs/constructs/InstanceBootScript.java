package dev.deepdive.ecs.constructs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first commands of a container instance's user data: copy the environment's {@code ecs.config} from S3
 * into {@code /etc/ecs/ecs.config} (or make sure the instance never joins a cluster), then, in the background,
 * wait until the ECS agent has registered into the cluster and signal CloudFormation.
 *
 * <p>The script is {@code instance-boot.sh} next to this class; docs/boot-script.md (the first part) and
 * docs/container-instances.md (the second) explain what it does and why. In short: it uses the AWS CLI where the AMI has one and otherwise curl 7.86.0 or later with
 * SigV4 (the Amazon Linux 2023 ECS-optimized AMI ships no AWS CLI and no {@code cfn-signal}), retries transient
 * failures, checks the object's content and SHA-256, keeps the lines already in {@code ecs.config} after the
 * fetched ones, and on any failure masks the agent, signals {@code FAILURE} and powers the instance off
 * instead of letting it register into {@code default}. Once the agent's introspection endpoint
 * ({@code http://localhost:51678/v1/metadata}) reports a container instance ARN for this cluster, it signals
 * {@code SUCCESS} (CloudFormation SignalResource with the instance ID as the unique ID).
 *
 * <p>Lines appended to the same user data after these (such as the cluster's own
 * {@code echo ECS_CLUSTER=... >> /etc/ecs/ecs.config}) run after a successful fetch and do not run after a
 * failed one.
 */
public final class InstanceBootScript {

  /** The template, a classpath resource beside this class. */
  static final String TEMPLATE_RESOURCE = "instance-boot.sh";

  /**
   * EC2 accepts at most 16 KB of user data (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html);
   * the rendered script stays under this many bytes so that the rest is left for the commands appended after it.
   */
  public static final int MAX_RENDERED_BYTES = 15 * 1024;

  /** The least and most seconds the agent may take to register: the CloudFormation signal timeout bounds it. */
  public static final int MIN_REGISTRATION_TIMEOUT_SECONDS = 60;
  public static final int MAX_REGISTRATION_TIMEOUT_SECONDS = 3600;

  private static final Pattern PLACEHOLDER = Pattern.compile("@@([A-Z0-9]+)@@");

  /** A CDK string token, e.g. {@code ${Token[AWS.Region.4]}}; it resolves at deploy time. */
  private static final Pattern CDK_TOKEN = Pattern.compile("\\$\\{Token\\[[A-Za-z0-9:._-]+\\]\\}");

  // Literal values must already satisfy the character sets the script checks at boot (where the
  // tokens are resolved); catching a bad literal at synth time is cheaper than a failed boot.
  private static final Map<String, Rule> RULES = Map.of(
      "BUCKET", new Rule("bucket", "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]", "[a-z0-9.-]",
          "an S3 bucket name: 3-63 of a-z 0-9 . -"),
      "KEY", new Rule("key", "[A-Za-z0-9._-][A-Za-z0-9._/-]*", "[A-Za-z0-9._/-]",
          "made of A-Z a-z 0-9 . _ - / without a leading /"),
      "SHA256", new Rule("configSha256", "[0-9a-f]{64}", "[0-9a-f]", "64 lowercase hex digits"),
      "CLUSTER", new Rule("clusterName", "[A-Za-z0-9_-]{1,255}", "[A-Za-z0-9_-]",
          "an ECS cluster name: 1-255 of A-Z a-z 0-9 _ -"),
      "REGION", new Rule("region", "[a-z]{2}(-[a-z]+)+-[0-9]+", "[a-z0-9-]",
          "an AWS region name such as eu-west-1"),
      "STACK", new Rule("stackId",
          "arn:[a-z-]+:cloudformation:[a-z0-9-]+:[0-9]{12}:stack/[A-Za-z][A-Za-z0-9-]*/[A-Za-z0-9-]+",
          "[A-Za-z0-9:/-]", "a CloudFormation stack ID (arn:aws:cloudformation:<region>:<account>:stack/<name>/<id>)"),
      "RESOURCE", new Rule("logicalId", "[A-Za-z0-9]{1,255}", "[A-Za-z0-9]",
          "a CloudFormation logical ID: 1-255 of A-Z a-z 0-9"));

  /**
   * What one environment's script needs.
   *
   * @param bucket the bucket holding the environment's {@code ecs.config}
   * @param key the object key of {@code ecs.config} in that bucket
   * @param configSha256 the SHA-256 (hex) of the object's content; a different object is refused
   * @param clusterName the cluster the instance must join; the object must name exactly this one
   * @param region the region of the bucket and the stack, used to sign requests and to build the URLs
   * @param stackId the ID (ARN) of the stack holding the Auto Scaling group, for SignalResource
   * @param logicalId the Auto Scaling group's logical ID in that stack
   * @param registrationTimeoutSeconds how long the agent may take to register after the fetch, in seconds,
   *     {@value #MIN_REGISTRATION_TIMEOUT_SECONDS} to {@value #MAX_REGISTRATION_TIMEOUT_SECONDS}
   */
  public record Values(String bucket, String key, String configSha256, String clusterName, String region,
      String stackId, String logicalId, int registrationTimeoutSeconds) {}

  private InstanceBootScript() {}

  /**
   * Renders the script for one environment.
   *
   * <p>Each string value may be a plain string or a CDK token string (resolved by CloudFormation); it is placed
   * inside double quotes in the script, so it is not escaped here.
   *
   * @return the script's lines, without a shebang, for {@code UserData.addCommands(...)}
   * @throws IllegalArgumentException naming every value that is null, blank or not allowed
   */
  public static List<String> render(Values values) {
    Map<String, String> placeholders = new LinkedHashMap<>();
    placeholders.put("BUCKET", values.bucket());
    placeholders.put("KEY", values.key());
    placeholders.put("SHA256", values.configSha256());
    placeholders.put("CLUSTER", values.clusterName());
    placeholders.put("REGION", values.region());
    placeholders.put("STACK", values.stackId());
    placeholders.put("RESOURCE", values.logicalId());
    List<String> problems = new ArrayList<>();
    placeholders.forEach((placeholder, value) -> RULES.get(placeholder).check(value, problems));
    int timeout = values.registrationTimeoutSeconds();
    if (timeout < MIN_REGISTRATION_TIMEOUT_SECONDS || timeout > MAX_REGISTRATION_TIMEOUT_SECONDS) {
      problems.add("registrationTimeoutSeconds must be " + MIN_REGISTRATION_TIMEOUT_SECONDS + " to "
          + MAX_REGISTRATION_TIMEOUT_SECONDS + ", got " + timeout);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("InstanceBootScript: " + String.join("; ", problems));
    }
    placeholders.put("TIMEOUT", Integer.toString(timeout));

    String rendered = PLACEHOLDER.matcher(Template.TEXT)
        .replaceAll(match -> Matcher.quoteReplacement(valueFor(match.group(1), placeholders)));
    List<String> lines = new ArrayList<>();
    for (String line : rendered.split("\n", -1)) {
      String code = line.stripLeading();
      if (!code.isEmpty() && !isCommentOnly(code)) {
        lines.add(code);
      }
    }
    return List.copyOf(lines);
  }

  private static String valueFor(String placeholder, Map<String, String> values) {
    String value = values.get(placeholder);
    if (value == null) {
      throw new IllegalStateException(TEMPLATE_RESOURCE + " uses @@" + placeholder + "@@, which render() does not fill");
    }
    return value;
  }

  /**
   * The template's comments, blank lines and indentation are for its maintainers and would take over half of the
   * 16 KB user-data limit, so they are left out; ShellCheck directives stay, the tests run ShellCheck on the
   * rendered script. Safe as long as the template has no multi-line strings and no here-documents (the latter
   * checked when it is loaded): outside those, bash ignores leading blanks.
   */
  private static boolean isCommentOnly(String line) {
    return line.startsWith("#") && !line.startsWith("# shellcheck ");
  }

  /**
   * What one parameter may be: {@code whole} for a literal value; for a value mixing literal text and tokens
   * only the literal characters can be checked, against {@code characters}.
   */
  private record Rule(String parameter, Pattern whole, Pattern characters, String description) {
    Rule(String parameter, String whole, String characterClass, String description) {
      this(parameter, Pattern.compile(whole), Pattern.compile(characterClass + "*"), description);
    }

    void check(String value, List<String> problems) {
      if (value == null || value.isBlank()) {
        problems.add(parameter + " must not be blank, got " + (value == null ? "null" : "'" + value + "'"));
        return;
      }
      String literal = CDK_TOKEN.matcher(value).replaceAll("");
      boolean allowed = literal.equals(value)
          ? whole.matcher(value).matches()
          : characters.matcher(literal).matches();
      if (!allowed) {
        problems.add(parameter + " must be " + description + " (or a CDK token), got '" + value + "'");
      }
    }
  }

  /** Loaded on first use; a missing or malformed template is a packaging bug, not user input. */
  private static final class Template {
    static final String TEXT = load();

    private static String load() {
      try (InputStream in = InstanceBootScript.class.getResourceAsStream(TEMPLATE_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("classpath resource " + TEMPLATE_RESOURCE + " is missing next to "
              + InstanceBootScript.class.getName());
        }
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (text.contains("<<")) {
          throw new IllegalStateException(TEMPLATE_RESOURCE
              + " must not use here-documents: render() drops comment lines and would change their text");
        }
        return text;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + TEMPLATE_RESOURCE, e);
      }
    }
  }
}

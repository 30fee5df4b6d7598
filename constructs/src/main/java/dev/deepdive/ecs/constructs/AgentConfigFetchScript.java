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
 * The first commands of a container instance's user data: copy the environment's {@code ecs.config}
 * from S3 into {@code /etc/ecs/ecs.config}, or make sure the instance never joins a cluster.
 *
 * <p>The script is {@code fetch-ecs-config.sh} next to this class; docs/boot-script.md explains
 * what it does and why. It uses the AWS CLI where the AMI has one and otherwise curl with SigV4
 * (the Amazon Linux 2023 ECS-optimized AMI ships no AWS CLI), retries transient failures, keeps
 * the lines already in {@code ecs.config} after the fetched ones, and on failure masks the agent
 * and powers the instance off instead of letting it register into {@code default}.
 *
 * <p>Lines appended to the same user data after these (such as the cluster's own
 * {@code echo ECS_CLUSTER=... >> /etc/ecs/ecs.config}) run after a successful fetch and do not
 * run after a failed one.
 */
public final class AgentConfigFetchScript {

  /** The template, a classpath resource beside this class. */
  static final String TEMPLATE_RESOURCE = "fetch-ecs-config.sh";

  /**
   * EC2 accepts at most 16 KB of user data; the rendered script stays under this many bytes so
   * that the rest is left for the commands appended after it.
   */
  public static final int MAX_RENDERED_BYTES = 10 * 1024;

  private static final Pattern PLACEHOLDER = Pattern.compile("@@([A-Z]+)@@");

  /** A CDK string token, e.g. {@code ${Token[AWS.Region.4]}}; it resolves at deploy time. */
  private static final Pattern CDK_TOKEN = Pattern.compile("\\$\\{Token\\[[A-Za-z0-9:._-]+\\]\\}");

  // Literal values must already satisfy the character sets the script checks at boot (where the
  // tokens are resolved); catching a bad literal at synth time is cheaper than a failed boot.
  private static final Map<String, Rule> RULES = Map.of(
      "BUCKET", new Rule("bucket", "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]", "[a-z0-9.-]",
          "an S3 bucket name: 3-63 of a-z 0-9 . -"),
      "KEY", new Rule("key", "[A-Za-z0-9._-][A-Za-z0-9._/-]*", "[A-Za-z0-9._/-]",
          "made of A-Z a-z 0-9 . _ - / without a leading /"),
      "CLUSTER", new Rule("clusterName", "[A-Za-z0-9_-]{1,255}", "[A-Za-z0-9_-]",
          "an ECS cluster name: 1-255 of A-Z a-z 0-9 _ -"),
      "REGION", new Rule("region", "[a-z]{2}(-[a-z]+)+-[0-9]+", "[a-z0-9-]",
          "an AWS region name such as eu-west-1"));

  private AgentConfigFetchScript() {}

  /**
   * Renders the script for one environment.
   *
   * <p>Each value may be a plain string or a CDK token string (resolved by CloudFormation); it is
   * placed inside double quotes in the script, so it is not escaped here.
   *
   * @param bucket the bucket holding the environment's {@code ecs.config}
   * @param key the object key of {@code ecs.config} in that bucket
   * @param clusterName the cluster the instance must join; the object must name exactly this one
   * @param region the bucket's region, used to sign requests and to build the S3 URL
   * @return the script's lines, without a shebang, for {@code UserData.addCommands(...)}
   * @throws IllegalArgumentException naming every value that is null, blank or not allowed
   */
  public static List<String> render(String bucket, String key, String clusterName, String region) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("BUCKET", bucket);
    values.put("KEY", key);
    values.put("CLUSTER", clusterName);
    values.put("REGION", region);
    List<String> problems = new ArrayList<>();
    values.forEach((placeholder, value) -> RULES.get(placeholder).check(value, problems));
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("AgentConfigFetchScript: " + String.join("; ", problems));
    }

    String rendered = PLACEHOLDER.matcher(Template.TEXT)
        .replaceAll(match -> Matcher.quoteReplacement(valueFor(match.group(1), values)));
    List<String> lines = new ArrayList<>();
    for (String line : rendered.split("\n", -1)) {
      if (!isCommentOnly(line)) {
        lines.add(line);
      }
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
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
   * The template's comments are for its maintainers and would take over a quarter of the 16 KB
   * user-data limit, so they are left out; ShellCheck directives stay, the tests run ShellCheck on
   * the rendered script. Safe as long as the template has no multi-line strings and no
   * here-documents (the latter checked when it is loaded).
   */
  private static boolean isCommentOnly(String line) {
    String trimmed = line.strip();
    return trimmed.startsWith("#") && !trimmed.startsWith("# shellcheck ");
  }

  /**
   * What one parameter may be: {@code whole} for a literal value; for a value mixing literal text
   * and tokens only the literal characters can be checked, against {@code characters}.
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
      try (InputStream in = AgentConfigFetchScript.class.getResourceAsStream(TEMPLATE_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("classpath resource " + TEMPLATE_RESOURCE + " is missing next to "
              + AgentConfigFetchScript.class.getName());
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

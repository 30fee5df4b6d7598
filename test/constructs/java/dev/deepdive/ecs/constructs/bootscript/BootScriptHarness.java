package dev.deepdive.ecs.constructs.bootscript;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a container instance's user data (the whole text, shebang included) with {@code bash} in a
 * sandbox, with stand-ins for the commands that would reach AWS or the machine, and reports what
 * happened as a {@link BootRun}.
 *
 * <ul>
 *   <li>{@code PATH} holds only the stand-ins and the coreutils, grep and sed that every
 *       ECS-optimized AMI ships: a script that needs jq, python or awk fails here as it could on
 *       an instance.
 *   <li>Stand-ins: {@code curl} (serves the scripted IMDSv2 and S3 responses, see {@link
 *       Endpoint}), {@code aws} (only with {@link #withAwsCli()}, as on AL2; absent by default, as
 *       on AL2023), and {@code systemctl}, {@code shutdown}, {@code sleep}, {@code logger}, {@code
 *       sudo} (runs the rest of its arguments), {@code iptables}, {@code service}, which only
 *       record their calls. {@code sleep} returns at once, so retries cost no time.
 *   <li>Paths: the literal {@code /etc/ecs/ecs.config} in the text (the script's default and the
 *       lines CDK appends) is rewritten into the sandbox, and {@code ECS_CONFIG_FILE}, {@code
 *       ECS_CONFIG_STATE_DIR}, {@code ECS_CONFIG_CONSOLE} point there too. The IMDS, S3, agent
 *       introspection and CloudFormation URLs keep their production values: {@code curl} is a
 *       stand-in, so they are only recorded.
 *   <li>With {@link #withLocalEndpoints(LocalAwsEndpoints)} the real {@code curl} runs instead,
 *       against HTTP stand-ins on 127.0.0.1 that check each request's SigV4 signature.
 *   <li>The boot script's second part (waiting for the agent, signalling CloudFormation) runs in
 *       the background after the user data ends; {@link #run(Path)} waits for it too.
 * </ul>
 *
 * <p>Each {@link #run(Path)} rebuilds the stand-ins, responses and call records in the directory
 * but keeps its {@code etc/ecs/ecs.config} and state directory, so running twice in one directory
 * is a reboot-style second run. Not thread-safe; one harness per test.
 */
public final class BootScriptHarness {

  /** What the {@code curl} stand-in serves, told apart by URL; {@code aws s3 cp} serves {@link #S3_OBJECT}. */
  public enum Endpoint {
    /** {@code PUT /latest/api/token}. */
    IMDS_TOKEN,
    /** {@code GET /latest/meta-data/iam/security-credentials/}: the role name. */
    IMDS_ROLE,
    /** {@code GET /latest/meta-data/iam/security-credentials/<role>}: the credentials JSON. */
    IMDS_CREDENTIALS,
    /** {@code GET /latest/meta-data/instance-id}. */
    IMDS_INSTANCE_ID,
    /** {@code GET http://localhost:51678/v1/metadata}: the ECS agent's introspection. */
    AGENT_METADATA,
    /** {@code POST https://cloudformation.<region>.amazonaws.com/} (and {@code aws cloudformation signal-resource}). */
    CLOUDFORMATION,
    /** Any other URL: the {@code ecs.config} object. */
    S3_OBJECT
  }

  /**
   * One scripted answer. Status {@code 0} means no HTTP answer at all (curl exit 28, a timeout);
   * {@code 4xx}/{@code 5xx} make {@code curl --fail} exit 22 and {@code aws s3 cp} exit 1.
   */
  public record Response(int status, String body) {
    public static Response ok(String body) {
      return new Response(200, body);
    }

    public static Response httpError(int status) {
      return new Response(status, "<Error><Code>" + status + "</Code></Error>");
    }

    public static Response connectionTimeout() {
      return new Response(0, "");
    }

    /** The agent's introspection after it registered into {@code cluster}, as the agent writes it. */
    public static Response agentRegistered(String cluster) {
      return ok("{\"Cluster\":\"" + cluster + "\",\"ContainerInstanceArn\":\"" + containerInstanceArn(cluster)
          + "\",\"Version\":\"Amazon ECS Agent - v1.97.0 (a1b2c3d4)\"}");
    }

    /** The agent's introspection while it is still registering: no container instance ARN yet. */
    public static Response agentNotRegistered(String cluster) {
      return ok("{\"Cluster\":\"" + cluster + "\",\"ContainerInstanceArn\":null,"
          + "\"Version\":\"Amazon ECS Agent - v1.97.0 (a1b2c3d4)\"}");
    }

    /** CloudFormation took the signal. */
    public static Response signalAccepted() {
      return ok("<SignalResourceResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\">"
          + "<ResponseMetadata><RequestId>5a1b2c3d-0000-4000-8000-000000000000</RequestId></ResponseMetadata>"
          + "</SignalResourceResponse>");
    }

    /** A CloudFormation Query API error, e.g. 400 {@code Throttling} or {@code ValidationError}. */
    public static Response cloudFormationError(int status, String code, String message) {
      return new Response(status, "<ErrorResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\">"
          + "<Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + message + "</Message></Error>"
          + "<RequestId>5a1b2c3d-0000-4000-8000-000000000001</RequestId></ErrorResponse>");
    }
  }

  /** The container instance ARN the stand-in agent reports for {@code cluster} (long ARN format). */
  public static String containerInstanceArn(String cluster) {
    return "arn:aws:ecs:eu-west-1:111111111111:container-instance/" + cluster + "/0f1e2d3c4b5a69788695a4b3c2d1e0f9";
  }

  public static final String ROLE = "deep-dive-dev-instance-role";
  public static final String ACCESS_KEY_ID = "ASIAEXAMPLEACCESSKEY";
  public static final String SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  public static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjEXAMPLE/session+token==";
  public static final String IMDS_TOKEN = "AQAEAExampleImdsV2Token==";
  public static final String INSTANCE_ID = "i-0123456789abcdef0";

  /** Real tools linked into the sandbox's PATH: all part of every ECS-optimized AMI. */
  private static final List<String> AMI_TOOLS = List.of(
      "basename", "cat", "chmod", "cp", "cut", "date", "dirname", "env", "grep", "head", "id", "ln",
      "ls", "mkdir", "mktemp", "mv", "rm", "rmdir", "sed", "sha256sum", "sort", "stat", "tail", "tee", "touch",
      "tr", "uniq", "wc");

  private static final List<String> RECORDING_STAND_INS =
      List.of("systemctl", "shutdown", "sleep", "logger", "iptables", "service");

  private static final String CONFIG_PATH = "/etc/ecs/ecs.config";
  private static final String JOIN_PID = "cluster-join.pid";
  private static final String JOIN_LOG = "cluster-join.log";
  private static final long TIMEOUT_SECONDS = 60;

  private final String userData;
  private final Map<Endpoint, List<Response>> responses = new EnumMap<>(Endpoint.class);
  private final Set<String> extraStandIns = new LinkedHashSet<>();
  private boolean awsCli;
  private String curlVersion = "8.5.0";
  private String existingEcsConfig;
  private LocalAwsEndpoints localEndpoints;

  private BootScriptHarness(String userData) {
    this.userData = userData;
    responses.put(Endpoint.IMDS_TOKEN, List.of(Response.ok(IMDS_TOKEN)));
    responses.put(Endpoint.IMDS_ROLE, List.of(Response.ok(ROLE)));
    responses.put(Endpoint.IMDS_CREDENTIALS, List.of(Response.ok(credentialsJson())));
    responses.put(Endpoint.IMDS_INSTANCE_ID, List.of(Response.ok(INSTANCE_ID)));
    responses.put(Endpoint.AGENT_METADATA, List.of(Response.agentRegistered(clusterNamedIn(userData))));
    responses.put(Endpoint.CLOUDFORMATION, List.of(Response.signalAccepted()));
    responses.put(Endpoint.S3_OBJECT, List.of(Response.httpError(404)));
  }

  /** By default the stand-in agent registers into the cluster the boot script names. */
  private static String clusterNamedIn(String userData) {
    java.util.regex.Matcher cluster = java.util.regex.Pattern.compile("readonly cluster=\"([^\"]*)\"")
        .matcher(userData);
    return cluster.find() ? cluster.group(1) : "default";
  }

  /** @param userData the complete user data as EC2 would run it, {@code #!/bin/bash} first */
  public static BootScriptHarness forUserData(String userData) {
    if (userData == null || !userData.startsWith("#!")) {
      throw new IllegalArgumentException("user data must start with a shebang such as #!/bin/bash");
    }
    return new BootScriptHarness(userData);
  }

  /** Serves {@code body} as the ecs.config object on every request (the default is HTTP 404). */
  public BootScriptHarness withS3Object(String body) {
    return respond(Endpoint.S3_OBJECT, Response.ok(body));
  }

  /** Serves these responses in order; the last one is repeated for any further request. */
  public BootScriptHarness respond(Endpoint endpoint, Response... inOrder) {
    if (inOrder.length == 0) {
      throw new IllegalArgumentException("give at least one response for " + endpoint);
    }
    responses.put(endpoint, List.of(inOrder));
    return this;
  }

  /**
   * Runs the real {@code curl} (7.86.0 or later must be installed) against {@code endpoints} on 127.0.0.1
   * instead of the {@code curl} stand-in; the {@link #respond} answers then do not apply.
   */
  public BootScriptHarness withLocalEndpoints(LocalAwsEndpoints endpoints) {
    localEndpoints = endpoints;
    return this;
  }

  /** Puts an {@code aws} stand-in on PATH, as on AL2 AMIs. */
  public BootScriptHarness withAwsCli() {
    awsCli = true;
    return this;
  }

  /** The version {@code curl --version} reports (default 8.5.0, as on AL2023). */
  public BootScriptHarness withCurlVersion(String version) {
    curlVersion = version;
    return this;
  }

  /** Writes this content to ecs.config before the run, as the AMI or an earlier step would. */
  public BootScriptHarness withExistingEcsConfig(String content) {
    existingEcsConfig = content;
    return this;
  }

  /** Adds a stand-in that records its calls and succeeds, for another command the user data runs. */
  public BootScriptHarness withStandIn(String command) {
    if (!command.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("not a command name: '" + command + "'");
    }
    extraStandIns.add(command);
    return this;
  }

  /** The credentials JSON the instance metadata serves by default, shaped like the real one. */
  public static String credentialsJson() {
    return """
        {
          "Code" : "Success",
          "LastUpdated" : "2026-01-01T00:00:00Z",
          "Type" : "AWS-HMAC",
          "AccessKeyId" : "%s",
          "SecretAccessKey" : "%s",
          "Token" : "%s",
          "Expiration" : "2026-01-01T06:00:00Z"
        }
        """.formatted(ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN);
  }

  /** Runs the user data in {@code workDir} (created if needed) and waits for it to end. */
  public BootRun run(Path workDir) {
    try {
      Sandbox sandbox = new Sandbox(workDir.toAbsolutePath());
      prepare(sandbox);
      Path script = sandbox.root.resolve("user-data.sh");
      write(script, userData.replace(CONFIG_PATH, sandbox.configFile().toString()));
      Path stdout = sandbox.root.resolve("stdout.txt");
      Path stderr = sandbox.root.resolve("stderr.txt");
      ProcessBuilder builder = new ProcessBuilder("/bin/bash", script.toString())
          .directory(sandbox.root.toFile())
          .redirectInput(new File("/dev/null"))
          .redirectOutput(stdout.toFile())
          .redirectError(stderr.toFile());
      Map<String, String> env = builder.environment();
      env.clear();
      env.put("PATH", sandbox.bin().toString());
      env.put("HOME", sandbox.root.toString());
      env.put("LANG", "C.UTF-8");
      env.put("ECS_CONFIG_FILE", sandbox.configFile().toString());
      env.put("ECS_CONFIG_STATE_DIR", sandbox.stateDir().toString());
      env.put("ECS_CONFIG_CONSOLE", sandbox.console().toString());
      if (localEndpoints != null) {
        env.putAll(localEndpoints.environment());
      }
      Process process = builder.start();
      try {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException("user data still running after " + TIMEOUT_SECONDS + " s in " + sandbox.root);
        }
        awaitBackgroundPart(sandbox);
      } finally {
        // The links to real tools point outside the sandbox; JUnit's @TempDir cleanup warns about them.
        deleteRecursively(sandbox.bin());
      }
      return new BootRun(process.exitValue(), Files.readString(stdout), Files.readString(stderr),
          Files.readString(sandbox.console()), readIfExists(sandbox.configFile()),
          readIfExists(sandbox.stateDir().resolve("FAILED")),
          readIfExists(sandbox.stateDir().resolve("ecs.config.rejected")),
          readIfExists(sandbox.stateDir().resolve(JOIN_LOG)), readCalls(sandbox), sandbox.root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the user data ran", e);
    }
  }

  /** The boot script's background part writes its pid here when it starts; it runs on after the user data. */
  private static void awaitBackgroundPart(Sandbox sandbox) throws IOException, InterruptedException {
    Path pidFile = sandbox.stateDir().resolve(JOIN_PID);
    if (!Files.exists(pidFile)) {
      return;
    }
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    Optional<ProcessHandle> part = ProcessHandle.of(pid);
    if (part.isPresent()) {
      try {
        part.get().onExit().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        part.get().destroyForcibly();
        throw new IllegalStateException("the boot script's background part (pid " + pid + ") still ran after "
            + TIMEOUT_SECONDS + " s in " + sandbox.root, e);
      }
    }
  }

  private void prepare(Sandbox sandbox) throws IOException {
    for (Path dir : List.of(sandbox.bin(), sandbox.calls(), sandbox.responses(), sandbox.harness())) {
      deleteRecursively(dir);
      Files.createDirectories(dir);
    }
    Files.createDirectories(sandbox.configFile().getParent());
    Files.deleteIfExists(sandbox.stateDir().resolve(JOIN_PID));
    Files.deleteIfExists(sandbox.stateDir().resolve(JOIN_LOG));
    write(sandbox.console(), "");
    if (existingEcsConfig != null) {
      write(sandbox.configFile(), existingEcsConfig);
    }
    for (String tool : AMI_TOOLS) {
      Path real = Stream.of("/usr/bin", "/bin").map(dir -> Path.of(dir, tool)).filter(Files::isExecutable)
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("this machine lacks " + tool + ", which every ECS AMI has"));
      Files.createSymbolicLink(sandbox.bin().resolve(tool), real);
    }
    for (Map.Entry<Endpoint, List<Response>> entry : responses.entrySet()) {
      Path dir = Files.createDirectories(sandbox.responses().resolve(entry.getKey().name()));
      List<Response> list = entry.getValue();
      for (int i = 0; i < list.size(); i++) {
        write(dir.resolve((i + 1) + ".status"), String.format("%03d", list.get(i).status()));
        write(dir.resolve((i + 1) + ".body"), list.get(i).body());
      }
      write(dir.resolve("total"), Integer.toString(list.size()));
    }
    write(sandbox.harness().resolve("lib.sh"), StandIns.library(sandbox.calls(), sandbox.responses()));
    if (localEndpoints != null) {
      Path curl = Stream.of("/usr/bin/curl", "/bin/curl").map(Path::of).filter(Files::isExecutable).findFirst()
          .orElseThrow(() -> new IllegalStateException("install curl 7.86.0 or later: apt-get install -y curl"));
      Files.createSymbolicLink(sandbox.bin().resolve("curl"), curl);
    } else {
      writeExecutable(sandbox.bin().resolve("curl"), StandIns.curl(sandbox.harness(), curlVersion));
    }
    if (awsCli) {
      writeExecutable(sandbox.bin().resolve("aws"), StandIns.aws(sandbox.harness()));
    }
    writeExecutable(sandbox.bin().resolve("sudo"), StandIns.sudo(sandbox.harness()));
    Set<String> recording = new LinkedHashSet<>(RECORDING_STAND_INS);
    recording.addAll(extraStandIns);
    for (String command : recording) {
      writeExecutable(sandbox.bin().resolve(command), StandIns.recordOnly(sandbox.harness(), command));
    }
  }

  private static List<Call> readCalls(Sandbox sandbox) throws IOException {
    List<Call> calls = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(sandbox.calls())) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        String rawArgs = Files.readString(dir.resolve("args"));
        List<String> args = rawArgs.isEmpty()
            ? List.of()
            : List.of(rawArgs.substring(0, rawArgs.length() - 1).split("\0", -1));
        calls.add(new Call(Files.readString(dir.resolve("tool")), args,
            readIfExists(dir.resolve("stdin")).orElse("")));
      }
    }
    return List.copyOf(calls);
  }

  private static Optional<String> readIfExists(Path file) throws IOException {
    return Files.exists(file) ? Optional.of(Files.readString(file)) : Optional.empty();
  }

  private static void write(Path file, String content) throws IOException {
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private static void writeExecutable(Path file, String content) throws IOException {
    write(file, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private record Sandbox(Path root) {
    Path bin() { return root.resolve("bin"); }
    Path calls() { return root.resolve("calls"); }
    Path responses() { return root.resolve("responses"); }
    Path harness() { return root.resolve("harness"); }
    Path configFile() { return root.resolve("etc/ecs/ecs.config"); }
    Path stateDir() { return root.resolve("var/lib/ecs-config"); }
    Path console() { return root.resolve("console"); }
  }
}

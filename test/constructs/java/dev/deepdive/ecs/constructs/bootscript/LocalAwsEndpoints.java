package dev.deepdive.ecs.constructs.bootscript;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.deepdive.ecs.constructs.bootscript.BootScriptHarness.Endpoint;
import dev.deepdive.ecs.constructs.bootscript.BootScriptHarness.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HTTP stand-ins on 127.0.0.1 for what the boot script talks to, for runs with the real {@code curl}: instance
 * metadata (IMDSv2, answering only requests with the token it issued), the S3 object, the ECS agent's
 * introspection endpoint and CloudFormation's Query API. The S3 and CloudFormation stand-ins check each request's
 * AWS Signature Version 4 the way AWS does, with the instance profile credentials of {@link BootScriptHarness},
 * and require the session token header to be signed; a request that fails the check gets 403
 * {@code SignatureDoesNotMatch} and is recorded with the reason.
 *
 * <p>Answers come in order per endpoint, the last one repeating (as in {@link BootScriptHarness#respond}); a
 * response with status 0 closes the connection without an answer. One instance per test; close it after.
 */
public final class LocalAwsEndpoints implements AutoCloseable {

  /**
   * One request that reached an endpoint.
   *
   * @param endpoint which stand-in answered
   * @param method the HTTP method
   * @param path the request path
   * @param form the decoded form fields of a CloudFormation request, in order; empty for others
   * @param signedHeaders the SigV4 SignedHeaders list, empty for unsigned requests
   * @param signatureProblem why the signature was refused; empty when it was valid or not required
   */
  public record Request(Endpoint endpoint, String method, String path, Map<String, String> form,
      List<String> signedHeaders, Optional<String> signatureProblem) {}

  private static final Pattern AUTHORIZATION = Pattern.compile(
      "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request,\\s*SignedHeaders=([^,]+),"
          + "\\s*Signature=([0-9a-f]{64})");

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final String region;
  private final Map<Endpoint, List<Response>> responses = new EnumMap<>(Endpoint.class);
  private final Map<Endpoint, Integer> served = new EnumMap<>(Endpoint.class);
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

  /** Starts the stand-ins; the agent answers as registered into {@code cluster}, CloudFormation accepts. */
  public LocalAwsEndpoints(String region, String cluster) {
    this.region = region;
    responses.put(Endpoint.IMDS_TOKEN, List.of(Response.ok(BootScriptHarness.IMDS_TOKEN)));
    responses.put(Endpoint.IMDS_ROLE, List.of(Response.ok(BootScriptHarness.ROLE)));
    responses.put(Endpoint.IMDS_CREDENTIALS, List.of(Response.ok(BootScriptHarness.credentialsJson())));
    responses.put(Endpoint.IMDS_INSTANCE_ID, List.of(Response.ok(BootScriptHarness.INSTANCE_ID)));
    responses.put(Endpoint.AGENT_METADATA, List.of(Response.agentRegistered(cluster)));
    responses.put(Endpoint.CLOUDFORMATION, List.of(Response.signalAccepted()));
    responses.put(Endpoint.S3_OBJECT, List.of(Response.httpError(404)));
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Serves these responses in order; the last one is repeated for any further request. */
  public synchronized LocalAwsEndpoints respond(Endpoint endpoint, Response... inOrder) {
    responses.put(endpoint, List.of(inOrder));
    served.remove(endpoint);
    return this;
  }

  /** The environment variables that point the boot script here. */
  Map<String, String> environment() {
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    return Map.of(
        "ECS_CONFIG_IMDS_URL", base,
        "ECS_CONFIG_S3_BASE_URL", base + "/s3",
        "ECS_AGENT_INTROSPECTION_URL", base,
        "ECS_CLOUDFORMATION_URL", base + "/cloudformation");
  }

  /** Every request so far, in order of arrival. */
  public List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** The requests one endpoint received. */
  public List<Request> requestsTo(Endpoint endpoint) {
    return requests().stream().filter(request -> request.endpoint() == endpoint).toList();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      byte[] body = exchange.getRequestBody().readAllBytes();
      Endpoint endpoint = endpointOf(exchange.getRequestMethod(), path);
      Optional<String> signatureProblem = Optional.empty();
      List<String> signedHeaders = List.of();
      Map<String, String> form = Map.of();
      if (endpoint == Endpoint.S3_OBJECT || endpoint == Endpoint.CLOUDFORMATION) {
        String service = endpoint == Endpoint.S3_OBJECT ? "s3" : "cloudformation";
        String authorization = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")).orElse("");
        Matcher auth = AUTHORIZATION.matcher(authorization);
        signedHeaders = auth.matches() ? List.of(auth.group(5).split(";")) : List.of();
        signatureProblem = signatureProblem(exchange, path, body, service, auth);
        if (endpoint == Endpoint.CLOUDFORMATION) {
          form = form(new String(body, StandardCharsets.UTF_8));
        }
      }
      requests.add(new Request(endpoint, exchange.getRequestMethod(), path, form, signedHeaders, signatureProblem));
      if (signatureProblem.isPresent()) {
        send(exchange, Response.cloudFormationError(403, "SignatureDoesNotMatch", signatureProblem.get()));
        return;
      }
      if ((endpoint == Endpoint.IMDS_ROLE || endpoint == Endpoint.IMDS_CREDENTIALS
          || endpoint == Endpoint.IMDS_INSTANCE_ID)
          && !BootScriptHarness.IMDS_TOKEN.equals(exchange.getRequestHeaders().getFirst("X-aws-ec2-metadata-token"))) {
        send(exchange, new Response(401, ""));
        return;
      }
      send(exchange, next(endpoint));
    }
  }

  private static Endpoint endpointOf(String method, String path) {
    if (path.equals("/latest/api/token") && method.equals("PUT")) {
      return Endpoint.IMDS_TOKEN;
    }
    if (path.equals("/latest/meta-data/iam/security-credentials/")) {
      return Endpoint.IMDS_ROLE;
    }
    if (path.startsWith("/latest/meta-data/iam/security-credentials/")) {
      return Endpoint.IMDS_CREDENTIALS;
    }
    if (path.equals("/latest/meta-data/instance-id")) {
      return Endpoint.IMDS_INSTANCE_ID;
    }
    if (path.equals("/v1/metadata")) {
      return Endpoint.AGENT_METADATA;
    }
    if (path.startsWith("/cloudformation")) {
      return Endpoint.CLOUDFORMATION;
    }
    return Endpoint.S3_OBJECT;
  }

  private synchronized Response next(Endpoint endpoint) {
    List<Response> list = responses.get(endpoint);
    int index = served.merge(endpoint, 1, Integer::sum);
    return list.get(Math.min(index, list.size()) - 1);
  }

  private static void send(HttpExchange exchange, Response response) throws IOException {
    if (response.status() == 0) {
      return; // closed without an answer: curl reports an empty reply
    }
    byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return Collections.unmodifiableMap(fields);
  }

  /**
   * AWS Signature Version 4, recomputed from the request as received
   * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html).
   */
  private Optional<String> signatureProblem(HttpExchange exchange, String path, byte[] body, String service,
      Matcher auth) {
    if (!auth.matches()) {
      return Optional.of("no SigV4 Authorization header");
    }
    if (!auth.group(1).equals(BootScriptHarness.ACCESS_KEY_ID)) {
      return Optional.of("signed with access key " + auth.group(1));
    }
    if (!auth.group(3).equals(region) || !auth.group(4).equals(service)) {
      return Optional.of("signed for " + auth.group(3) + "/" + auth.group(4) + ", expected " + region + "/" + service);
    }
    List<String> signed = List.of(auth.group(5).split(";"));
    for (String required : List.of("host", "x-amz-date", "x-amz-security-token")) {
      if (!signed.contains(required)) {
        return Optional.of("the header " + required + " is not signed (SignedHeaders=" + auth.group(5) + ")");
      }
    }
    String token = exchange.getRequestHeaders().getFirst("x-amz-security-token");
    if (!BootScriptHarness.SESSION_TOKEN.equals(token)) {
      return Optional.of("the session token is missing or wrong");
    }
    String amzDate = Optional.ofNullable(exchange.getRequestHeaders().getFirst("x-amz-date")).orElse("");
    if (!amzDate.startsWith(auth.group(2))) {
      return Optional.of("x-amz-date " + amzDate + " does not match the credential date " + auth.group(2));
    }
    String bodyHash = hex(sha256(body));
    String payloadHash = Optional.ofNullable(exchange.getRequestHeaders().getFirst("x-amz-content-sha256"))
        .orElse(bodyHash);
    if (!payloadHash.equals(bodyHash)) {
      return Optional.of("x-amz-content-sha256 " + payloadHash + " is not the hash of the body");
    }
    StringBuilder canonical = new StringBuilder()
        .append(exchange.getRequestMethod()).append('\n')
        .append(path).append('\n')
        .append(Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("")).append('\n');
    for (String header : signed) {
      List<String> values = exchange.getRequestHeaders().get(header);
      if (values == null) {
        return Optional.of("the signed header " + header + " is not in the request");
      }
      canonical.append(header).append(':').append(String.join(",", values).strip().replaceAll(" +", " "))
          .append('\n');
    }
    canonical.append('\n').append(auth.group(5)).append('\n').append(payloadHash);
    String scope = auth.group(2) + "/" + region + "/" + service + "/aws4_request";
    String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
        + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    byte[] key = ("AWS4" + BootScriptHarness.SECRET_ACCESS_KEY).getBytes(StandardCharsets.UTF_8);
    for (String part : List.of(auth.group(2), region, service, "aws4_request")) {
      key = hmac(key, part);
    }
    String expected = hex(hmac(key, stringToSign));
    return expected.equals(auth.group(6))
        ? Optional.empty()
        : Optional.of("the signature does not match the canonical request:\n" + canonical);
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}

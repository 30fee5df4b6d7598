package dev.deepdive.ecs.app.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses a file as exactly one JSON value: standard JSON only (no comments, no single quotes, no NaN),
 * no field twice in one object, nothing after the value.
 *
 * <p>Jackson keeps the last of two equal keys by default; a config file where the second
 * {@code "maxSize"} silently wins is worse than one that fails, so duplicates are errors here.
 */
final class StrictJson {
  private static final ObjectMapper MAPPER = new ObjectMapper(
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

  /** Jackson appends where an unclosed object started, with a source description that means nothing here. */
  private static final Pattern START_MARKER = Pattern.compile(
      "\\(start marker at \\[Source: [^;]*; line: (\\d+), column: (\\d+)\\]\\)");
  /** Jackson's hints name Java settings of the parser, which a user cannot change. */
  private static final Pattern JAVA_HINT = Pattern.compile(
      ": enable `[^`]*` to allow|\\s*\\(not recognized as one since Feature '[A-Z_]+' not enabled for parser\\)");

  private StrictJson() {}

  /** The parsed value, or empty after reporting why the bytes are not one strict JSON value. */
  static Optional<JsonNode> parse(byte[] content, Problems problems) {
    try (JsonParser parser = MAPPER.createParser(content)) {
      JsonNode root = MAPPER.readTree(parser);
      if (root == null) {
        problems.file("file is empty; expected a JSON object such as {\"name\": ...}");
        return Optional.empty();
      }
      if (parser.nextToken() != null) {
        JsonLocation at = parser.currentTokenLocation();
        problems.file(where(at) + "malformed JSON: unexpected content after the end of the top-level value;"
            + " a file holds exactly one JSON object");
        return Optional.empty();
      }
      return Optional.of(root);
    } catch (JsonProcessingException e) {
      problems.file(describe(e));
      return Optional.empty();
    } catch (IOException e) {
      problems.file("cannot read: " + e.getMessage());
      return Optional.empty();
    }
  }

  private static String describe(JsonProcessingException e) {
    String reason = e.getOriginalMessage();
    if (reason.startsWith("Duplicate field ") && e.getProcessor() instanceof JsonParser parser) {
      JsonPath path = pathOf(parser.getParsingContext());
      return path + ": field appears more than once (again on line " + e.getLocation().getLineNr()
          + "); give each field once, otherwise one value would silently win";
    }
    String shortReason = JAVA_HINT.matcher(
        START_MARKER.matcher(firstLine(reason)).replaceAll("(opened at line $1, column $2)")).replaceAll("");
    return where(e.getLocation()) + "malformed JSON: " + shortReason;
  }

  private static String where(JsonLocation at) {
    return at == null || at.getLineNr() < 1
        ? ""
        : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  private static JsonPath pathOf(JsonStreamContext context) {
    Deque<JsonStreamContext> chain = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      chain.push(c);
    }
    JsonPath path = JsonPath.root();
    for (JsonStreamContext c : chain) {
      if (c.inArray()) {
        path = path.index(Math.max(c.getCurrentIndex(), 0));
      } else if (c.getCurrentName() != null) {
        path = path.field(c.getCurrentName());
      }
    }
    return path;
  }
}

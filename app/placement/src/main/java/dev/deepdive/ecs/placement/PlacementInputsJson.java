package dev.deepdive.ecs.placement;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Objects;

/**
 * The one JSON form of an {@link EnvironmentInput}: the CDK app writes it into the cloud assembly at synth (as
 * metadata of {@link #METADATA_TYPE} on each environment's Cluster stack, so it lands in the stage's
 * {@code manifest.json} and never in a template), and {@code ecsctl review} reads it back to run the model offline.
 *
 * <p>The document is {@code {"format": 1, "environment": {...}}}: the records' components by name, fields without a
 * value left out. A document of another format is refused with a message to synthesize again, rather than read
 * wrongly.
 */
public final class PlacementInputsJson {
  /** The metadata entry type the CDK app records the inputs under. */
  public static final String METADATA_TYPE = "ecs-on-ec2:placement-inputs";
  /** The format this version writes and reads; raise it when a record changes incompatibly. */
  public static final int FORMAT = 1;

  private static final ObjectMapper JSON = JsonMapper.builder()
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  /** The document as stored. */
  record Document(int format, EnvironmentInput environment) {}

  private PlacementInputsJson() {}

  /** The JSON document of {@code input}, one line. */
  public static String write(EnvironmentInput input) {
    Objects.requireNonNull(input, "input");
    try {
      return JSON.writeValueAsString(new Document(FORMAT, input));
    } catch (JsonProcessingException e) {
      // Only records of strings, numbers, lists and maps are written: failing here is a bug, not bad input.
      throw new IllegalStateException("cannot write the placement inputs as JSON", e);
    }
  }

  /**
   * Reads a document {@link #write} wrote.
   *
   * @throws IllegalArgumentException with a one-line message when it is not such a document or of another format
   */
  public static EnvironmentInput read(String json) {
    Document document;
    try {
      document = JSON.readValue(json, Document.class);
    } catch (JsonProcessingException e) {
      // A record's constructor refuses a missing component with a NullPointerException naming it.
      String reason = e.getCause() instanceof NullPointerException npe && npe.getMessage() != null
          ? "no " + npe.getMessage()
          : e.getOriginalMessage().lines().findFirst().orElse("unreadable");
      throw new IllegalArgumentException("not a placement inputs document (" + reason + "); synthesize again");
    }
    if (document == null || document.format() != FORMAT || document.environment() == null) {
      throw new IllegalArgumentException("placement inputs of format " + (document == null ? "none"
          : document.format()) + ", but this version reads format " + FORMAT + "; synthesize again with this"
          + " version");
    }
    return document.environment();
  }
}

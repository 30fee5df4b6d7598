package dev.deepdive.ecs.ecsctl.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An offline review of a CDK cloud assembly ({@code cdk.out}) for a pull request: per environment, resources by
 * type, IAM permissions by role, internet exposure, ecs.config settings and each ECS service's deployment
 * settings with worst-case deploy and drain times; against an older assembly, what changed, security first.
 *
 * <p>Reads files only: no AWS call, no credentials. The output is deterministic (sorted, no timestamps, no
 * absolute paths), so the same assembly always gives the same report.
 */
public final class AssemblyReview {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  /** The JSON document; fields in this order. {@code against} and {@code changes} only when comparing. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Document(String assembly, String against, AssemblyDiff changes, List<EnvironmentReview> environments) {}

  private final Document document;

  private AssemblyReview(Document document) {
    this.document = document;
  }

  /**
   * Reviews one cloud assembly.
   *
   * @param cdkOut the assembly folder, as the user named it (messages repeat it)
   * @throws ReviewException when the folder is missing, not a cloud assembly, or holds a corrupt file
   */
  public static AssemblyReview read(Path cdkOut) throws ReviewException {
    return read(cdkOut, false);
  }

  /**
   * Reviews one cloud assembly, refusing one older than its sources unless {@code allowStale}.
   *
   * @throws ReviewException when the folder is missing, not a cloud assembly, holds a corrupt file, or (without
   *     {@code allowStale}) is older than the sources its project's cdk.json names
   */
  public static AssemblyReview read(Path cdkOut, boolean allowStale) throws ReviewException {
    CloudAssembly assembly = CloudAssembly.read(cdkOut);
    if (!allowStale) {
      AssemblyFreshness.requireFresh(cdkOut);
    }
    return new AssemblyReview(new Document(assembly.files().name(), null, null, environments(assembly)));
  }

  /**
   * Reviews {@code cdkOut} and what changed since {@code olderCdkOut}.
   *
   * @throws ReviewException when either folder is missing, not a cloud assembly, or holds a corrupt file
   */
  public static AssemblyReview compare(Path cdkOut, Path olderCdkOut) throws ReviewException {
    return compare(cdkOut, olderCdkOut, false);
  }

  /**
   * Reviews {@code cdkOut} and what changed since {@code olderCdkOut}; only {@code cdkOut} must be fresh (the older
   * one was synthesized from other sources on purpose).
   *
   * @throws ReviewException as {@link #read(Path, boolean)}, for either folder
   */
  public static AssemblyReview compare(Path cdkOut, Path olderCdkOut, boolean allowStale) throws ReviewException {
    CloudAssembly newer = CloudAssembly.read(cdkOut);
    if (!allowStale) {
      AssemblyFreshness.requireFresh(cdkOut);
    }
    CloudAssembly older = CloudAssembly.read(olderCdkOut);
    List<EnvironmentReview> newerReviews = environments(newer);
    AssemblyDiff changes = AssemblyDiff.of(newer, newerReviews, older, environments(older));
    return new AssemblyReview(new Document(newer.files().name(), older.files().name(), changes, newerReviews));
  }

  /** The review as GitHub-flavoured Markdown, one section per environment (changes first when comparing). */
  public String toMarkdown() {
    return MarkdownReport.render(document.assembly(), document.against(), document.changes(),
        document.environments());
  }

  /** The same content as one JSON document, fields in a fixed order. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(document) + "\n";
    } catch (JsonProcessingException e) {
      // Only records of strings, numbers and lists are written: failing here is a bug, not a user error.
      throw new IllegalStateException("cannot write the review as JSON", e);
    }
  }

  private static List<EnvironmentReview> environments(CloudAssembly assembly) throws ReviewException {
    SortedMap<String, List<CloudAssembly.Stack>> byEnvironment =
        new TreeMap<>(EnvironmentReview.NAME_ORDER);
    for (CloudAssembly.Stack stack : assembly.stacks()) {
      byEnvironment.computeIfAbsent(stack.environment(), e -> new ArrayList<>()).add(stack);
    }
    List<EnvironmentReview> reviews = new ArrayList<>();
    for (Map.Entry<String, List<CloudAssembly.Stack>> environment : byEnvironment.entrySet()) {
      reviews.add(EnvironmentReview.of(environment.getKey(), environment.getValue(), assembly.files()));
    }
    return List.copyOf(reviews);
  }
}

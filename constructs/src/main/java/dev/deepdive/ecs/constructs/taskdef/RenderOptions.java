package dev.deepdive.ecs.constructs.taskdef;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Additions the caller makes when rendering a task definition for CloudFormation.
 *
 * @param imageResolver           applied to every container's image, e.g. to turn an ECR placeholder into a
 *                                repository URI token; {@link UnaryOperator#identity()} by default
 * @param defaultLogConfiguration a logConfiguration in API shape ({@code logDriver}, {@code options}, ...) given
 *                                to containers whose file has none; empty by default (nothing added)
 */
public record RenderOptions(UnaryOperator<String> imageResolver, Optional<Map<String, Object>> defaultLogConfiguration) {

  /** Images as written, no log configuration added. */
  public static final RenderOptions NONE = new RenderOptions(UnaryOperator.identity(), Optional.empty());

  public RenderOptions {
    Objects.requireNonNull(imageResolver, "imageResolver");
    // Keep the caller's order: Map.copyOf iterates differently on every JVM, and the template must not change.
    defaultLogConfiguration = Objects.requireNonNull(defaultLogConfiguration, "defaultLogConfiguration")
        .map(m -> Collections.unmodifiableMap(new LinkedHashMap<>(m)));
  }

  public RenderOptions withImageResolver(UnaryOperator<String> resolver) {
    return new RenderOptions(resolver, defaultLogConfiguration);
  }

  public RenderOptions withDefaultLogConfiguration(Map<String, Object> logConfiguration) {
    return new RenderOptions(imageResolver, Optional.of(logConfiguration));
  }
}

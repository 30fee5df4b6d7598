package dev.deepdive.ecs.app.config;

import java.util.Objects;

/**
 * A private ECR repository the environment asks for (scan on push, immutable tags, a lifecycle rule).
 *
 * @param name the repository's short name, e.g. {@code web} or {@code team/web}; the key in
 *     {@code ecrRepositories}
 * @param keepImages how many of the newest images the lifecycle rule keeps, 1 to 10000; default
 *     {@link ConfigDefaults#ECR_KEEP_IMAGES}
 */
public record EcrRepositoryConfig(String name, int keepImages) {
  public EcrRepositoryConfig {
    Objects.requireNonNull(name, "name");
  }
}

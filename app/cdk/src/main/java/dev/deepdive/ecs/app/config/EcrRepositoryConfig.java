package dev.deepdive.ecs.app.config;

/**
 * The settings of a private ECR repository the environment asks for (scan on push, immutable tags, a lifecycle
 * rule): a value of {@code ecrRepositories}, whose key is the repository's short name.
 *
 * @param keepImages how many of the newest images the lifecycle rule keeps, 1 to 10000; default 20
 */
public record EcrRepositoryConfig(int keepImages) {}

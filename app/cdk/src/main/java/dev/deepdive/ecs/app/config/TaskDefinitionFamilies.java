package dev.deepdive.ecs.app.config;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How an environment names the task definition families of its services ({@code taskDefinitionFamilies}).
 *
 * <p>A family is an account's and region's namespace for revisions, not an environment's: two environments deployed
 * to one account and region that ran {@code web.json} as written would register revisions of one family {@code web},
 * interleaved, and {@code ecsctl task-definitions prune --family web} in one would deregister the other's. Hence the
 * environment's name in front by default.
 */
public enum TaskDefinitionFamilies {
  /** {@code <environment>-<family of the file>}, e.g. {@code qa-web}: the default. */
  PER_ENVIRONMENT("perEnvironment"),
  /** The file's family as written, for an environment with an account and region of its own. */
  AS_WRITTEN("asWritten");

  private final String jsonName;

  TaskDefinitionFamilies(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The value written in environment files (also how the file is bound). */
  @JsonValue
  public String jsonName() {
    return jsonName;
  }

  /** The family an environment registers a task definition file's revisions under. */
  public String family(String environment, String fileFamily) {
    return this == PER_ENVIRONMENT ? environment + "-" + fileFamily : fileFamily;
  }
}

package dev.deepdive.ecs.constructs.taskdef;

import java.util.Locale;

/** A task's Docker network mode. On EC2 a task definition without {@code networkMode} gets {@link #BRIDGE}. */
public enum NetworkMode {
  BRIDGE,
  HOST,
  AWSVPC,
  NONE;

  /** The spelling in task definition JSON: {@code bridge}, {@code host}, {@code awsvpc}, {@code none}. */
  public String apiValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  static NetworkMode fromApiValue(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }

  /** In these modes the container's port is the host's (or the ENI's) port: hostPort can only repeat it. */
  boolean hostPortIsContainerPort() {
    return this == HOST || this == AWSVPC;
  }
}

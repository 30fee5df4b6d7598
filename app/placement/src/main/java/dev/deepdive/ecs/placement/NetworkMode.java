package dev.deepdive.ecs.placement;

import java.util.Locale;

/**
 * A task's Docker network mode; on EC2 a task definition without {@code networkMode} gets {@link #BRIDGE}. It decides what a task takes from its container instance besides CPU and
 * memory (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking.html).
 */
public enum NetworkMode {
  /** The EC2 default: static host ports are the instance's, dynamic ones (hostPort 0) are assigned per task. */
  BRIDGE,
  /** Every mapped container port is the instance's port. */
  HOST,
  /** Each task gets its own network interface; its ports are the interface's, not the instance's. */
  AWSVPC,
  /** No networking. */
  NONE;

  /** The spelling in task definition JSON: {@code bridge}, {@code host}, {@code awsvpc}, {@code none}. */
  public String apiValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The mode spelled as in task definition JSON.
   *
   * @throws IllegalArgumentException for any other spelling
   */
  public static NetworkMode fromApiValue(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }

  /** In these modes the container's port is the host's (or the ENI's) port: hostPort can only repeat it. */
  public boolean hostPortIsContainerPort() {
    return this == HOST || this == AWSVPC;
  }
}

package dev.deepdive.ecs.constructs.taskdef;

/**
 * A port a container of the task declares, as the services layer needs it to attach a load balancer target.
 *
 * @param containerName the container's name
 * @param containerPort the port inside the container
 * @param hostPort      the port on the instance; 0 when Docker picks one from the ephemeral range (bridge
 *                      mode with hostPort 0 or omitted). In host and awsvpc mode it equals containerPort.
 * @param protocol      {@code tcp} or {@code udp}; {@code tcp} when the file leaves it out (the API default)
 */
public record ContainerPort(String containerName, int containerPort, int hostPort, String protocol) {

  /** True when the instance port is dynamic, so the load balancer must reach the ephemeral port range. */
  public boolean dynamicHostPort() {
    return hostPort == 0;
  }
}

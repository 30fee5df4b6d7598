package dev.deepdive.ecs.placement;

/** Why a container instance cannot take one more task of a service, in the order the model checks. */
enum Shortfall {
  /** A memberOf constraint excludes the instance. */
  MEMBER_OF,
  /** distinctInstance: the instance already runs a task of the service. */
  DISTINCT_INSTANCE,
  /** Not enough free CPU units. */
  CPU,
  /** Not enough free memory. */
  MEMORY,
  /** Not enough free GPUs. */
  GPU,
  /** No network interface left for an awsvpc task. */
  ENI,
  /** A static host port of the task is taken on the instance. */
  PORT_TAKEN,
  /** The task's static host ports would take the instance past its 100 reserved ports. */
  PORT_LIMIT
}

package dev.deepdive.ecs.placement;

/**
 * One task in the simulation. Identity matters (a task is stopped by reference), so it is a class.
 */
final class SimulatedTask {
  final ServicePlan service;
  /** True for a task of the deployment being replaced. */
  final boolean old;

  SimulatedTask(ServicePlan service, boolean old) {
    this.service = service;
    this.old = old;
  }
}

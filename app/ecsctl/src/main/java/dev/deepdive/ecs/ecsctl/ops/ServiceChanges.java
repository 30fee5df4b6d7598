package dev.deepdive.ecs.ecsctl.ops;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;

/**
 * The everyday changes to a running service, each one UpdateService call
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html): a new desired count, a
 * forced new deployment (same task definition: new tasks pull a moving image tag again), or another revision
 * of the same family (rollback).
 */
public final class ServiceChanges {
  private final EcsClient ecs;

  public ServiceChanges(EcsClient ecs) {
    this.ecs = Objects.requireNonNull(ecs, "ecs");
  }

  /**
   * What a change did.
   *
   * @param deploymentId the PRIMARY deployment after the call: the one a wait follows
   */
  public record Change(String service, int desiredBefore, int desiredAfter, String taskDefinitionBefore,
      String taskDefinitionAfter, String deploymentId) {}

  /** The service as it is: ACTIVE, or {@link NotFoundException} (ServiceNotFoundException). */
  public Service current(String cluster, String service) {
    Service s = ServiceDescriptions.describe(ecs, cluster, List.of(service)).get(service);
    if (s == null || !"ACTIVE".equals(s.status())) {
      throw new NotFoundException("ServiceNotFoundException", AskedFor.services(cluster, List.of(service)),
          s == null ? null : "it is " + s.status());
    }
    return s;
  }

  /** Sets the desired count. */
  public Change scale(String cluster, String service, int desiredCount) {
    Service before = current(cluster, service);
    return apply(before, UpdateServiceRequest.builder().cluster(cluster).service(service).desiredCount(desiredCount)
        .build());
  }

  /** Starts a new deployment of the same task definition. */
  public Change redeploy(String cluster, String service) {
    Service before = current(cluster, service);
    return apply(before, UpdateServiceRequest.builder().cluster(cluster).service(service).forceNewDeployment(true)
        .build());
  }

  /** Deploys {@code target} (a revision chosen by {@link #planRollback}). */
  public Change deploy(String cluster, String service, TaskDefinitionRef target) {
    Service before = current(cluster, service);
    return apply(before, UpdateServiceRequest.builder().cluster(cluster).service(service)
        .taskDefinition(target.toString()).build());
  }

  /**
   * Where a rollback would go.
   *
   * @param target the revision to deploy; empty when there is none, and {@code problem} says why
   */
  public record RollbackPlan(TaskDefinitionRef current, Optional<TaskDefinitionRef> target, String problem) {}

  /**
   * The revision to roll back to: {@code requested} if given (same family, ACTIVE), else the newest ACTIVE
   * revision of the service's family older than the one it runs. Deregistered (INACTIVE) revisions cannot be
   * deployed (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deregister-task-definition-v2.html).
   */
  public RollbackPlan planRollback(String cluster, String service, Optional<TaskDefinitionRef> requested) {
    TaskDefinitionRef current = TaskDefinitionRef.parse(current(cluster, service).taskDefinition());
    TaskDefinitionLookups lookups = new TaskDefinitionLookups(ecs);
    if (requested.isPresent()) {
      TaskDefinitionRef to = requested.get();
      if (!to.family().equals(current.family())) {
        return new RollbackPlan(current, Optional.empty(), "--to " + to + " is of family '" + to.family()
            + "', but service '" + service + "' runs family '" + current.family()
            + "'; a rollback stays in the family");
      }
      if (to.equals(current)) {
        return new RollbackPlan(current, Optional.empty(), "service '" + service + "' already runs " + current);
      }
      String status = lookups.describe(to.toString()).status();
      if (!"ACTIVE".equals(status)) {
        return new RollbackPlan(current, Optional.empty(), to + " is " + status
            + "; ECS deploys only ACTIVE revisions. See 'ecsctl task-definitions revisions " + to.family() + "'");
      }
      return new RollbackPlan(current, Optional.of(to), null);
    }
    Optional<TaskDefinitionRef> previous = lookups.revisions(current.family(), true).stream()
        .filter(r -> r.revision() < current.revision())
        .findFirst()
        .map(r -> new TaskDefinitionRef(r.family(), r.revision()));
    return new RollbackPlan(current, previous, previous.isPresent() ? null
        : "no ACTIVE revision of family '" + current.family() + "' older than " + current
            + " (older ones were deregistered); name one with --to family:revision");
  }

  private Change apply(Service before, UpdateServiceRequest request) {
    Service after = ecs.updateService(request).service();
    String primary = after.deployments().stream().filter(d -> "PRIMARY".equals(d.status())).map(Deployment::id)
        .findFirst().orElse(null);
    return new Change(before.serviceName(), n(before.desiredCount()), n(after.desiredCount()),
        Arns.lastSegment(before.taskDefinition()), Arns.lastSegment(after.taskDefinition()), primary);
  }

  private static int n(Integer value) {
    return value == null ? 0 : value;
  }
}

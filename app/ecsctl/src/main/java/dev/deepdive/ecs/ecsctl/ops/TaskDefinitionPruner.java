package dev.deepdive.ecs.ecsctl.ops;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;

/**
 * Deregisters task definition revisions: one by name, or all but the newest N of a family.
 * Deregistering is safe for what runs: ECS keeps running tasks and lets services that use an INACTIVE
 * revision scale (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deregister-task-definition-v2.html).
 */
public final class TaskDefinitionPruner {
  private final EcsClient ecs;
  private final TaskDefinitionLookups lookups;

  public TaskDefinitionPruner(EcsClient ecs) {
    this.ecs = ecs;
    this.lookups = new TaskDefinitionLookups(ecs);
  }

  public record Deregistered(String taskDefinition, String arn, String status) {}

  public record PruneFailure(String taskDefinition, String errorCode, String message) {}

  /**
   * @param kept revisions left ACTIVE, newest first
   * @param deregistered revisions deregistered (or, for a dry run, that would be)
   * @param failed revisions whose deregistration failed
   */
  public record PruneResult(String family, int keep, boolean dryRun, List<String> kept, List<String> deregistered,
      List<PruneFailure> failed) {}

  /** Deregisters one revision; an unknown revision fails with TaskDefinitionNotFound. */
  public Deregistered deregister(TaskDefinitionRef ref) {
    try {
      var td = ecs.deregisterTaskDefinition(r -> r.taskDefinition(ref.toString())).taskDefinition();
      return new Deregistered(ref.toString(), td.taskDefinitionArn(), td.statusAsString());
    } catch (ClientException e) {
      throw new NotFoundException("TaskDefinitionNotFound", AskedFor.taskDefinition(ref.toString()),
          "could not be deregistered: " + AwsErrors.message(e));
    }
  }

  /** The ACTIVE revisions of {@code family} split into the newest {@code keep} and the rest. */
  public PruneResult plan(String family, int keep) {
    if (keep < 1) {
      throw new IllegalArgumentException("keep must be at least 1, got " + keep);
    }
    List<TaskDefinitionLookups.Revision> active = lookups.revisions(family, true);
    List<String> kept = active.stream().limit(keep).map(r -> r.family() + ":" + r.revision()).toList();
    List<String> old = active.stream().skip(keep).map(r -> r.family() + ":" + r.revision()).toList();
    return new PruneResult(family, keep, true, kept, old, List.of());
  }

  /** Deregisters what {@link #plan} selected, oldest first; one failure does not stop the others. */
  public PruneResult prune(PruneResult plan) {
    List<String> done = new ArrayList<>();
    List<PruneFailure> failed = new ArrayList<>();
    List<String> oldestFirst = new ArrayList<>(plan.deregistered());
    java.util.Collections.reverse(oldestFirst);
    for (String name : oldestFirst) {
      try {
        ecs.deregisterTaskDefinition(r -> r.taskDefinition(name));
        done.add(name);
      } catch (SdkException e) {
        failed.add(new PruneFailure(name, AwsErrors.code(e), AwsErrors.message(e)));
      }
    }
    return new PruneResult(plan.family(), plan.keep(), false, plan.kept(), done, failed);
  }
}

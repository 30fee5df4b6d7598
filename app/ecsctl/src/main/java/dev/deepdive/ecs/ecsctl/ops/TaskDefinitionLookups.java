package dev.deepdive.ecs.ecsctl.ops;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.SortOrder;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionFamilyStatus;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

/** Task definition look-ups: families, revisions of one family, and one revision in detail. */
public final class TaskDefinitionLookups {
  private final EcsClient ecs;

  public TaskDefinitionLookups(EcsClient ecs) {
    this.ecs = ecs;
  }

  public record Revision(String family, int revision, String arn) {}

  public record ContainerSummary(String name, String image, Integer cpu, Integer memory,
      Integer memoryReservation, Boolean essential) {}

  public record TaskDefinitionDetail(String family, int revision, String arn, String status, String cpu,
      String memory, String networkMode, List<String> requiresCompatibilities, String registeredAt,
      List<ContainerSummary> containers) {}

  /** Family names, sorted; {@code activeOnly} leaves out families whose revisions are all deregistered. */
  public List<String> families(String prefix, boolean activeOnly) {
    List<String> out = new ArrayList<>();
    ecs.listTaskDefinitionFamiliesPaginator(r -> {
      r.status(activeOnly ? TaskDefinitionFamilyStatus.ACTIVE : TaskDefinitionFamilyStatus.ALL);
      if (prefix != null) {
        r.familyPrefix(prefix);
      }
    }).families().forEach(out::add);
    out.sort(String::compareTo);
    return out;
  }

  /**
   * Revisions of exactly {@code family}, newest first. ListTaskDefinitions matches a family <em>prefix</em>
   * ("web" also matches "web-admin"), so other families are filtered out here.
   */
  public List<Revision> revisions(String family, boolean activeOnly) {
    List<Revision> out = new ArrayList<>();
    ecs.listTaskDefinitionsPaginator(r -> r.familyPrefix(family).sort(SortOrder.DESC)
            .status(activeOnly ? TaskDefinitionStatus.ACTIVE : TaskDefinitionStatus.INACTIVE))
        .taskDefinitionArns().forEach(arn -> add(out, family, arn));
    if (!activeOnly) {
      // ListTaskDefinitions takes one status; "all" is ACTIVE plus INACTIVE.
      ecs.listTaskDefinitionsPaginator(r -> r.familyPrefix(family).sort(SortOrder.DESC)
              .status(TaskDefinitionStatus.ACTIVE))
          .taskDefinitionArns().forEach(arn -> add(out, family, arn));
    }
    out.sort(Comparator.comparingInt(Revision::revision).reversed());
    return out;
  }

  private static void add(List<Revision> out, String family, String arn) {
    TaskDefinitionRef ref = TaskDefinitionRef.parse(arn);
    if (ref.family().equals(family)) {
      out.add(new Revision(ref.family(), ref.revision(), arn));
    }
  }

  /** One revision ({@code family:revision}, ARN, or a family alone for its latest ACTIVE revision). */
  public TaskDefinitionDetail describe(String taskDefinition) {
    TaskDefinition td;
    try {
      td = ecs.describeTaskDefinition(r -> r.taskDefinition(taskDefinition)).taskDefinition();
    } catch (ClientException e) {
      // ECS answers an unknown task definition with a generic ClientException; give it a clear code.
      throw new NotFoundException("TaskDefinitionNotFound", AskedFor.taskDefinition(taskDefinition),
          AwsErrors.message(e));
    }
    List<ContainerSummary> containers = td.containerDefinitions().stream()
        .map(TaskDefinitionLookups::container).toList();
    return new TaskDefinitionDetail(td.family(), td.revision() == null ? 0 : td.revision(),
        td.taskDefinitionArn(), td.statusAsString(), td.cpu(), td.memory(), td.networkModeAsString(),
        td.requiresCompatibilitiesAsStrings(), td.registeredAt() == null ? null : td.registeredAt().toString(),
        containers);
  }

  private static ContainerSummary container(ContainerDefinition c) {
    return new ContainerSummary(c.name(), c.image(), c.cpu(), c.memory(), c.memoryReservation(), c.essential());
  }
}

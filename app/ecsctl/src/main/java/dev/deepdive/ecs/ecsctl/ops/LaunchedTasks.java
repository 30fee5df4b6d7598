package dev.deepdive.ecs.ecsctl.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;

/**
 * What RunTask or StartTask did: the tasks ECS accepted (as it described them in the answer) and what it could not
 * place.
 *
 * @param cluster as given
 * @param taskDefinition the revision run, {@code family:revision} (a family alone is resolved to its latest ACTIVE
 *                       revision before launching, so this says exactly what ran)
 * @param essentialContainers the task definition's essential containers, in its order: their exit codes decide
 *                            the run's
 * @param requested tasks asked for: RunTask's count, or StartTask's number of container instances
 * @param tasks the tasks ECS accepted, in its order
 * @param failures placements ECS refused ({@code failures[]} of the answer)
 */
public record LaunchedTasks(String cluster, String taskDefinition, List<String> essentialContainers, int requested,
    List<TaskState> tasks, List<PlacementFailure> failures) {

  public LaunchedTasks {
    essentialContainers = List.copyOf(essentialContainers);
    tasks = List.copyOf(tasks);
    failures = List.copyOf(failures);
  }

  /** Tasks asked for that ECS did not start. */
  public int notPlaced() {
    return Math.max(0, requested - tasks.size());
  }

  /**
   * One entry of RunTask's or StartTask's {@code failures[]}. ECS's reasons are listed at
   * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/api_failures_messages.html.
   *
   * @param arn usually the container instance that was considered
   * @param reason e.g. {@code RESOURCE:MEMORY}, {@code AGENT}, {@code ATTRIBUTE}, {@code MISSING}
   * @param hint what usually fixes it
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PlacementFailure(String arn, String reason, String detail, String hint) {

    public static PlacementFailure of(String arn, String reason, String detail) {
      return new PlacementFailure(arn, reason, detail, hint(reason));
    }

    static String hint(String reason) {
      String r = reason == null ? "" : reason.toUpperCase(Locale.ROOT);
      if (r.startsWith("RESOURCE")) {
        return ServiceDiagnosis.PLACEMENT_HINT;
      }
      if (r.startsWith("AGENT")) {
        return "the ECS agent on that container instance is disconnected: check the instance (ecs-agent logs) or"
            + " run on another one";
      }
      if (r.startsWith("ATTRIBUTE")) {
        return "no container instance has the attributes the task definition requires (placement constraints,"
            + " requiresAttributes)";
      }
      if (r.startsWith("MISSING") || r.startsWith("INACTIVE")) {
        return "no such ACTIVE container instance in this cluster: list them with the AWS console or"
            + " 'aws ecs list-container-instances'";
      }
      return "see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/api_failures_messages.html";
    }
  }
}

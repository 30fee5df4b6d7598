package dev.deepdive.ecs.ecsctl.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * DescribeTasks for any number of tasks, in batches of at most 100 (the API's limit,
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeTasks.html), keyed by the ID or ARN the
 * caller asked for. A task ECS does not know (reason MISSING) is absent from {@link Found#tasks()} and listed in
 * {@link Found#missing()}; ECS forgets stopped tasks about an hour after they stop.
 */
public final class TaskDescriptions {
  /** DescribeTasks accepts at most 100 tasks per call. */
  public static final int BATCH_SIZE = 100;

  private TaskDescriptions() {}

  /** What DescribeTasks returned: tasks by the requested ID or ARN, in request order, and the IDs it did not know. */
  public record Found(Map<String, Task> tasks, List<String> missing) {}

  public static Found describe(EcsClient ecs, String cluster, List<String> requested) {
    List<String> wanted = ServiceDescriptions.distinct(requested);
    Map<String, Task> found = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (int from = 0; from < wanted.size(); from += BATCH_SIZE) {
      List<String> batch = wanted.subList(from, Math.min(from + BATCH_SIZE, wanted.size()));
      DescribeTasksResponse response = ecs.describeTasks(r -> r.cluster(cluster).tasks(batch));
      for (String id : batch) {
        response.tasks().stream().filter(t -> matches(id, t)).findFirst().ifPresent(t -> found.put(id, t));
      }
      for (Failure failure : response.failures()) {
        if (!"MISSING".equals(failure.reason())) {
          throw new DescribeFailureException("DescribeTasks", cluster, failure.arn(), failure.reason(),
              failure.detail());
        }
      }
    }
    for (String id : wanted) {
      if (!found.containsKey(id)) {
        missing.add(id);
      }
    }
    return new Found(found, missing);
  }

  /** True if {@code requested} (a task ID or ARN) names {@code task}. */
  static boolean matches(String requested, Task task) {
    return requested.equals(task.taskArn()) || requested.equals(Arns.lastSegment(task.taskArn()));
  }
}

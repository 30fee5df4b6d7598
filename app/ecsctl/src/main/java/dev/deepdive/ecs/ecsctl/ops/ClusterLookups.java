package dev.deepdive.ecs.ecsctl.ops;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.Failure;

/** Cluster look-ups: names, and status with container instance, task and service counts. */
public final class ClusterLookups {
  /** DescribeClusters accepts at most 100 clusters per call. */
  static final int DESCRIBE_BATCH = 100;

  private final EcsClient ecs;

  public ClusterLookups(EcsClient ecs) {
    this.ecs = ecs;
  }

  /** One cluster as `clusters describe` shows it. */
  public record ClusterSummary(String name, String arn, String status, int registeredContainerInstances,
      int runningTasks, int pendingTasks, int activeServices) {}

  /** Names of every cluster in the account and region, sorted. */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    ecs.listClustersPaginator(r -> {}).clusterArns().forEach(arn -> names.add(Arns.lastSegment(arn)));
    names.sort(String::compareTo);
    return names;
  }

  /** What a look-up of several clusters found, and the names ECS reported MISSING (as the user typed them). */
  public record Described(List<ClusterSummary> found, List<String> missing) {}

  /**
   * Describes the named clusters, or every cluster when {@code clusters} is empty. Clusters ECS does not know are
   * listed in {@link Described#missing()}; the others are still described.
   */
  public Described describe(List<String> clusters) {
    List<String> wanted = clusters.isEmpty() ? names() : ServiceDescriptions.distinct(clusters);
    List<ClusterSummary> out = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (int from = 0; from < wanted.size(); from += DESCRIBE_BATCH) {
      List<String> batch = wanted.subList(from, Math.min(from + DESCRIBE_BATCH, wanted.size()));
      DescribeClustersResponse response = ecs.describeClusters(r -> r.clusters(batch));
      for (Failure failure : response.failures()) {
        String name = Arns.lastSegment(failure.arn());
        // Report the cluster as asked (name or ARN), not ECS's rendering of it.
        missing.add(batch.stream().filter(b -> b.equals(failure.arn()) || Arns.lastSegment(b).equals(name))
            .findFirst().orElse(name));
      }
      for (Cluster c : response.clusters()) {
        out.add(new ClusterSummary(c.clusterName(), c.clusterArn(), c.status(),
            n(c.registeredContainerInstancesCount()), n(c.runningTasksCount()), n(c.pendingTasksCount()),
            n(c.activeServicesCount())));
      }
    }
    return new Described(List.copyOf(out), List.copyOf(missing));
  }

  private static int n(Integer value) {
    return value == null ? 0 : value;
  }
}

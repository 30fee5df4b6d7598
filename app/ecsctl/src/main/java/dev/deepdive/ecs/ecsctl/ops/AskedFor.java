package dev.deepdive.ecs.ecsctl.ops;

import java.util.ArrayList;
import java.util.List;

/**
 * What a command asked AWS about, as the user typed it: every message about a failed call names these, so
 * "not found" says which cluster, and "access denied" says for what.
 *
 * @param cluster the cluster name or ARN; {@code null} when the command is not about one cluster
 * @param services service names or ARNs; empty when none
 * @param taskDefinitions families, {@code family:revision} or task definition ARNs; empty when none
 * @param containerInstances container instance IDs or ARNs; empty when none
 * @param tasks task IDs or ARNs; empty when none
 */
public record AskedFor(String cluster, List<String> services, List<String> taskDefinitions,
    List<String> containerInstances, List<String> tasks) {

  public AskedFor {
    services = List.copyOf(services);
    taskDefinitions = List.copyOf(taskDefinitions);
    containerInstances = List.copyOf(containerInstances);
    tasks = List.copyOf(tasks);
  }

  /** Nothing in particular (a listing of the account's clusters or families). */
  public static AskedFor nothing() {
    return new AskedFor(null, List.of(), List.of(), List.of(), List.of());
  }

  public static AskedFor cluster(String cluster) {
    return nothing().withCluster(cluster);
  }

  public static AskedFor services(String cluster, List<String> services) {
    return new AskedFor(cluster, services, List.of(), List.of(), List.of());
  }

  public static AskedFor taskDefinition(String taskDefinition) {
    return new AskedFor(null, List.of(), List.of(taskDefinition), List.of(), List.of());
  }

  public AskedFor withCluster(String newCluster) {
    return new AskedFor(newCluster, services, taskDefinitions, containerInstances, tasks);
  }

  public AskedFor withServices(List<String> more) {
    return new AskedFor(cluster, concat(services, more), taskDefinitions, containerInstances, tasks);
  }

  public AskedFor withTaskDefinitions(List<String> more) {
    return new AskedFor(cluster, services, concat(taskDefinitions, more), containerInstances, tasks);
  }

  public AskedFor withContainerInstances(List<String> more) {
    return new AskedFor(cluster, services, taskDefinitions, concat(containerInstances, more), tasks);
  }

  public AskedFor withTasks(List<String> more) {
    return new AskedFor(cluster, services, taskDefinitions, containerInstances, concat(tasks, more));
  }

  /** {@code cluster 'prod'}, {@code service 'web' in cluster 'prod'}, {@code task definition 'web:3'}, or "". */
  public String describe() {
    List<String> parts = new ArrayList<>();
    named(parts, "service", services);
    named(parts, "task definition", taskDefinitions);
    named(parts, "container instance", containerInstances);
    named(parts, "task", tasks);
    String inCluster = cluster == null ? "" : "cluster '" + cluster + "'";
    if (parts.isEmpty()) {
      return inCluster;
    }
    return String.join(", ", parts) + (inCluster.isEmpty() ? "" : " in " + inCluster);
  }

  /** {@code service 'web'} or {@code services 'web', 'api'}: the named things of one kind. */
  static String names(String kind, List<String> names) {
    if (names.isEmpty()) {
      return "";
    }
    List<String> quoted = names.stream().map(n -> "'" + n + "'").toList();
    return (names.size() == 1 ? kind : kind + "s") + " " + String.join(", ", quoted);
  }

  private static void named(List<String> parts, String kind, List<String> names) {
    if (!names.isEmpty()) {
      parts.add(names(kind, names));
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    for (String item : b) {
      if (item != null && !out.contains(item)) {
        out.add(item);
      }
    }
    return out;
  }
}

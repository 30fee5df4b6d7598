package dev.deepdive.ecs.ecsctl.cli;

import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code --cluster C ID...}: the container instances a command acts on (a picocli mixin). */
final class InstancesTarget {
  @Option(names = "--cluster", required = true, paramLabel = "CLUSTER", description = "Cluster name or ARN.")
  String cluster;

  @Parameters(paramLabel = "CONTAINER_INSTANCE", arity = "1..*",
      description = "Container instance IDs (as `container-instances list` shows them) or ARNs.")
  List<String> instances;
}

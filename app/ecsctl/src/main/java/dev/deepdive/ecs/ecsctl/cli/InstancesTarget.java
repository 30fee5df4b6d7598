package dev.deepdive.ecs.ecsctl.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code --cluster C ID...}: the container instances a command acts on (a picocli mixin). */
final class InstancesTarget {
  @Option(names = "--cluster", required = true, paramLabel = "CLUSTER", description = "Cluster name or ARN.")
  String cluster;

  @Parameters(paramLabel = "CONTAINER_INSTANCE", arity = "1..*",
      description = "Container instance IDs (as `container-instances list` shows them) or ARNs.")
  List<String> instances;

  /** Usage error, before any AWS call, when the cluster or an instance is empty. */
  void check(CommandSpec spec) {
    OptionChecks.notBlank(spec, "--cluster", cluster);
    OptionChecks.notBlank(spec, "CONTAINER_INSTANCE", instances);
  }
}

package dev.deepdive.ecs.ecsctl.cli;

import picocli.CommandLine.Option;

/** {@code --cluster C --service S}: the one service a command acts on (a picocli mixin). */
final class ServiceTarget {
  @Option(names = "--cluster", required = true, paramLabel = "CLUSTER", description = "Cluster name or ARN.")
  String cluster;

  @Option(names = "--service", required = true, paramLabel = "SERVICE", description = "Service name or ARN.")
  String service;
}

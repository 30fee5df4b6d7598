package dev.deepdive.ecs.app;

import dev.deepdive.ecs.app.config.AutoScalingConfig;
import dev.deepdive.ecs.app.config.ConfigException;
import dev.deepdive.ecs.app.config.EnvironmentConfig;
import dev.deepdive.ecs.app.config.PlacementConstraintConfig;
import dev.deepdive.ecs.app.config.SchedulingStrategy;
import dev.deepdive.ecs.app.config.ServiceConfig;
import dev.deepdive.ecs.app.config.TaskConfig;
import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionDocument;
import dev.deepdive.ecs.placement.Architecture;
import dev.deepdive.ecs.placement.CapacityInput;
import dev.deepdive.ecs.placement.EnvironmentInput;
import dev.deepdive.ecs.placement.PlacementConstraint;
import dev.deepdive.ecs.placement.PlacementModel;
import dev.deepdive.ecs.placement.PlacementReport;
import dev.deepdive.ecs.placement.PlacementStrategy;
import dev.deepdive.ecs.placement.ServiceInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the ECS scheduler model ({@link PlacementModel}) over each environment before anything is synthesized: a
 * service the scheduler could never place, or whose rolling deployment could never progress at
 * {@code capacity.maxSize}, stops the app with one line per problem, as a bad environment file does.
 */
final class EnvironmentPlacement {
  private EnvironmentPlacement() {}

  /** The environments' placements by name; or a {@link ConfigException} with every error of every environment. */
  static Map<String, Placed> check(List<EnvironmentConfig> environments,
      Map<String, Map<String, TaskDefinitionDocument>> taskDefinitions) {
    Map<String, Placed> placed = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    for (EnvironmentConfig environment : environments) {
      EnvironmentInput input = input(environment, taskDefinitions.get(environment.name()));
      PlacementReport report = PlacementModel.evaluate(input);
      errors.addAll(report.errors());
      placed.put(environment.name(), new Placed(input, report));
    }
    if (!errors.isEmpty()) {
      throw new ConfigException(errors.stream().distinct().toList());
    }
    return placed;
  }

  /** The model's inputs and what it found. */
  record Placed(EnvironmentInput input, PlacementReport report) {}

  /**
   * The model's inputs for one environment, from its file and the task definition files its services and tasks name:
   * DAEMON services as such, tasks after the services.
   */
  static EnvironmentInput input(EnvironmentConfig environment, Map<String, TaskDefinitionDocument> taskDefinitions) {
    var capacity = environment.capacity();
    var network = environment.network();
    CapacityInput capacityInput = new CapacityInput(environment.source().toString(), capacity.instanceTypes(),
        capacity.desiredSize(), capacity.maxSize(), network.maxAzs(), network.availabilityZones(),
        capacity.amiFamily().name(), capacity.amiFamily().arm64() ? Architecture.ARM64 : Architecture.X86_64,
        capacity.amiFamily().gpu());
    List<ServiceInput> services = new ArrayList<>();
    for (ServiceConfig service : environment.services()) {
      TaskDefinitionDocument document = taskDefinitions.get(service.taskDefinition());
      List<PlacementConstraint> constraints = new ArrayList<>();
      List<PlacementConstraintConfig> configured = service.placement().constraints();
      for (int i = 0; i < configured.size(); i++) {
        String field = service.path() + ".placement.constraints[" + i + "]";
        PlacementConstraintConfig c = configured.get(i);
        constraints.add(c.type().equals(PlacementConstraintConfig.DISTINCT_INSTANCE)
            ? PlacementConstraint.distinctInstance(field)
            : PlacementConstraint.memberOf(c.expression().orElseThrow(), field));
      }
      if (service.schedulingStrategy() == SchedulingStrategy.DAEMON) {
        services.add(ServiceInput.daemon(service.name(), service.path(),
            service.deployment().minimumHealthyPercent(), constraints, document.requirements()));
        continue;
      }
      // A scaled service is checked at the most tasks its scaler may ask for, so a scale-out never finds the
      // capacity short; its deployments roll at that count too.
      int count = service.autoScaling().map(AutoScalingConfig::maxCount).orElse(service.desiredCount());
      String countField = service.autoScaling().isPresent() ? "autoScaling.maxCount" : "desiredCount";
      services.add(new ServiceInput(service.name(), service.path(), count,
          service.deployment().maximumPercent(), service.deployment().minimumHealthyPercent(),
          PlacementStrategy.valueOf(service.placement().strategy().name()), constraints, document.requirements(),
          countField));
    }
    // Tasks no service owns are placed beside the services, as a scheduled run or an ecsctl run-task finds them.
    for (TaskConfig task : environment.tasks()) {
      services.add(ServiceInput.task(task.name(), task.path(), task.count(),
          taskDefinitions.get(task.taskDefinition()).requirements()));
    }
    return new EnvironmentInput(environment.name(), capacityInput, environment.agent(), services);
  }
}

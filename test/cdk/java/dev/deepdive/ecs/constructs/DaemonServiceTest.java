package dev.deepdive.ecs.constructs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deepdive.ecs.constructs.taskdef.TaskDefinitionDocument;
import dev.deepdive.ecs.testing.GatedStack;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.logs.RetentionDays;

/** A DAEMON service: one task on every container instance, and the settings it must not have. */
class DaemonServiceTest {
  private static Stack stack;
  private static EcsService daemon;
  private static Template template;

  @BeforeAll
  static void synthesize() {
    stack = GatedStack.create();
    ScheduledTaskTest.Fixture fixture = new ScheduledTaskTest.Fixture(stack);
    daemon = new EcsService(stack, "LogRouter", props(fixture, 0, new EcsServiceProps.Deployment(100, 50, true),
        Optional.empty(), List.of(Map.of("type", "memberOf", "expression", "attribute:ecs.os-type == linux"))));
    template = Template.fromStack(stack);
  }

  static EcsServiceProps props(ScheduledTaskTest.Fixture fixture, int desiredCount,
      EcsServiceProps.Deployment deployment, Optional<ServiceLoadBalancing> loadBalancing,
      List<Map<String, String>> constraints) {
    TaskDefinitionDocument logRouter = ScheduledTaskTest.document("log-router-daemon.json");
    return new EcsServiceProps("log-router", fixture.capacity(), logRouter,
        desiredCount, deployment, EcsServiceProps.PlacementStrategy.SPREAD, constraints, List.of(),
        RetentionDays.ONE_WEEK, Map.of(), loadBalancing, false, Optional.empty(), Optional.empty(),
        EcsServiceProps.SchedulingStrategy.DAEMON);
  }

  @Test
  void runsOneTaskOnEveryInstanceWithTheEc2LaunchTypeAndNoCapacityProvider() {
    template.hasResourceProperties("AWS::ECS::Service", Map.of(
        "ServiceName", "log-router",
        "SchedulingStrategy", "DAEMON",
        "LaunchType", "EC2",
        "DesiredCount", Match.absent(),
        "CapacityProviderStrategy", Match.absent(),
        "PlacementStrategies", Match.absent()));
  }

  @Test
  void keepsThePlacementConstraintsAndReplacesTasksInPlace() {
    template.hasResourceProperties("AWS::ECS::Service", Map.of(
        "PlacementConstraints", List.of(Map.of("Type", "memberOf", "Expression", "attribute:ecs.os-type == linux")),
        "DeploymentConfiguration", Map.of("MaximumPercent", 100, "MinimumHealthyPercent", 50,
            "DeploymentCircuitBreaker", Map.of("Enable", true, "Rollback", true))));
  }

  @Test
  void hasItsOwnRolesAndLogGroupLikeAnyService() {
    template.hasResourceProperties("AWS::IAM::Role", Map.of("Description", "Containers of service log-router"));
    template.resourceCountIs("AWS::Logs::LogGroup", 1);
  }

  @Test
  void passesTheSecurityGate() {
    assertThat(GatedStack.findings(stack, daemon)).isEmpty();
  }

  @Test
  void errorsIfDaemonAndDesiredCountBothSpecified() {
    Stack other = GatedStack.create();
    ScheduledTaskTest.Fixture fixture = new ScheduledTaskTest.Fixture(other);
    assertThatThrownBy(() -> props(fixture, 2, new EcsServiceProps.Deployment(100, 50, true), Optional.empty(),
        List.of())).hasMessage("service log-router is a DAEMON service (one task on every container instance):"
            + " desiredCount: it takes none, got 2");
  }

  @Test
  void errorsIfDaemonTakesTraffic() {
    Stack other = GatedStack.create();
    ScheduledTaskTest.Fixture fixture = new ScheduledTaskTest.Fixture(other);
    EnvironmentLoadBalancer lb = new EnvironmentLoadBalancer(other, "Lb", new EnvironmentLoadBalancerProps(
        fixture.vpc, software.amazon.awscdk.services.ec2.SubnetSelection.builder()
            .subnetType(software.amazon.awscdk.services.ec2.SubnetType.PUBLIC).build(), Optional.empty(), 60));
    ServiceLoadBalancing route = new ServiceLoadBalancing(lb, "fluent-bit", 2020, List.of("/*"), List.of(), 10,
        new ServiceLoadBalancing.HealthCheck("/", 15, 5, 2, 3, "200"), 30, 60);

    assertThatThrownBy(() -> props(fixture, 0, new EcsServiceProps.Deployment(100, 50, true), Optional.of(route),
        List.of())).hasMessageContaining("loadBalancing: it takes no load balancer");
  }

  @Test
  void errorsIfDaemonMayRunMoreThanOneTaskPerInstanceOrNeverReplaceOne() {
    Stack other = GatedStack.create();
    ScheduledTaskTest.Fixture fixture = new ScheduledTaskTest.Fixture(other);
    assertThatThrownBy(() -> props(fixture, 0, new EcsServiceProps.Deployment(200, 50, true), Optional.empty(),
        List.of())).hasMessageContaining("deployment.maximumPercent: must be 100, got 200; an instance runs one copy");
    assertThatThrownBy(() -> props(fixture, 0, new EcsServiceProps.Deployment(100, 100, true), Optional.empty(),
        List.of())).hasMessageContaining("deployment.minimumHealthyPercent: must be below 100, got 100");
  }
}

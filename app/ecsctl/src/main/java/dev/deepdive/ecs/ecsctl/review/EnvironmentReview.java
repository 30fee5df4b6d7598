package dev.deepdive.ecs.ecsctl.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The review of one environment: a CDK stage, or a stack outside any stage.
 *
 * @param name the stage's display name ({@code dev}), or the stack's for a top-level stack
 * @param stacks the stacks with their resource counts, sorted by display name
 * @param resourcesByType resource counts by CloudFormation type, sorted by type
 * @param iamRoles each role's permissions, sorted by stack and role
 * @param internetExposure what the internet can reach
 * @param ecsConfig the ECS agent settings
 * @param containerRisks container settings that weaken isolation from the instance, by stack and task definition
 * @param services each ECS service's deployment settings and times, sorted by stack and logical ID
 * @param placement how the ECS scheduler places the services, from the inputs the app recorded; null (and left
 *     out of the JSON) when the assembly records none
 */
record EnvironmentReview(String name, List<StackSummary> stacks, SortedMap<String, Integer> resourcesByType,
    List<IamPermissions.RoleGrants> iamRoles, InternetExposure internetExposure,
    List<ContainerSecurity.Risk> containerRisks, AgentConfigSettings ecsConfig,
    List<ServiceDeployments.ServiceDeployment> services,
    @JsonInclude(JsonInclude.Include.NON_NULL) PlacementReview placement) {

  /** Environments read in this order everywhere: by name ignoring case ({@code dev} before {@code Shared}). */
  static final Comparator<String> NAME_ORDER =
      String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

  record StackSummary(String name, int resources) {}

  /** Reviews the stacks of one environment, given sorted by display name. */
  static EnvironmentReview of(String name, List<CloudAssembly.Stack> stacks, AssemblyFiles files)
      throws ReviewException {
    List<StackSummary> summaries = new ArrayList<>();
    SortedMap<String, Integer> byType = new TreeMap<>();
    List<IamPermissions.RoleGrants> roles = new ArrayList<>();
    List<InternetExposure> exposure = new ArrayList<>();
    List<AgentConfigSettings> ecsConfig = new ArrayList<>();
    List<ServiceDeployments.ServiceDeployment> services = new ArrayList<>();
    List<ContainerSecurity.Risk> risks = new ArrayList<>();
    for (CloudAssembly.Stack stack : stacks) {
      StackResources resources = new StackResources(stack.template());
      summaries.add(new StackSummary(stack.displayName(), resources.all().size()));
      resources.all().values().forEach(resource -> byType.merge(StackResources.typeOf(resource), 1, Integer::sum));
      roles.addAll(IamPermissions.of(stack.displayName(), resources));
      exposure.add(InternetExposure.of(stack.displayName(), resources));
      ecsConfig.add(AgentConfigSettings.of(stack, resources, files));
      services.addAll(ServiceDeployments.of(stack.displayName(), resources));
      risks.addAll(ContainerSecurity.of(stack.displayName(), resources));
    }
    return new EnvironmentReview(name, List.copyOf(summaries), byType, List.copyOf(roles),
        InternetExposure.merge(exposure), List.copyOf(risks), AgentConfigSettings.merge(ecsConfig),
        List.copyOf(services), PlacementReview.of(stacks));
  }
}

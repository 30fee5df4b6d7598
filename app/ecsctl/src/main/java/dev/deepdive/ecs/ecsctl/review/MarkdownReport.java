package dev.deepdive.ecs.ecsctl.review;

import dev.deepdive.ecs.placement.PlacementReport;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Renders a review as GitHub-flavoured Markdown for a pull request: changes first when comparing, then one
 * section per environment. Wildcards and internet exposure carry {@value #WARNING} so they stand out.
 */
final class MarkdownReport {
  static final String WARNING = "⚠️";
  private static final String NONE = "_None._";

  private final StringBuilder out = new StringBuilder();

  private MarkdownReport() {}

  static String render(String assembly, String against, AssemblyDiff changes, List<EnvironmentReview> environments) {
    MarkdownReport report = new MarkdownReport();
    report.line("# Infrastructure review of " + code(assembly));
    report.line("");
    report.line("Environments: " + String.join(", ", environments.stream().map(e -> code(e.name())).toList())
        + ". " + WARNING + " marks wildcards in IAM grants and anything reachable from the internet.");
    if (changes != null) {
      report.changes(against, changes);
    }
    environments.forEach(report::environment);
    return report.out.toString();
  }

  private void changes(String against, AssemblyDiff changes) {
    section("## Changes since " + code(against));
    section("### Security-relevant changes");
    long fails = changes.replaced().stream().filter(r -> r.outcome().contains(AssemblyDiff.UPDATE_FAILS)).count();
    long maybe = changes.replaced().stream().filter(r -> r.outcome().equals(AssemblyDiff.MAYBE_REPLACED)).count();
    line("New IAM grants: " + changes.newGrants().size() + ", removed: " + changes.removedGrants().size()
        + ". New internet exposure: " + changes.newExposure().size() + ", removed: " + changes.removedExposure().size()
        + ". New container risks: " + changes.newContainerRisks().size() + ", removed: "
        + changes.removedContainerRisks().size()
        + ". Resources replaced: " + (changes.replaced().size() - fails - maybe) + ", may be replaced: " + maybe
        + ", that cannot be updated (the deploy fails): " + fails + ". Auto Scaling groups whose container"
        + " instances are replaced: " + changes.instanceRolls().stream()
            .filter(r -> !r.update().equals(AssemblyDiff.NO_UPDATE_POLICY)).count() + ".");
    section("#### New IAM grants");
    grants(changes.newGrants());
    section("#### Removed IAM grants");
    grants(changes.removedGrants());
    section("#### New internet exposure");
    exposure(changes.newExposure(), true);
    section("#### Removed internet exposure");
    exposure(changes.removedExposure(), false);
    section("#### New container risks");
    containerRisks(changes.newContainerRisks(), true);
    section("#### Removed container risks");
    containerRisks(changes.removedContainerRisks(), false);
    section("#### Resources that will be replaced");
    table(List.of("Environment", "Stack", "Logical ID", "Type", "Outcome", "Why"), changes.replaced(), r -> List.of(
        r.environment(), code(r.stack()), code(r.logicalId()), code(r.type()),
        r.outcome().contains(AssemblyDiff.UPDATE_FAILS) ? "**" + r.outcome() + "** " + WARNING : r.outcome(),
        r.reason()));
    section("#### Container instances that will be replaced (rolling update)");
    if (changes.instanceRolls().isEmpty()) {
      line(NONE);
    }
    for (AssemblyDiff.InstanceRoll roll : changes.instanceRolls()) {
      line("- " + instanceRoll(roll));
    }
    section("### Other changes (resources added, removed, modified)");
    table(List.of("Change", "Environment", "Stack", "Logical ID", "Type", "Changed"), changes.resources(),
        c -> List.of(c.change(), c.environment(), code(c.stack()), code(c.logicalId()), code(c.type()),
            String.join(", ", c.properties())));
  }

  /** One line per Auto Scaling group: what happens to its running container instances, and why. */
  private static String instanceRoll(AssemblyDiff.InstanceRoll roll) {
    // A stage's stacks display as <environment>/<stack>: name the environment only when the stack name does not.
    String group = code(roll.autoScalingGroup()) + " in " + code(roll.stack())
        + (roll.stack().startsWith(roll.environment() + "/") ? "" : " (environment " + roll.environment() + ")");
    String why = " (changed: " + roll.changed() + ")";
    return switch (roll.update()) {
      case AssemblyDiff.ROLLING_UPDATE -> WARNING + " " + group + ": every container instance is replaced, "
          + (roll.maxBatchSize() == 1 ? "one at a time" : roll.maxBatchSize() == 0 ? "MaxBatchSize at a time"
              : roll.maxBatchSize() + " at a time")
          + " (a new instance registers and signals, then an old one drains and terminates)" + why
          + ". Worst-case time: docs/container-instances.md.";
      case AssemblyDiff.REPLACING_UPDATE -> WARNING + " " + group + ": CloudFormation creates a new group with new"
          + " container instances and deletes the old group once the new one is in" + why + ".";
      default -> group + ": no rolling update policy, so running container instances keep their old settings;"
          + " the change reaches only instances launched later" + why + ".";
    };
  }

  private void grants(List<AssemblyDiff.Grant> grants) {
    table(List.of("Environment", "Stack", "Role", "Effect", "Action", "Resource", "Condition", "Why the wildcard"),
        grants, g -> List.of(g.environment(), code(g.stack()), code(g.role()), g.effect(), action(g.action()),
            g.action().equals(AssemblyDiff.MANAGED_POLICY) ? code(g.resource()) : resource(g.resource()),
            code(g.condition()), g.wildcardReason()));
  }

  private void containerRisks(List<AssemblyDiff.ContainerRisk> risks, boolean warn) {
    table(List.of("Environment", "Stack", "Task definition", "Container", "Setting", "Detail"), risks, r -> List.of(
        r.environment(), code(r.stack()), code(r.taskDefinition()), code(r.container()),
        (warn ? WARNING + " " : "") + r.setting(), r.detail()));
  }

  private void exposure(List<AssemblyDiff.Exposure> exposure, boolean warn) {
    table(List.of("Environment", "Stack", "Reached through", "Access"), exposure, e -> List.of(
        e.environment(), code(e.stack()), code(e.target()), (warn ? WARNING + " " : "") + e.access()));
  }

  private void environment(EnvironmentReview environment) {
    section("## Environment " + code(environment.name()));
    line("Stacks: " + String.join(", ", environment.stacks().stream()
        .map(s -> code(s.name()) + " (" + s.resources() + (s.resources() == 1 ? " resource)" : " resources)"))
        .toList()) + ".");
    section("### Resources by type");
    table(List.of("Type", "Count"), List.copyOf(environment.resourcesByType().entrySet()),
        e -> List.of(code(e.getKey()), String.valueOf(e.getValue())));
    section("### IAM permissions by role");
    if (environment.iamRoles().isEmpty()) {
      line(NONE);
    }
    for (IamPermissions.RoleGrants role : environment.iamRoles()) {
      section("#### " + code(role.role()) + " in " + code(role.stack()));
      if (!role.assumedBy().isEmpty()) {
        line("Assumed by " + String.join(", ", role.assumedBy().stream().map(MarkdownReport::code).toList()) + ".");
      }
      if (!role.managedPolicyArns().isEmpty()) {
        line("Managed policies (not expanded offline): "
            + String.join(", ", role.managedPolicyArns().stream().map(MarkdownReport::code).toList()) + ".");
      }
      if (!role.assumedBy().isEmpty() || !role.managedPolicyArns().isEmpty()) {
        line("");
      }
      if (role.statements().isEmpty()) {
        line("No policy statement grants this role anything.");
        continue;
      }
      table(List.of("Policy", "Effect", "Actions", "Resources", "Condition", "Why the wildcards"), role.statements(),
          s -> List.of(code(s.policy()), s.effect(),
              String.join(", ", s.actions().stream().map(MarkdownReport::action).toList()),
              String.join(", ", s.resources().stream().map(MarkdownReport::resource).toList()), code(s.condition()),
              reasons(s.wildcardReasons())));
    }
    section("### Internet exposure");
    line("Security group rules open to any address:");
    line("");
    table(List.of("Stack", "Security group", "Protocol", "Ports", "Source", "Description"),
        environment.internetExposure().openIngress(), r -> List.of(code(r.stack()), code(r.securityGroup()),
            r.protocol(), WARNING + " " + r.ports(), code(r.source()), r.description()));
    line("Internet-facing load balancers:");
    line("");
    table(List.of("Stack", "Load balancer", "Type", "Listeners"), environment.internetExposure().loadBalancers(),
        b -> List.of(code(b.stack()), code(b.loadBalancer()), b.type(),
            WARNING + " " + (b.listeners().isEmpty() ? "no listener" : String.join(", ", b.listeners()))));
    section("### Container security settings");
    line("Settings that weaken a container's isolation from the instance:");
    line("");
    table(List.of("Stack", "Task definition", "Container", "Setting", "Detail"), environment.containerRisks(),
        r -> List.of(code(r.stack()), code(r.taskDefinition()), code(r.container()), WARNING + " " + r.setting(),
            r.detail()));
    ecsConfig(environment.ecsConfig());
    services(environment.services());
    placement(environment.placement());
  }

  /** The ECS scheduler model's placement, when the assembly records its inputs (docs/placement.md). */
  private void placement(PlacementReview placement) {
    if (placement == null) {
      return;
    }
    section("### Task placement (ECS scheduler model)");
    line("Run again from the inputs recorded on " + code(placement.recordedIn()) + ": every service's tasks placed"
        + " on the instances, then one rolling deployment of each (docs/placement.md).");
    line("");
    for (String error : placement.errors()) {
      line("- " + WARNING + " " + error);
    }
    for (String warning : placement.warnings()) {
      line("- " + WARNING + " " + warning);
    }
    if (!placement.errors().isEmpty() || !placement.warnings().isEmpty()) {
      line("");
    }
    capacity(placement.atMaximum());
    capacity(placement.atDesired());
  }

  private void capacity(PlacementReport.CapacityPlacement at) {
    if (at == null) {
      return;
    }
    String needed = at.instancesNeeded() < 0 ? "no number up to 1000 places and deploys every service"
        : "the services need " + at.instancesNeeded() + (at.instancesNeeded() == 1 ? " instance" : " instances");
    section("#### At " + at.capacity() + " capacity: " + at.instances() + " × " + code(at.instanceType()));
    line((at.fits() ? "Every service places and deploys" : WARNING + " Not every service places and deploys")
        + "; " + needed + ".");
    line("");
    table(List.of("Service", "Desired", "Placed", "On instances", "Tasks per instance", "Instances to run / deploy",
        "Deploys", "Peak tasks"), at.services(), s -> List.of(code(s.name()), String.valueOf(s.desiredCount()),
        String.valueOf(s.placed()), String.valueOf(s.instances()),
        s.tasksPerInstance() < 0 ? "no bound" : s.tasksPerInstance() + " (" + s.limitedBy() + ")",
        count(s.instancesToRun()) + " / " + count(s.instancesToDeploy()), s.deploys() ? "yes" : WARNING + " no",
        String.valueOf(s.deploymentPeakTasks())));
    PlacementReport.Headroom h = at.headroom();
    line("Headroom with every service running: " + h.cpuUnitsFree() + " of " + h.cpuUnits() + " CPU units, "
        + h.memoryMiBFree() + " of " + h.memoryMiB() + " MiB, " + h.gpusFree() + " of " + h.gpus() + " GPUs, "
        + h.networkInterfacesFree() + " of " + h.networkInterfaces() + " network interfaces for awsvpc tasks; at most "
        + h.reservedPortsMost() + " of " + h.reservedPortsLimit() + " reserved ports on an instance.");
    PlacementReport.LargestDeployment d = at.largestDeployment();
    if (d != null) {
      line("");
      line("The deployment that needs the most room: " + code(d.service()) + ", " + d.peakTasks() + " tasks at its"
          + " peak on " + d.instances() + (d.instances() == 1 ? " instance" : " instances") + " (" + d.extraTasks()
          + " beyond its desired count: " + d.extraCpuUnits() + " CPU units, " + d.extraMemoryMiB() + " MiB).");
    }
  }

  private static String count(int instances) {
    return instances < 0 ? "never" : String.valueOf(instances);
  }

  private void ecsConfig(AgentConfigSettings settings) {
    section("### ecs.config settings");
    if (settings.files().isEmpty() && settings.userDataLines().isEmpty()) {
      line(NONE);
      return;
    }
    for (AgentConfigSettings.ConfigFile file : settings.files()) {
      line("From " + code(file.file()) + " in asset " + code(file.asset()) + " of " + code(file.stack()) + ":");
      line("");
      table(List.of("Setting", "Value"), file.settings(), s -> List.of(code(s.key()), code(s.value())));
    }
    if (!settings.userDataLines().isEmpty()) {
      line("From user data:");
      line("");
      table(List.of("Stack", "Resource", "Line"), settings.userDataLines(),
          l -> List.of(code(l.stack()), code(l.resource()), code(l.line())));
    }
  }

  private void services(List<ServiceDeployments.ServiceDeployment> services) {
    section("### ECS services");
    if (services.isEmpty()) {
      line("No ECS service in this environment.");
      return;
    }
    table(List.of("Service", "Stack", "Desired", "Max %", "Min healthy %", "Circuit breaker", "Grace",
        "Placement", "Capacity providers", "Load balancers"), services, s -> List.of(
        code(s.service()), code(s.stack()), desired(s),
        String.valueOf(s.maximumPercent()), String.valueOf(s.minimumHealthyPercent()), s.circuitBreaker(),
        seconds(s.healthCheckGracePeriodSeconds()),
        String.join(", ", concat(s.placementStrategies(), s.placementConstraints())),
        String.join(", ", s.capacityProviderStrategy()), String.join(", ", s.loadBalancers())));
    line("Worst-case times (formulas in docs/review.md):");
    line("");
    table(List.of("Service", "Waves × tasks", "Healthy after", "Stop after (deregistration + stop timeout)",
        "Deploy", "Drain"), services, s -> {
          int deregistration = s.deregistrationDelaySeconds() == null ? 0 : s.deregistrationDelaySeconds();
          String stop = seconds(deregistration) + " + " + seconds(s.stopTimeoutSeconds());
          DeploymentTiming t = s.timing();
          if (t == null) {
            String drain = "**" + seconds(deregistration + s.stopTimeoutSeconds()) + "**";
            return List.of(code(s.service()), "?", "?", stop, "not computed (see notes)", drain);
          }
          return List.of(code(s.service()), t.waves() + " × " + t.tasksPerWave(), seconds(t.healthySeconds()), stop,
              "**" + seconds(t.deploySeconds()) + "**", "**" + seconds(t.drainSeconds()) + "**");
        });
    for (ServiceDeployments.ServiceDeployment service : services) {
      for (String note : service.notes()) {
        line("- " + code(service.service()) + ": " + note);
      }
    }
  }

  /** A DAEMON service has no desired count of its own; "?" is a count that is not a literal (a parameter). */
  private static String desired(ServiceDeployments.ServiceDeployment service) {
    if (service.desiredCount() != null) {
      return String.valueOf(service.desiredCount());
    }
    return service.schedulingStrategy().equals("DAEMON") ? "DAEMON" : "?";
  }

  private static List<String> concat(List<String> first, List<String> second) {
    return Stream.concat(first.stream(), second.stream()).toList();
  }

  private <T> void table(List<String> headers, List<T> rows, Function<T, List<String>> columns) {
    if (rows.isEmpty()) {
      line(NONE);
      line("");
      return;
    }
    line("| " + String.join(" | ", headers) + " |");
    line("|" + "---|".repeat(headers.size()));
    for (T row : rows) {
      line("| " + String.join(" | ", columns.apply(row).stream().map(MarkdownReport::cell).toList()) + " |");
    }
    line("");
  }

  private void section(String heading) {
    if (out.length() > 0 && !out.toString().endsWith("\n\n")) {
      line("");
    }
    line(heading);
    line("");
  }

  private void line(String text) {
    out.append(text).append('\n');
  }

  /** {@code `s3:*`, `*`: reason}: each reason once, after the wildcards it answers for. */
  static String reasons(java.util.Map<String, String> reasons) {
    java.util.Map<String, List<String>> byReason = new java.util.TreeMap<>();
    reasons.forEach((wildcard, reason) -> byReason.computeIfAbsent(reason, r -> new java.util.ArrayList<>())
        .add(wildcard));
    return String.join("; ", byReason.entrySet().stream().map(e -> String.join(", ",
        e.getValue().stream().sorted().map(MarkdownReport::code).toList()) + ": " + e.getKey()).toList());
  }

  static String action(String action) {
    return IamPermissions.isWildcardAction(action) ? "**" + code(action) + "** " + WARNING : code(action);
  }

  static String resource(String resource) {
    return IamPermissions.isWildcardResource(resource) ? "**" + code(resource) + "** " + WARNING : code(resource);
  }

  static String code(String text) {
    return text == null || text.isEmpty() ? "" : "`" + text.replace('`', '\'') + "`";
  }

  /** A table cell: a pipe would end the cell and a newline the row. */
  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\r", "").replace("\n", " ");
  }

  /** {@code 390} reads {@code 6 min 30 s}. */
  static String seconds(int seconds) {
    if (seconds < 60) {
      return seconds + " s";
    }
    int minutes = seconds / 60;
    int rest = seconds % 60;
    String text = minutes >= 60 ? minutes / 60 + " h " + (minutes % 60 == 0 ? "" : minutes % 60 + " min")
        : minutes + " min";
    return (text.strip() + (rest == 0 ? "" : " " + rest + " s"));
  }
}

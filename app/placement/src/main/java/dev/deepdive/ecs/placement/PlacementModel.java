package dev.deepdive.ecs.placement;

import dev.deepdive.ecs.placement.PlacementReport.CapacityPlacement;
import dev.deepdive.ecs.placement.PlacementReport.Headroom;
import dev.deepdive.ecs.placement.PlacementReport.LargestDeployment;
import dev.deepdive.ecs.placement.PlacementReport.ServicePlacement;
import dev.deepdive.ecs.placement.Scheduler.DeploymentRun;
import dev.deepdive.ecs.placement.Scheduler.ServiceRun;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ECS service scheduler, simulated over an environment's capacity before anything is deployed.
 *
 * <p>The model places every service's desired tasks, in file order, on {@code maxSize} instances of the first
 * listed instance type (the one the Auto Scaling group launches first: on-demand allocation strategy
 * {@code prioritized}), balanced over the Availability Zones; each with its placement strategy and constraints,
 * against what the agent registers ({@link RegisteredResources}): CPU units, memory, GPUs, static host ports (the
 * agent's reserved ones, and at most {@value RegisteredResources#MAX_RESERVED_PORTS} per instance) and network
 * interfaces for awsvpc tasks. Then, from that state, it simulates one rolling deployment of each service
 * ({@link Scheduler#deploy}). A service that cannot be placed, or whose deployment cannot progress, is an error;
 * the same on a fallback instance type (the group launches the next type when it cannot launch the first) is a
 * warning, as is a fit that needs every instance. A mixed group (some instances of each type) lies between the
 * homogeneous ones the model simulates.
 *
 * <p>DAEMON services run one task on every instance their constraints admit, before ECS places anything else: the
 * model takes their share of each instance first (each must fit beside the daemons before it, in file order) and
 * places the other services, and the environment's tasks no service owns, in what is left. Tasks are placed beside
 * the services at maximum capacity, as a scheduled run finds them, and never deployed.
 *
 * <p>docs/placement.md describes the model and what the real scheduler does that it does not.
 */
public final class PlacementModel {
  /** The largest capacity.maxSize an environment may set: the bound of the search for the instances needed. */
  static final int MAX_INSTANCES = 1000;

  private final EnvironmentInput input;
  private final CapacityInput capacity;
  private final String environmentFile;
  private final List<String> errors = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private AgentRegistration agent;
  private final List<RegisteredResources> types = new ArrayList<>();
  /** Services and tasks that can be simulated, in file order, DAEMON services apart; the others have an error. */
  private final List<ServicePlan> plans = new ArrayList<>();
  /** DAEMON services that can be simulated, in file order: each takes its share of every instance first. */
  private final List<ServicePlan> daemons = new ArrayList<>();
  /** Per instance type as the other services see it (less the daemons' share): the type and the daemons. */
  private final Map<RegisteredResources, DaemonShare> shares = new HashMap<>();
  /** Services no instance could ever run, with what stops them, for the summary. */
  private final Map<ServicePlan, String> unplaceable = new LinkedHashMap<>();
  /** {@link #instancesNeeded} per type, each found once. */
  private final Map<RegisteredResources, Integer> needed = new HashMap<>();

  private PlacementModel(EnvironmentInput input) {
    this.input = input;
    this.capacity = input.capacity();
    this.environmentFile = capacity.source();
  }

  /** Runs the model over one environment. Never throws for bad input: every problem is in the report. */
  public static PlacementReport evaluate(EnvironmentInput input) {
    return new PlacementModel(input).run();
  }

  private PlacementReport run() {
    if (!readAgent() || !readTypes()) {
      return new PlacementReport(input.name(), errors, warnings, null, null);
    }
    readServices();
    if (!takeDaemonShares()) {
      return new PlacementReport(input.name(), errors, warnings, null, null);
    }
    RegisteredResources primary = types.get(0);
    neverPlaceable(primary, "", errors);
    for (int t = 1; t < types.size(); t++) {
      neverPlaceable(types.get(t), fallback(t), warnings);
    }
    Simulation atMaximum = simulate(primary, capacity.maxSize());
    atMaximum.failures().forEach(run -> errors.add(diagnose(run, primary, capacity.maxSize(), "")));
    for (int t = 1; t < types.size(); t++) {
      Simulation fallback = simulate(types.get(t), capacity.maxSize());
      for (ServiceRun run : fallback.failures()) {
        boolean okOnFirst = atMaximum.failures().stream().noneMatch(r -> r.plan() == run.plan());
        if (okOnFirst && InstanceLimit.of(run.plan(), types.get(t)).tasks() > 0) {
          warnings.add(diagnose(run, types.get(t), capacity.maxSize(), fallback(t)));
        }
      }
    }
    unknownConstraints(primary);
    int needed = instancesNeeded(primary);
    if (atMaximum.ok() && needed == capacity.maxSize()) {
      warnings.add(noSpare(primary, atMaximum));
    }
    return new PlacementReport(input.name(), errors, warnings,
        summary("maximum", primary, atMaximum, needed),
        summary("desired", primary, simulate(primary, capacity.desiredSize()), needed));
  }

  // ---- inputs ---------------------------------------------------------------------------------------------------

  private boolean readAgent() {
    AgentRegistration.Parsed parsed = AgentRegistration.parse(input.agentSettings(), capacity.gpuAmi());
    parsed.problems().forEach(p -> errors.add(environmentFile + ": agent." + p));
    agent = parsed.settings();
    return agent != null;
  }

  private boolean readTypes() {
    for (int i = 0; i < capacity.instanceTypes().size(); i++) {
      try {
        types.add(RegisteredResources.of(InstanceTypes.require(capacity.instanceTypes().get(i)), agent));
      } catch (UnknownInstanceTypeException e) {
        errors.add(environmentFile + ": capacity.instanceTypes[" + i + "]: " + e.getMessage());
      }
    }
    return types.size() == capacity.instanceTypes().size();
  }

  private void readServices() {
    for (int i = 0; i < input.services().size(); i++) {
      ServiceInput service = input.services().get(i);
      boolean ok = true;
      List<PlacementConstraint> all = service.allConstraints();
      if (all.size() > ServiceInput.MAX_CONSTRAINTS) {
        errors.add(environmentFile + ": " + service.path() + ".placement.constraints: " + all.size()
            + " placement constraints with the task definition's " + service.task().placementConstraints().size()
            + ", but ECS allows " + ServiceInput.MAX_CONSTRAINTS + " per task; remove "
            + (all.size() - ServiceInput.MAX_CONSTRAINTS));
        ok = false;
      }
      for (PlacementConstraint c : service.task().placementConstraints()) {
        ok &= expressionParses(c, service.task().file());
      }
      for (PlacementConstraint c : service.constraints()) {
        ok &= c.type().equals(PlacementConstraint.DISTINCT_INSTANCE) || expressionParses(c, environmentFile);
      }
      if (ok) {
        (service.kind() == ServiceInput.Kind.DAEMON ? daemons : plans).add(new ServicePlan(i, service,
            environmentFile));
      }
    }
  }

  // ---- DAEMON services ----------------------------------------------------------------------------------------

  /** An instance type as registered, and the DAEMON services that run on each of its instances. */
  private record DaemonShare(RegisteredResources full, List<ServicePlan> daemons) {}

  /**
   * Takes the DAEMON services' share of each instance type (in {@link #types}, which the other services then see):
   * each daemon must fit an instance beside the daemons before it, or ECS leaves it off every instance. A daemon
   * whose constraints admit none of a type's instances takes nothing there.
   *
   * @return false when a daemon does not fit the first type: the rest would only repeat that
   */
  private boolean takeDaemonShares() {
    boolean fits = true;
    for (int t = 0; t < types.size() && !daemons.isEmpty(); t++) {
      RegisteredResources full = types.get(t);
      RegisteredResources left = full;
      List<ServicePlan> counted = new ArrayList<>();
      List<SimulatedInstance> sample = Scheduler.of(full, Math.max(1, capacity.maxSize()), capacity, agent)
          .instances();
      for (ServicePlan daemon : daemons) {
        if (sample.stream().noneMatch(daemon::admits)) {
          continue;
        }
        shares.put(left, new DaemonShare(full, List.copyOf(counted)));
        String[] problem = neverPlaceable(daemon, left, t == 0 ? "" : fallback(t));
        if (problem != null) {
          (t == 0 ? errors : warnings).add(problem[0]);
          fits &= t != 0;
          continue;
        }
        left = left.less(daemon.input.task());
        counted.add(daemon);
      }
      shares.put(left, new DaemonShare(full, List.copyOf(counted)));
      types.set(t, left);
    }
    return fits;
  }

  /**
   * For messages about {@code type}: what the DAEMON services take of each instance, e.g.
   * {@code , less 256 MiB for DAEMON service log-router}; empty without daemons.
   */
  private String lessDaemons(RegisteredResources type, Shortfall what) {
    DaemonShare share = shares.get(type);
    if (share == null || share.daemons().isEmpty()) {
      return "";
    }
    String amount = switch (what) {
      case CPU -> (share.full().cpuUnits() - type.cpuUnits()) + " CPU units";
      case MEMORY -> (share.full().memoryMiB() - type.memoryMiB()) + " MiB";
      case GPU -> (share.full().gpus() - type.gpus()) + " GPUs";
      case ENI -> (share.full().taskEniSlots() - type.taskEniSlots()) + " network interfaces";
      default -> "host ports";
    };
    List<String> names = share.daemons().stream().map(ServicePlan::name).toList();
    return ", less " + amount + " for DAEMON service" + (names.size() == 1 ? " " : "s ") + String.join(", ", names);
  }

  /** {@link #lessDaemons} in parentheses, or empty. */
  private String lessDaemonsNote(RegisteredResources type, Shortfall what) {
    String less = lessDaemons(type, what);
    return less.isEmpty() ? "" : " (" + less.substring(2) + ")";
  }

  /** The DAEMON service binding static host {@code port} on every instance of {@code type}, if one does. */
  private Optional<ServicePlan> daemonBinding(RegisteredResources type, HostPort port) {
    DaemonShare share = shares.get(type);
    return share == null ? Optional.empty() : share.daemons().stream().filter(d -> d.ports.contains(port)).findFirst();
  }

  private boolean expressionParses(PlacementConstraint constraint, String file) {
    var problem = ClusterQuery.problem(constraint.expression());
    problem.ifPresent(p -> errors.add(file + ": " + constraint.field() + ".expression: " + p
        + "; ECS would reject the service at deploy time"));
    return problem.isEmpty();
  }

  // ---- simulation -----------------------------------------------------------------------------------------------

  /**
   * Steady state and every service's deployment on {@code count} instances like {@code type}. Deployments are
   * simulated only when every service's tasks place: from a partial state they would fail for the missing room
   * the steady-state findings already name.
   */
  private record Simulation(Scheduler steady, List<ServiceRun> runs) {
    boolean ok() {
      return runs.stream().allMatch(ServiceRun::ok);
    }

    /** The services that do not place, else the deployments that do not complete. */
    List<ServiceRun> failures() {
      return runs.stream().filter(r -> !r.ok()).toList();
    }
  }

  private Simulation simulate(RegisteredResources type, int count) {
    Scheduler steady = Scheduler.of(type, count, capacity, agent);
    List<ServicePlan> placeable = plans.stream().filter(p -> !unplaceable.containsKey(p)).toList();
    List<ServiceRun> runs = new ArrayList<>(steady.placeAll(placeable));
    if (!runs.stream().allMatch(ServiceRun::placedAll)) {
      return new Simulation(steady, runs);
    }
    for (int i = 0; i < runs.size(); i++) {
      ServiceRun run = runs.get(i);
      if (run.placedAll() && run.plan().input.desiredCount() > 0
          && run.plan().input.kind() != ServiceInput.Kind.TASK) {
        runs.set(i, run.with(steady.copy().deploy(run.plan())));
      }
    }
    return new Simulation(steady, runs);
  }

  /**
   * The fewest instances of {@code type} on which every service places and deploys; -1 when no number up to
   * {@link #MAX_INSTANCES} does. Searched from a lower bound (what each service needs alone, and the CPU and memory
   * of all tasks together), doubling until it fits, then halving the gap: more instances never leave the greedy
   * scheduler fewer choices, and the simulations stay near the answer instead of at a thousand instances.
   */
  private int instancesNeeded(RegisteredResources type) {
    return needed.computeIfAbsent(type, this::searchInstancesNeeded);
  }

  private int searchInstancesNeeded(RegisteredResources type) {
    if (!unplaceable.isEmpty()) {
      return -1;
    }
    int fits = Math.max(1, lowerBound(type));
    int fails = fits - 1;
    while (!simulate(type, fits).ok()) {
      if (fits >= MAX_INSTANCES) {
        return -1;
      }
      fails = fits;
      fits = Math.min(MAX_INSTANCES, fits * 2);
    }
    while (fits - fails > 1) {
      int middle = (fails + fits) >>> 1;
      if (simulate(type, middle).ok()) {
        fits = middle;
      } else {
        fails = middle;
      }
    }
    return fits;
  }

  /** Instances no fewer than which can run every service: each one's need alone, and all tasks' CPU and memory. */
  private int lowerBound(RegisteredResources type) {
    int bound = 0;
    long cpu = 0;
    long memory = 0;
    for (ServicePlan plan : plans) {
      ServiceInput s = plan.input;
      bound = Math.max(bound, InstanceLimit.of(plan, type).instancesFor(s.desiredCount()));
      cpu += (long) s.desiredCount() * s.task().cpu().amount();
      memory += (long) s.desiredCount() * s.task().memory().amount();
    }
    bound = (int) Math.max(bound, Math.ceil(cpu / (double) Math.max(1, type.cpuUnits())));
    bound = (int) Math.max(bound, Math.ceil(memory / (double) Math.max(1, type.memoryMiB())));
    return Math.min(bound, MAX_INSTANCES);
  }

  // ---- findings -------------------------------------------------------------------------------------------------

  private String fallback(int typeIndex) {
    return "if the Auto Scaling group falls back to " + types.get(typeIndex).type().name() + " (capacity.instanceTypes["
        + typeIndex + "]), ";
  }

  private String service(ServicePlan plan) {
    return plan.input.label() + " (" + environmentFile + " " + plan.input.path() + ")";
  }

  /** Services no instance of {@code type} could ever run; on the first type they leave the simulation. */
  private void neverPlaceable(RegisteredResources type, String when, List<String> into) {
    for (ServicePlan plan : plans) {
      if (unplaceable.containsKey(plan)) {
        continue;
      }
      String[] problem = neverPlaceable(plan, type, when);
      if (problem != null) {
        into.add(problem[0]);
        if (when.isEmpty()) {
          unplaceable.put(plan, problem[1]);
        }
      }
    }
  }

  /** The finding and, for the summary, what stops the service; null when some instance can run it. */
  private String[] neverPlaceable(ServicePlan plan, RegisteredResources type, String when) {
    TaskRequirements task = plan.input.task();
    String never = (when.isEmpty() ? ", so ECS could never place a task of " : ", so ECS could not place a task of ")
        + service(plan) + (when.isEmpty() ? "" : " there") + "; ";
    String instances = when.isEmpty() ? type.type().name() + " (capacity.instanceTypes["
        + capacity.instanceTypes().indexOf(type.type().name()) + "])" : type.type().name();
    if (task.cpuArchitecture() != null && task.cpuArchitecture() != capacity.architecture()) {
      return new String[] {task.file() + ": runtimePlatform.cpuArchitecture: " + when + task.cpuArchitecture().name()
          + " needs "
          + task.cpuArchitecture().attributeValue() + " instances, but environment " + input.name() + " runs "
          + capacity.architecture().attributeValue() + " ones (capacity.amiFamily " + capacity.amiFamily() + ": "
          + String.join(", ", capacity.instanceTypes()) + ")" + never + "use " + capacity.architecture().name()
          + " with an image built for it, or an " + task.cpuArchitecture().attributeValue()
          + " capacity.amiFamily with instance types of that architecture", "CPU architecture"};
    }
    if (!task.linux()) {
      return new String[] {task.file() + ": runtimePlatform.operatingSystemFamily: " + when
          + task.operatingSystemFamily()
          + " needs Windows container instances, but environment " + input.name() + " runs Amazon Linux"
          + " (capacity.amiFamily " + capacity.amiFamily() + ")" + never + "use " + TaskRequirements.LINUX
          + " or leave operatingSystemFamily out", "operating system"};
    }
    InstanceLimit limit = InstanceLimit.of(plan, type);
    if (limit.tasks() == 0) {
      return new String[] {task.file() + ": " + location(limit.by(), plan) + ": " + when
          + tooBig(limit.by(), plan, type, instances) + never + tooBigFix(limit.by(), plan), limitName(limit, plan)};
    }
    Scheduler empty = Scheduler.of(type, Math.max(1, capacity.maxSize()), capacity, agent);
    for (ServicePlan.MemberOf m : plan.memberOf) {
      boolean none = empty.instances().stream().allMatch(i -> m.query().evaluate(i.attributes,
          knownAttributes()) == ClusterQuery.Truth.FALSE);
      if (none) {
        SimulatedInstance first = empty.instances().get(0);
        return new String[] {m.file() + ": " + m.constraint().field() + ".expression: " + when + "memberOf \""
            + m.query().text() + "\" matches none of environment " + input.name() + "'s instances ("
            + describe(first.attributes) + ")" + never + "change the expression or capacity.instanceTypes",
            "memberOf"};
      }
    }
    return null;
  }

  private Set<String> knownAttributes() {
    return capacity.zoneNames().isEmpty()
        ? Set.of("ecs.instance-type", "ecs.cpu-architecture", "ecs.os-type")
        : ClusterQuery.MODELLED_ATTRIBUTES;
  }

  private static String describe(Map<String, String> attributes) {
    return attributes.entrySet().stream().filter(e -> e.getKey().startsWith("ecs.")).sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
  }

  /** Why one task never fits an empty instance of {@code type}. */
  private String tooBig(Shortfall by, ServicePlan plan, RegisteredResources type, String instances) {
    TaskRequirements task = plan.input.task();
    switch (by) {
      case GPU: {
        int gpus = task.gpus().amount();
        String need = "the task needs " + gpus + (gpus == 1 ? " GPU" : " GPUs");
        if (type.type().gpus() == 0) {
          return need + ", but " + instances + " has none";
        }
        if (type.gpus() == 0) {
          return need + ", and " + instances + " has " + type.type().gpus() + " but registers "
              + (type.type().gpus() == 1 ? "it" : "them") + " only with GPU support (capacity.amiFamily "
              + capacity.amiFamily() + " is not a GPU AMI)";
        }
        return need + ", but " + instances + " has " + type.type().gpus();
      }
      case PORT_LIMIT:
        return plan.ports.size() + " static host ports in one task, but a container instance holds at most "
            + RegisteredResources.MAX_RESERVED_PORTS + " reserved ports, " + type.reservedPorts().size()
            + " of them the agent's (" + portList(type.reservedPorts()) + ")";
      case PORT_TAKEN: {
        HostPort port = plan.ports.stream().filter(type.reservedPorts()::contains).sorted().findFirst().orElseThrow();
        Optional<ServicePlan> daemon = daemonBinding(type, port);
        if (daemon.isPresent()) {
          return "host port " + port + " is bound on every instance by DAEMON service " + daemon.get().name();
        }
        return "host port " + port + " is one the ECS agent reserves on every instance ("
            + portList(type.reservedPorts()) + ")";
      }
      case MEMORY:
        return "the task reserves " + task.memory().amount() + " MiB (" + task.memory().basis() + "), more than the "
            + type.memoryMiB() + " MiB " + instances + " registers for tasks (" + installed(type) + ")";
      case CPU:
        return "the task reserves " + task.cpu().amount() + " CPU units (" + task.cpu().basis() + "), more than the "
            + type.cpuUnits() + " " + instances + " registers (" + type.type().vcpus() + " vCPUs"
            + lessDaemons(type, Shortfall.CPU) + ")";
      default:
        throw new IllegalStateException("no instance is too small for " + by);
    }
  }

  private String tooBigFix(Shortfall by, ServicePlan plan) {
    switch (by) {
      case GPU: {
        int gpus = plan.input.task().gpus().amount();
        String smallest = InstanceTypes.all().stream().filter(t -> t.gpus() >= gpus && t.architecture()
            == capacity.architecture()).min(Comparator.comparingInt(InstanceTypeFacts::gpus)
            .thenComparingInt(InstanceTypeFacts::vcpus)).map(InstanceTypeFacts::name).orElse("a larger GPU type");
        return "use an instance type with " + gpus + (gpus == 1 ? " GPU" : " GPUs") + " or more (e.g. " + smallest
            + ") with a GPU capacity.amiFamily (AL2023_GPU or AL2_GPU)";
      }
      case PORT_LIMIT:
        return "use hostPort 0 (ECS assigns dynamic host ports, which do not count) or awsvpc network mode";
      case PORT_TAKEN:
        return "use another host port, or hostPort 0 for a dynamic one";
      default:
        return "reserve less or use a larger instance type";
    }
  }

  private static String portList(Set<HostPort> ports) {
    return ports.stream().sorted().map(HostPort::toString).collect(Collectors.joining(", "));
  }

  private String installed(RegisteredResources type) {
    return type.type().describeMemory() + " installed"
        + (agent.reservedMemoryMiB() > 0 ? ", ECS_RESERVED_MEMORY " + agent.reservedMemoryMiB() : "")
        + lessDaemons(type, Shortfall.MEMORY);
  }

  /** The JSON path, in the task definition file, of what bounds the service; for messages. */
  private String location(Shortfall by, ServicePlan plan) {
    TaskRequirements task = plan.input.task();
    if (by == null) {
      return plan.input.path() + "." + countPath(plan);
    }
    switch (by) {
      case CPU:
        return task.cpu().field();
      case MEMORY:
        return task.memory().field();
      case GPU:
        return task.gpus().field();
      case ENI:
        return "networkMode";
      case PORT_TAKEN: {
        List<StaticHostPort> ports = task.staticHostPorts();
        return ports.stream().filter(p -> agent.reservedPorts().contains(p.port())).findFirst()
            .orElse(ports.get(0)).field();
      }
      case PORT_LIMIT: {
        Set<String> containers = task.staticHostPorts().stream()
            .map(p -> p.field().substring(0, p.field().indexOf(".portMappings")))
            .collect(Collectors.toCollection(LinkedHashSet::new));
        return containers.size() == 1 ? containers.iterator().next() + ".portMappings" : "containerDefinitions";
      }
      default:
        throw new IllegalStateException("not a task definition field: " + by);
    }
  }

  /** The field of the count, under the plan's path: a task's {@code count}, a service's {@code desiredCount}. */
  private static String countPath(ServicePlan plan) {
    return plan.input.kind() == ServiceInput.Kind.TASK ? plan.input.countField() : "desiredCount";
  }

  /** Where a finding about {@code by} is written: file and JSON path. */
  private String where(Shortfall by, ServicePlan plan) {
    if (by == Shortfall.DISTINCT_INSTANCE) {
      PlacementConstraint c = plan.input.constraints().stream()
          .filter(x -> x.type().equals(PlacementConstraint.DISTINCT_INSTANCE)).findFirst().orElseThrow();
      return environmentFile + ": " + c.field();
    }
    if (by == Shortfall.MEMBER_OF) {
      ServicePlan.MemberOf m = plan.memberOf.get(0);
      return m.file() + ": " + m.constraint().field() + ".expression";
    }
    if (by == null) {
      return environmentFile + ": " + plan.input.path() + "." + countPath(plan);
    }
    return plan.input.task().file() + ": " + location(by, plan);
  }

  /** One line for a service that does not place or deploy on {@code count} instances of {@code type}. */
  private String diagnose(ServiceRun run, RegisteredResources type, int count, String when) {
    ServicePlan plan = run.plan();
    InstanceLimit limit = InstanceLimit.of(plan, type);
    Scheduler empty = Scheduler.of(type, count, capacity, agent);
    int eligible = (int) empty.instances().stream().filter(plan::admits).count();
    int desired = plan.input.desiredCount();
    int toRun = limit.instancesFor(desired);
    int toDeploy = Math.max(toRun, limit.instancesFor(plan.input.minimumHealthyTasks() + 1));
    boolean steady = !run.placedAll();
    boolean aloneTooSmall = steady ? toRun > eligible : toDeploy > eligible;
    if (aloneTooSmall && (limit.bounded() || eligible < count)) {
      return where(limit.bounded() ? limit.by() : Shortfall.MEMBER_OF, plan) + ": " + when
          + limitPhrase(limit, plan, type, eligible, count) + "; " + numbers(plan, limit, steady, toRun, toDeploy)
          + ", capacity.maxSize is " + count + (eligible < count ? ", of which its memberOf constraints admit "
          + eligible : "") + "; " + limitFix(limit, plan, steady, toDeploy, eligible);
    }
    return beside(run, type, count, when);
  }

  private String limitPhrase(InstanceLimit limit, ServicePlan plan, RegisteredResources type, int eligible,
      int count) {
    if (!limit.bounded()) {
      return "its memberOf constraints admit " + eligible + " of the " + count + " instances";
    }
    TaskRequirements task = plan.input.task();
    String room = ", room for " + limit.tasks() + (limit.tasks() == 1 ? " task" : " tasks") + " per instance";
    String phrase;
    switch (limit.by()) {
      case PORT_TAKEN: {
        List<HostPort> ports = plan.ports.stream().sorted().toList();
        phrase = ports.size() == 1
            ? "static host port " + ports.get(0) + " allows one task per instance"
            : "static host ports " + ports.stream().map(HostPort::toString).collect(Collectors.joining(", "))
                + " allow one task per instance";
        break;
      }
      case DISTINCT_INSTANCE:
        phrase = "the distinctInstance placement constraint allows one task per instance";
        break;
      case MEMORY:
        phrase = "the task reserves " + task.memory().amount() + " MiB (" + task.memory().basis() + ") and a "
            + type.type().name() + " registers " + type.memoryMiB() + " MiB for tasks (" + installed(type) + ")"
            + room;
        break;
      case CPU:
        phrase = "the task reserves " + task.cpu().amount() + " CPU units (" + task.cpu().basis() + ") and a "
            + type.type().name() + " registers " + type.cpuUnits() + lessDaemonsNote(type, Shortfall.CPU) + room;
        break;
      case GPU:
        phrase = "the task needs " + task.gpus().amount() + (task.gpus().amount() == 1 ? " GPU" : " GPUs")
            + " and a " + type.type().name() + " registers " + type.gpus() + lessDaemonsNote(type, Shortfall.GPU)
            + room;
        break;
      case ENI:
        phrase = "awsvpc network mode takes a network interface per task and a " + type.type().name() + " has "
            + type.type().maxEnis() + ", " + type.taskEniSlots() + " of them for tasks (no ENI trunking"
            + lessDaemons(type, Shortfall.ENI) + ")" + room;
        break;
      default:
        throw new IllegalStateException("unexpected bound " + limit.by());
    }
    List<String> others = limit.perBound().stream().skip(1).map(PlacementModel::boundName).toList();
    return others.isEmpty() ? phrase : phrase + " (and its " + String.join(" and its ", others)
        + " allow" + (others.size() == 1 ? "s" : "") + " no more)";
  }

  private static String boundName(Shortfall bound) {
    switch (bound) {
      case PORT_TAKEN:
        return "static host port";
      case DISTINCT_INSTANCE:
        return "distinctInstance constraint";
      case MEMORY:
        return "memory reservation";
      case CPU:
        return "CPU reservation";
      case GPU:
        return "GPU reservation";
      default:
        return "network interface limit";
    }
  }

  private String numbers(ServicePlan plan, InstanceLimit limit, boolean steady, int toRun, int toDeploy) {
    ServiceInput s = plan.input;
    int desired = s.desiredCount();
    int least = s.minimumHealthyTasks();
    String keeps = least == desired
        ? (desired == 1 ? "keeps the old task until a new one runs" : "keeps all " + desired
            + " old tasks until new ones run")
        : "keeps " + least + " of the " + desired + " old tasks until new ones run";
    int full = limit.instancesFor(s.maximumTasks());
    String why = "minimumHealthyPercent " + s.minimumHealthyPercent() + " " + keeps
        + (full > toDeploy ? "; " + full + " at maximumPercent " + s.maximumPercent() : "");
    String head = service(plan) + " with " + s.countField() + " " + desired;
    if (s.kind() == ServiceInput.Kind.TASK) {
      return head + " needs " + count(toRun) + " to run";
    }
    return steady
        ? head + " needs " + count(toRun) + " to run and " + toDeploy + " to deploy (" + why + ")"
        : head + " runs on " + count(toRun) + " but needs " + toDeploy + " to deploy (" + why + ")";
  }

  private static String count(int instances) {
    return instances == 1 ? "1 instance" : instances + " instances";
  }

  private String limitFix(InstanceLimit limit, ServicePlan plan, boolean steady, int toDeploy, int eligible) {
    List<String> fixes = new ArrayList<>();
    if (!limit.bounded()) {
      fixes.add("widen the memberOf constraint");
    } else {
      switch (limit.by()) {
        case PORT_TAKEN:
          fixes.add("use hostPort 0 (a dynamic host port)");
          break;
        case DISTINCT_INSTANCE:
          fixes.add("remove the distinctInstance constraint");
          break;
        case MEMORY:
          fixes.add("reserve less memory");
          fixes.add("use a larger instance type");
          break;
        case CPU:
          fixes.add("reserve fewer CPU units");
          fixes.add("use a larger instance type");
          break;
        case GPU:
          fixes.add("use an instance type with more GPUs");
          break;
        default:
          fixes.add("use bridge network mode");
          fixes.add("use an instance type with more network interfaces");
          break;
      }
    }
    if (eligible == capacity.maxSize() && toDeploy <= MAX_INSTANCES) {
      fixes.add("raise capacity.maxSize to " + toDeploy);
    }
    ServiceInput s = plan.input;
    if (!steady && limit.bounded() && s.desiredCount() > 0) {
      long slots = (long) eligible * limit.tasks();
      long percent = Math.floorDiv((slots - 1) * 100, s.desiredCount());
      if (slots >= 1 && percent < s.minimumHealthyPercent()) {
        fixes.add("lower minimumHealthyPercent to " + percent);
      }
    }
    if (fixes.size() == 1) {
      return fixes.get(0);
    }
    return String.join(", ", fixes.subList(0, fixes.size() - 1)) + " or " + fixes.get(fixes.size() - 1);
  }

  /** The service alone would fit: the other services take the room. */
  private String beside(ServiceRun run, RegisteredResources type, int count, String when) {
    ServicePlan plan = run.plan();
    Map<Shortfall, Integer> blocked = run.placedAll() ? run.deployment().blockedBy() : run.blockedBy();
    Shortfall top = blocked.entrySet().stream().max(Map.Entry.<Shortfall, Integer>comparingByValue()
        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse(null);
    String reasons = blocked.entrySet().stream()
        .sorted(Map.Entry.<Shortfall, Integer>comparingByValue().reversed())
        .map(e -> reason(e.getKey(), plan) + " on " + count(e.getValue()))
        .collect(Collectors.joining(", "));
    String others = plans.size() > 1 ? " beside the environment's other services" : "";
    String at = " at capacity.maxSize " + count + " x " + type.type().name();
    int needed = instancesNeeded(type);
    String need = needed < 0
        ? "no number of instances up to " + MAX_INSTANCES + " runs them all"
        : (plans.size() > 1 ? "all services together need " : "it needs ") + count(needed)
            + (needed > count ? "; raise capacity.maxSize to " + needed : "");
    String body;
    if (!run.placedAll()) {
      body = service(plan) + " with " + plan.input.countField() + " " + plan.input.desiredCount() + " does not fit" + others + at + ": "
          + run.placed() + " of its " + plan.input.desiredCount() + " tasks place, then no instance can take"
          + " another: " + reasons;
    } else {
      DeploymentRun d = run.deployment();
      body = "a deployment of " + service(plan) + " at maximumPercent " + plan.input.maximumPercent()
          + " and minimumHealthyPercent " + plan.input.minimumHealthyPercent() + " cannot progress" + others + at
          + ": with " + d.oldLeft() + " old and " + d.newRunning() + " new tasks running, no instance can take"
          + " another: " + reasons;
    }
    return where(top, plan) + ": " + when + body + "; " + need;
  }

  private static String reason(Shortfall shortfall, ServicePlan plan) {
    TaskRequirements task = plan.input.task();
    switch (shortfall) {
      case MEMBER_OF:
        return "excluded by its memberOf constraints";
      case DISTINCT_INSTANCE:
        return "already running one of its tasks (distinctInstance)";
      case CPU:
        return "fewer than the " + task.cpu().amount() + " CPU units it reserves free";
      case MEMORY:
        return "less than the " + task.memory().amount() + " MiB it reserves free";
      case GPU:
        return "fewer than its " + task.gpus().amount() + " GPUs free";
      case ENI:
        return "no network interface free";
      case PORT_TAKEN:
        return "static host port " + plan.ports.stream().sorted().map(HostPort::toString)
            .collect(Collectors.joining(", ")) + " taken";
      default:
        return "its " + RegisteredResources.MAX_RESERVED_PORTS + " reserved ports full";
    }
  }

  /** Warns once per constraint the model cannot evaluate on the first type's instances. */
  private void unknownConstraints(RegisteredResources primary) {
    Scheduler empty = Scheduler.of(primary, Math.max(1, capacity.maxSize()), capacity, agent);
    List<ServicePlan> all = new ArrayList<>(daemons);
    all.addAll(plans);
    all.sort(Comparator.comparingInt(p -> p.index));
    for (ServicePlan plan : all) {
      Set<ServicePlan.MemberOf> unknown = new LinkedHashSet<>();
      empty.instances().forEach(i -> unknown.addAll(plan.unknownOn(i)));
      for (ServicePlan.MemberOf m : unknown) {
        warnings.add(m.file() + ": " + m.constraint().field() + ".expression: cannot tell before deploy which"
            + " instances match \"" + m.query().text() + "\" (the model knows ecs.instance-type,"
            + " ecs.cpu-architecture, ecs.os-type, ecs.availability-zone when the environment names its zones, and"
            + " attributes from ECS_INSTANCE_ATTRIBUTES); it assumes every instance does");
      }
    }
  }

  private String noSpare(RegisteredResources primary, Simulation atMaximum) {
    int max = capacity.maxSize();
    Simulation oneLess = simulate(primary, max - 1);
    List<String> short1 = oneLess.runs().stream().filter(r -> !r.ok())
        .map(r -> r.plan().name() + (r.placedAll() ? " could not deploy" : " could not place all its tasks"))
        .toList();
    Headroom h = headroom(atMaximum.steady());
    return environmentFile + ": capacity.maxSize: the services need all " + count(max) + " of " + primary.type()
        .name() + ": with " + (max - 1) + " (an instance failed or being replaced) " + String.join(", ", short1)
        + "; headroom with every service running: " + h.memoryMiBFree() + " of " + h.memoryMiB() + " MiB, "
        + h.cpuUnitsFree() + " of " + h.cpuUnits() + " CPU units; raise capacity.maxSize to " + (max + 1)
        + " for a spare";
  }

  // ---- summaries ------------------------------------------------------------------------------------------------

  private CapacityPlacement summary(String label, RegisteredResources type, Simulation simulation, int needed) {
    List<ServicePlacement> services = new ArrayList<>();
    int instanceCount = simulation.steady().instances().size();
    DaemonShare share = shares.get(type);
    List<ServicePlan> daemonsHere = share == null ? List.of() : share.daemons();
    LargestDeployment largest = null;
    List<ServicePlan> all = new ArrayList<>(plans);
    all.addAll(daemonsHere);
    all.sort(Comparator.comparingInt(p -> p.index));
    for (ServicePlan plan : all) {
      if (plan.input.kind() == ServiceInput.Kind.DAEMON) {
        // One task on each instance, replaced in place (maximumPercent 100): its share was taken before the others.
        services.add(new ServicePlacement(plan.name(), instanceCount, instanceCount, instanceCount, 1,
            "one per instance (DAEMON)", instanceCount, instanceCount, true, instanceCount));
        continue;
      }
      ServiceRun run = simulation.runs().stream().filter(r -> r.plan() == plan).findFirst().orElse(null);
      InstanceLimit limit = InstanceLimit.of(plan, type);
      ServiceInput s = plan.input;
      int toRun = limit.instancesFor(s.desiredCount());
      int toDeploy = toRun < 0 ? -1 : Math.max(toRun, limit.instancesFor(s.minimumHealthyTasks() + 1));
      if (s.desiredCount() == 0) {
        toDeploy = 0;
      }
      int placed = run == null ? 0 : run.placed();
      DeploymentRun d = run == null ? null : run.deployment();
      int instances = (int) simulation.steady().instances().stream().filter(i -> i.count(plan) > 0).count();
      String never = unplaceable.get(plan);
      services.add(new ServicePlacement(s.name(), s.desiredCount(), placed, instances,
          never != null ? 0 : limit.bounded() ? limit.tasks() : -1,
          never != null ? never : limit.bounded() ? limitName(limit, plan) : "",
          never != null ? -1 : toRun, never != null ? -1 : toDeploy,
          s.kind() == ServiceInput.Kind.TASK ? placed == s.desiredCount() : d != null && d.completes(),
          d == null ? placed : d.peakTasks()));
      if (d != null && d.completes()) {
        int extra = d.peakTasks() - s.desiredCount();
        LargestDeployment candidate = new LargestDeployment(s.name(), d.peakTasks(), extra,
            extra * s.task().cpu().amount(), extra * s.task().memory().amount(), d.peakInstances());
        if (largest == null || candidate.extraMemoryMiB() > largest.extraMemoryMiB()
            || candidate.extraMemoryMiB() == largest.extraMemoryMiB()
            && candidate.extraCpuUnits() > largest.extraCpuUnits()) {
          largest = candidate;
        }
      }
    }
    boolean fits = unplaceable.isEmpty() && simulation.ok();
    return new CapacityPlacement(label, simulation.steady().instances().size(), type.type().name(), needed, fits,
        services, headroom(simulation.steady()), largest);
  }

  private static String limitName(InstanceLimit limit, ServicePlan plan) {
    if (limit.by() == Shortfall.PORT_TAKEN) {
      return "static host port " + plan.ports.stream().sorted().map(HostPort::toString)
          .collect(Collectors.joining(", "));
    }
    return switch (limit.by()) {
      case DISTINCT_INSTANCE -> "distinctInstance";
      case MEMORY -> "memory";
      case CPU -> "CPU";
      case GPU -> "GPUs";
      case ENI -> "network interfaces";
      default -> "reserved ports";
    };
  }

  private static Headroom headroom(Scheduler steady) {
    int cpuFree = 0;
    int cpu = 0;
    int memoryFree = 0;
    int memory = 0;
    int gpusFree = 0;
    int gpus = 0;
    int enisFree = 0;
    int enis = 0;
    int ports = 0;
    for (SimulatedInstance i : steady.instances()) {
      cpuFree += i.cpuFree;
      cpu += i.registered.cpuUnits();
      memoryFree += i.memoryFree;
      memory += i.registered.memoryMiB();
      gpusFree += i.gpusFree;
      gpus += i.registered.gpus();
      enisFree += i.enisFree;
      enis += i.registered.taskEniSlots();
      ports = Math.max(ports, i.reservedPortCount());
    }
    return new Headroom(cpuFree, cpu, memoryFree, memory, gpusFree, gpus, enisFree, enis, ports,
        RegisteredResources.MAX_RESERVED_PORTS);
  }
}

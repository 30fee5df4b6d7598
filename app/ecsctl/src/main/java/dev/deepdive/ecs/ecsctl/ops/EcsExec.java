package dev.deepdive.ecs.ecsctl.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ExecuteCommandResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * ECS Exec: picks a task and container of a service, calls ExecuteCommand, and prepares the hand-off to the
 * Session Manager plugin exactly as the AWS CLI does ({@code aws ecs execute-command}, awscli
 * customizations/ecs/executecommand.py): the plugin gets the session as JSON, the region, {@code StartSession},
 * the profile (or ""), the target {@code {"Target": "ecs:<cluster>_<task id>_<container runtime id>"}} as JSON,
 * and the ECS endpoint URL. See https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html.
 */
public final class EcsExec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final EcsClient ecs;

  public EcsExec(EcsClient ecs) {
    this.ecs = Objects.requireNonNull(ecs, "ecs");
  }

  /** Where the command runs. */
  public record Target(String taskId, String taskArn, String container, String runtimeId) {}

  /** A target, or why there is none (a sentence for the user; nothing was started). */
  public record Choice(Optional<Target> target, String problem) {
    static Choice problem(String why) {
      return new Choice(Optional.empty(), why);
    }
  }

  /**
   * Chooses the task ({@code task}, or the first RUNNING task of the service) and the container
   * ({@code container}, or the task's only one). Checks what ECS would refuse, to say it better: the task must
   * belong to the service, run with ECS Exec on, and its ExecuteCommandAgent must be RUNNING.
   */
  public Choice choose(String cluster, String service, Optional<String> task, Optional<String> container) {
    new ServiceChanges(ecs).current(cluster, service);
    String serviceName = Arns.lastSegment(service);
    List<String> candidates = new ArrayList<>();
    if (task.isPresent()) {
      candidates.add(task.get());
    } else {
      ecs.listTasksPaginator(r -> r.cluster(cluster).serviceName(service).desiredStatus("RUNNING").maxResults(100))
          .taskArns().forEach(candidates::add);
      if (candidates.isEmpty()) {
        return Choice.problem("service '" + serviceName + "' has no RUNNING task to run a command in");
      }
    }
    List<Task> tasks = ecs.describeTasks(r -> r.cluster(cluster).tasks(candidates.subList(0,
        Math.min(100, candidates.size())))).tasks();
    if (tasks.isEmpty()) {
      return Choice.problem("task '" + task.orElse("?") + "' not found in cluster '" + cluster + "'");
    }
    Task chosen = tasks.stream().filter(t -> "RUNNING".equals(t.lastStatus())).findFirst().orElse(tasks.get(0));
    String taskId = Arns.lastSegment(chosen.taskArn());
    if (!("service:" + serviceName).equals(chosen.group())) {
      return Choice.problem("task " + taskId + " is not a task of service '" + serviceName + "' (group "
          + chosen.group() + ")");
    }
    if (!"RUNNING".equals(chosen.lastStatus())) {
      return Choice.problem("task " + taskId + " is " + chosen.lastStatus() + ", not RUNNING");
    }
    if (!Boolean.TRUE.equals(chosen.enableExecuteCommand())) {
      return Choice.problem("task " + taskId + " was started without ECS Exec: set \"enableExecuteCommand\": true"
          + " for service '" + serviceName + "' in the environment file, deploy, then 'ecsctl services redeploy'"
          + " so that new tasks start with it");
    }
    List<String> names = chosen.containers().stream().map(Container::name).toList();
    Container c;
    if (container.isPresent()) {
      c = chosen.containers().stream().filter(x -> x.name().equals(container.get())).findFirst().orElse(null);
      if (c == null) {
        return Choice.problem("task " + taskId + " has no container '" + container.get() + "'; it has " + names);
      }
    } else if (names.size() == 1) {
      c = chosen.containers().get(0);
    } else {
      return Choice.problem("task " + taskId + " has " + names.size() + " containers " + names
          + "; name one with --container");
    }
    boolean agentRunning = c.managedAgents().stream().anyMatch(a -> "ExecuteCommandAgent".equals(a.nameAsString())
        && "RUNNING".equals(a.lastStatus()));
    if (!agentRunning) {
      return Choice.problem("the ECS Exec agent of container '" + c.name() + "' in task " + taskId
          + " is not RUNNING (yet); wait a moment and retry, or see 'ecsctl diagnose'");
    }
    return new Choice(Optional.of(new Target(taskId, chosen.taskArn(), c.name(), c.runtimeId())), null);
  }

  /** The plugin's arguments after its name, and what the session is. */
  public record Session(String sessionId, List<String> pluginArguments) {}

  /**
   * Calls ExecuteCommand (interactive, the only mode ECS has) and returns the plugin's arguments.
   *
   * @param profile the named profile ecsctl uses, or null
   */
  public Session start(String cluster, Target target, String command, String profile) {
    ExecuteCommandResponse response = ecs.executeCommand(r -> r.cluster(cluster).task(target.taskArn())
        .container(target.container()).interactive(true).command(command));
    Map<String, String> session = new LinkedHashMap<>();
    session.put("sessionId", response.session().sessionId());
    session.put("streamUrl", response.session().streamUrl());
    session.put("tokenValue", response.session().tokenValue());
    String clusterName = Arns.lastSegment(response.clusterArn());
    Map<String, String> ssmTarget = Map.of("Target", "ecs:" + clusterName + "_" + target.taskId() + "_"
        + target.runtimeId());
    Region region = ecs.serviceClientConfiguration().region();
    String endpoint = ecs.serviceClientConfiguration().endpointOverride().map(Object::toString)
        .orElse("https://" + EcsClient.serviceMetadata().endpointFor(region));
    return new Session(response.session().sessionId(), List.of(json(session), region.id(), "StartSession",
        profile == null ? "" : profile, json(ssmTarget), endpoint));
  }

  /**
   * The words after {@code --} as one command string, as ExecuteCommand takes it: joined by spaces, a word
   * with a space or quote single-quoted. Pipes and redirections need a shell: {@code -- sh -c 'ps | grep java'}.
   */
  public static String commandLine(List<String> words) {
    List<String> out = new ArrayList<>();
    for (String w : words) {
      out.add(w.isEmpty() || w.matches(".*[\\s'\"].*") ? "'" + w.replace("'", "'\"'\"'") + "'" : w);
    }
    return String.join(" ", out);
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}

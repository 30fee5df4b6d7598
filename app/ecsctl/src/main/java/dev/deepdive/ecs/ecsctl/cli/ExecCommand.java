package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.EcsExec;
import dev.deepdive.ecs.ecsctl.ops.EcsExec.Choice;
import dev.deepdive.ecs.ecsctl.ops.EcsExec.Session;
import dev.deepdive.ecs.ecsctl.ops.EcsExec.Target;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.ecs.EcsClient;

/** {@code ecsctl exec --cluster C --service S [--task T] [--container N] -- command...}: ECS Exec. */
@Command(name = "exec",
    description = {"Run a command in a container of a service (ECS Exec), interactively, e.g."
        + " `ecsctl exec --cluster prod --service web -- sh`.",
        "Needs enableExecuteCommand on the service (environment file) and the Session Manager plugin on PATH,"
            + " as `aws ecs execute-command` does. Without --task, the first RUNNING task of the service; without"
            + " --container, the task's only container. Words after -- are joined by spaces (a word with a space"
            + " is single-quoted); pipes need a shell: -- sh -c 'ps | grep java'."},
    footerHeading = ExitCodes.HEADING,
    footer = {"    N  the Session Manager plugin's exit code once the session ends (0: ended normally)",
        ExitCodes.AWS_ERROR_LINE,
        "    2  usage error, or no task or container to run in (the message says why); nothing was started",
        ExitCodes.INTERNAL_ERROR_LINE,
        "  127  session-manager-plugin not found on PATH (checked before any AWS call)"})
public final class ExecCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ServiceTarget target;

  @Option(names = "--task", paramLabel = "TASK", description = "Task ID or ARN (default: the first RUNNING one).")
  String task;

  @Option(names = "--container", paramLabel = "NAME", description = "Container name (default: the only one).")
  String container;

  @Parameters(paramLabel = "COMMAND", arity = "1..*", description = "The command and its arguments, after --.")
  List<String> command;

  @Override
  public Integer call() throws IOException, InterruptedException {
    CommandContext ctx = new CommandContext(spec);
    Optional<SessionManagerPlugin> plugin = SessionManagerPlugin.find(ctx.environment().variables());
    if (plugin.isEmpty()) {
      // Before any AWS call, as the AWS CLI checks: no session is started that nothing could attach to.
      ctx.err().println("ecsctl: " + SessionManagerPlugin.EXECUTABLE + " not found on PATH; install the Session"
          + " Manager plugin (" + SessionManagerPlugin.INSTALL_URL + ") and retry");
      return ExitCodes.PLUGIN_NOT_FOUND;
    }
    String commandLine = EcsExec.commandLine(command);
    try (EcsClient ecs = ctx.ecs()) {
      EcsExec exec = new EcsExec(ecs);
      Choice choice = exec.choose(target.cluster, target.service, Optional.ofNullable(task),
          Optional.ofNullable(container));
      if (choice.target().isEmpty()) {
        throw new Refusal("cannot exec: " + choice.problem() + ". Nothing was started");
      }
      Target chosen = choice.target().get();
      Session session = exec.start(target.cluster, chosen, commandLine, ctx.global().profile());
      ctx.err().println("ecsctl: session " + session.sessionId() + " in task " + chosen.taskId() + ", container "
          + chosen.container() + ": " + commandLine);
      ctx.err().flush();
      ctx.out().flush();
      int code = plugin.get().run(session.pluginArguments(), ctx.environment().variables());
      if (ctx.json()) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("cluster", target.cluster);
        doc.put("service", target.service);
        doc.put("task", chosen.taskId());
        doc.put("container", chosen.container());
        doc.put("command", commandLine);
        doc.put("sessionId", session.sessionId());
        doc.put("exitCode", code);
        Json.print(ctx.out(), doc);
      }
      return code;
    }
  }
}

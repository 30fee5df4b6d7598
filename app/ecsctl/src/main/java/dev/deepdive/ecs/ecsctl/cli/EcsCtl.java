package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.ClientSettings;
import java.io.PrintWriter;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.io.OutputStreamWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code ecsctl}: drain-to-zero-then-delete and the everyday ECS look-ups. The table of subcommands. */
@Command(name = "ecsctl",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = "Operate Amazon ECS services on EC2: container instances, scaling, deployments and rollbacks,"
        + " waiting, events, logs, a shell in a container, one-off tasks, drain-to-zero-then-delete, look-ups,"
        + " diagnosis; and review synthesized infrastructure offline.",
    footerHeading = ExitCodes.HEADING,
    footer = {ExitCodes.OK_LINE, ExitCodes.AWS_ERROR_LINE, ExitCodes.USAGE_LINE,
        "    3  a wait timed out (drain-delete, services wait, --wait)",
        "    4  the deployment waited for failed, or the service went away", ExitCodes.INTERNAL_ERROR_LINE,
        "  127  exec: no Session Manager plugin on PATH",
        ExitCodes.INTERRUPTED_LINE, "Each command's --help lists the codes it uses."},
    subcommands = {
        HelpCommand.class,
        DrainDeleteCommand.class,
        ClustersCommand.class,
        ContainerInstancesCommand.class,
        ServicesCommand.class,
        ExecCommand.class,
        TaskDefinitionsCommand.class,
        TasksCommand.class,
        RunTaskCommand.class,
        StartTaskCommand.class,
        DiagnoseCommand.class,
        ReviewCommand.class,
        CompletionCommand.class,
    })
public final class EcsCtl implements Runnable {

  @Mixin
  GlobalOptions global;

  @Spec
  CommandSpec spec;

  /** Global options that only commands calling AWS use; the offline ones do not list or accept them. */
  static final List<String> AWS_OPTIONS =
      List.of("--region", "--profile", "--endpoint-url", "--autoscaling-endpoint-url", "--logs-endpoint-url",
          "--connect-timeout", "--read-timeout");

  private final CliEnvironment environment;
  private ClientSettings clientSettings;

  public EcsCtl(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command; see 'ecsctl --help'");
  }

  GlobalOptions global() {
    return global;
  }

  CliEnvironment environment() {
    return environment;
  }

  /** The settings the current command's client was built with, for error messages; {@code null} before. */
  ClientSettings clientSettings() {
    return clientSettings;
  }

  void clientSettings(ClientSettings settings) {
    this.clientSettings = settings;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(run(args, out, err, CliEnvironment.system()));
  }

  /** Runs ecsctl as the command line would and returns the exit code; never calls System.exit. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, CliEnvironment environment) {
    EcsCtl root = new EcsCtl(environment);
    ErrorHandler errors = new ErrorHandler(root);
    CommandLine commandLine = commandLine(root)
        .setOut(out)
        .setErr(err)
        .setExecutionExceptionHandler(errors)
        .setParameterExceptionHandler(errors)
        .setExecutionStrategy(parseResult -> {
          NonEmptyValues.check(parseResult);
          return new CommandLine.RunLast().execute(parseResult);
        });
    try {
      return commandLine.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** The command tree, as run and as the completion script describes it. */
  static CommandLine commandLine(EcsCtl root) {
    CommandLine commandLine = new CommandLine(root).setCaseInsensitiveEnumValuesAllowed(true);
    for (String offline : List.of("review", "completion", "help")) {
      CommandSpec spec = commandLine.getSubcommands().get(offline).getCommandSpec();
      for (String option : AWS_OPTIONS) {
        spec.remove(spec.findOption(option));
      }
    }
    return commandLine;
  }
}

package dev.deepdive.ecs.ecsctl.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.OutputStreamWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
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
    description = "Operate Amazon ECS services on EC2: drain-to-zero-then-delete, look-ups, diagnosis;"
        + " and review synthesized infrastructure offline.",
    footerHeading = "%nExit codes:%n",
    footer = {
        "    0  done (deleted, or already gone)",
        "    1  AWS/API error (the message carries the AWS error code)",
        "    2  usage error, bad input or refusal; nothing was changed",
        "    3  timed out while draining; desired count stays 0, rerun to resume",
        "   70  internal error (a bug; rerun with --debug)",
        "  130  interrupted (Ctrl-C); desired count stays 0, rerun to resume"},
    subcommands = {
        DrainDeleteCommand.class,
        ClustersCommand.class,
        ServicesCommand.class,
        TaskDefinitionsCommand.class,
        DiagnoseCommand.class,
        ReviewCommand.class,
    })
public final class EcsCtl implements Runnable {

  @Mixin
  GlobalOptions global;

  @Spec
  CommandSpec spec;

  private final CliEnvironment environment;

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

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(run(args, out, err, CliEnvironment.system()));
  }

  /** Runs ecsctl as the command line would and returns the exit code; never calls System.exit. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, CliEnvironment environment) {
    EcsCtl root = new EcsCtl(environment);
    ErrorHandler errors = new ErrorHandler(root);
    CommandLine commandLine = new CommandLine(root)
        .setOut(out)
        .setErr(err)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(errors)
        .setParameterExceptionHandler(errors);
    try {
      return commandLine.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }
}

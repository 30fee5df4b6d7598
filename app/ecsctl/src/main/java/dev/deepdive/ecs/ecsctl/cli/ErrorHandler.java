package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.AskedFor;
import dev.deepdive.ecs.ecsctl.ops.AwsErrors;
import dev.deepdive.ecs.ecsctl.ops.AwsFailure;
import dev.deepdive.ecs.ecsctl.ops.ClientSettings;
import dev.deepdive.ecs.ecsctl.review.ReviewException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place exceptions become {@code ecsctl: <message>} and an exit code. AWS failures are explained by
 * {@link AwsErrors#explain}, told what the command asked for (see {@link #askedFor}); this class only prints.
 * Unknown exceptions are a bug, not an AWS error: they get their own code (70), and a stack trace only with
 * --debug.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
  private final EcsCtl root;

  ErrorHandler(EcsCtl root) {
    this.root = root;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    debugTrace(ex, err);
    List<String> unknown = ex instanceof MissingParameterException ? unknownOptions(cmd, args) : List.of();
    if (!unknown.isEmpty()) {
      // A misspelled required option shows up as "missing"; name the misspelling and picocli's suggestion first.
      UnmatchedArgumentException unmatched = new UnmatchedArgumentException(cmd, unknown);
      err.println("ecsctl: " + unmatched.getMessage());
      UnmatchedArgumentException.printSuggestions(unmatched, err);
    }
    err.println("ecsctl: " + ex.getMessage());
    UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
    return ExitCodes.USAGE;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    debugTrace(ex, err);
    Mapped mapped = map(ex, askedFor(parseResult), root.clientSettings());
    err.println("ecsctl: " + mapped.message());
    if (mapped.code() == ExitCodes.INTERNAL_ERROR && !debug()) {
      err.println("ecsctl: this is a bug in ecsctl; rerun with --debug for the stack trace and report it");
    }
    return mapped.code();
  }

  record Mapped(int code, String message) {}

  static Mapped map(Exception ex, AskedFor asked, ClientSettings settings) {
    if (ex instanceof Refusal || ex instanceof ReviewException) {
      return new Mapped(ExitCodes.USAGE, ex.getMessage());
    }
    Optional<AwsFailure> failure = AwsErrors.explain(ex, asked, settings);
    if (failure.isPresent()) {
      return new Mapped(failure.get().exitCode(), failure.get().message());
    }
    return new Mapped(ExitCodes.INTERNAL_ERROR, "internal error: " + ex);
  }

  /**
   * What the command asked for, read from what was typed: options and parameters labelled CLUSTER, SERVICE,
   * FAMILY, TASK_DEFINITION, FAMILY:REVISION, CONTAINER_INSTANCE or TASK. Commands name theirs with these
   * labels; that is all it takes for every error message to name the resource.
   */
  static AskedFor askedFor(ParseResult parsed) {
    AskedFor asked = AskedFor.nothing();
    for (ParseResult level = parsed; level != null; level = level.subcommand()) {
      for (ArgSpec arg : level.matchedArgs()) {
        List<String> values = arg.originalStringValues();
        switch (arg.paramLabel()) {
          // Several clusters (clusters describe a b) are reported one by one by the command itself.
          case "CLUSTER" -> asked = values.size() == 1 ? asked.withCluster(values.get(0)) : asked;
          case "SERVICE" -> asked = asked.withServices(values);
          case "FAMILY", "TASK_DEFINITION", "FAMILY:REVISION" -> asked = asked.withTaskDefinitions(values);
          case "CONTAINER_INSTANCE" -> asked = asked.withContainerInstances(values);
          case "TASK" -> asked = asked.withTasks(values);
          default -> { }
        }
      }
    }
    return asked;
  }

  /** Arguments that look like long options but name none of the command's (inherited ones included). */
  private static List<String> unknownOptions(CommandLine cmd, String[] args) {
    CommandSpec spec = cmd.getCommandSpec();
    List<String> unknown = new ArrayList<>();
    for (String arg : args) {
      if (arg.startsWith("--") && arg.length() > 2) {
        String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        if (spec.findOption(name) == null && spec.root().findOption(name) == null
            && !spec.subcommands().containsKey(name)) {
          unknown.add(name);
        }
      }
    }
    return unknown;
  }

  private void debugTrace(Exception ex, PrintWriter err) {
    if (debug()) {
      ex.printStackTrace(err);
    }
  }

  private boolean debug() {
    return root.global() != null && root.global().debug();
  }
}

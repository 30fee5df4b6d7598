package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.AwsErrors;
import dev.deepdive.ecs.ecsctl.ops.DescribeFailureException;
import dev.deepdive.ecs.ecsctl.ops.MissingRegionException;
import dev.deepdive.ecs.ecsctl.ops.NotFoundException;
import dev.deepdive.ecs.ecsctl.review.ReviewException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The one place exceptions become {@code ecsctl: <message>} and an exit code. Unknown exceptions are a bug,
 * not an AWS error: they get their own code (70), and a stack trace only with --debug.
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
    err.println("ecsctl: " + ex.getMessage());
    UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
    return ExitCodes.USAGE;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    debugTrace(ex, err);
    Mapped mapped = map(ex);
    err.println("ecsctl: " + mapped.message());
    if (mapped.code() == ExitCodes.INTERNAL_ERROR && !debug()) {
      err.println("ecsctl: this is a bug in ecsctl; rerun with --debug for the stack trace and report it");
    }
    return mapped.code();
  }

  record Mapped(int code, String message) {}

  static Mapped map(Exception ex) {
    if (ex instanceof Refusal || ex instanceof MissingRegionException || ex instanceof ReviewException) {
      return new Mapped(ExitCodes.USAGE, ex.getMessage());
    }
    if (ex instanceof AwsServiceException || ex instanceof DescribeFailureException) {
      return new Mapped(ExitCodes.AWS_ERROR, AwsErrors.describe(ex));
    }
    if (ex instanceof NotFoundException notFound) {
      return new Mapped(ExitCodes.AWS_ERROR, notFound.code() + ": " + notFound.getMessage());
    }
    if (ex instanceof SdkClientException) {
      // Credentials not found, endpoint unreachable, call timed out: AWS could not be asked.
      return new Mapped(ExitCodes.AWS_ERROR, AwsErrors.describe(ex));
    }
    return new Mapped(ExitCodes.INTERNAL_ERROR, "internal error: " + ex);
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

package dev.deepdive.ecs.ecsctl.cli;

import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * No option or parameter of any command accepts an empty or blank value: {@code --cluster ''} would otherwise
 * reach ECS as "the default cluster", {@code --profile ''} as "no profile". One check for every command, run
 * after parsing and before the command, so it holds for commands added later too.
 */
final class NonEmptyValues {
  private NonEmptyValues() {}

  /** @throws ParameterException naming the first option or parameter given an empty value */
  static void check(ParseResult parsed) {
    for (ParseResult level = parsed; level != null; level = level.subcommand()) {
      for (ArgSpec arg : level.matchedArgs()) {
        for (String value : arg.originalStringValues()) {
          if (value.isBlank()) {
            String name = arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
            throw new ParameterException(level.commandSpec().commandLine(), name + " must not be empty");
          }
        }
      }
    }
  }
}

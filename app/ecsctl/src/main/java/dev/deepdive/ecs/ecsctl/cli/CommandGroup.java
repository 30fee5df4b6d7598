package dev.deepdive.ecs.ecsctl.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** A command that only groups subcommands: run without one, it is a usage error naming the choices. */
abstract class CommandGroup implements Runnable {

  protected abstract CommandSpec spec();

  @Override
  public void run() {
    throw new ParameterException(spec().commandLine(), "missing subcommand; choose one of: "
        + String.join(", ", spec().subcommands().keySet()));
  }
}

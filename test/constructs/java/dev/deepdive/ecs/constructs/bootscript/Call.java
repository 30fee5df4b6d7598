package dev.deepdive.ecs.constructs.bootscript;

import java.util.List;

/**
 * One call of a stand-in command.
 *
 * @param tool the command name, e.g. {@code curl}
 * @param args its arguments, exactly as received
 * @param stdin what it read on stdin; only {@code curl --config -} reads it, otherwise empty
 */
public record Call(String tool, List<String> args, String stdin) {

  public Call {
    args = List.copyOf(args);
  }

  /** The call as one line, for assertions and failure messages. */
  public String commandLine() {
    return args.isEmpty() ? tool : tool + " " + String.join(" ", args);
  }
}

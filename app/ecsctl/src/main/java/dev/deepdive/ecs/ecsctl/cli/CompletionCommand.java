package dev.deepdive.ecs.ecsctl.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ecsctl completion bash|zsh}: the shell completion script, from picocli's generator. One script serves
 * both shells: under zsh it loads bashcompinit itself.
 */
@Command(name = "completion",
    footerHeading = ExitCodes.HEADING,
    footer = {"    0  script printed", "    2  usage error (a shell other than bash or zsh)"},
    description = {"Print a shell completion script for commands, options and their fixed values.",
        "bash: source <(ecsctl completion bash)   (or save it in /etc/bash_completion.d/ecsctl)",
        "zsh:  source <(ecsctl completion zsh)    (in ~/.zshrc)"})
public final class CompletionCommand implements Callable<Integer> {
  /** The shells the generated script supports. */
  enum Shell { bash, zsh }

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "${COMPLETION-CANDIDATES}")
  Shell shell;

  @Override
  public Integer call() {
    // Generated from a fresh tree so the script describes ecsctl as users run it, not this invocation's state.
    EcsCtl root = (EcsCtl) spec.root().userObject();
    String script = AutoComplete.bash("ecsctl", EcsCtl.commandLine(new EcsCtl(root.environment())));
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}

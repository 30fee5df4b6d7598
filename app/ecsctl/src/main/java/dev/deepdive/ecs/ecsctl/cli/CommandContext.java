package dev.deepdive.ecs.ecsctl.cli;

import dev.deepdive.ecs.ecsctl.ops.ClientSettings;
import dev.deepdive.ecs.ecsctl.ops.EcsClientFactory;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.services.ecs.EcsClient;

/** What a subcommand reaches through its spec: global options, environment, streams, and the ECS client. */
final class CommandContext {
  private final CommandSpec spec;
  private final EcsCtl root;

  CommandContext(CommandSpec spec) {
    this.spec = spec;
    this.root = (EcsCtl) spec.root().userObject();
  }

  GlobalOptions global() {
    return root.global();
  }

  CliEnvironment environment() {
    return root.environment();
  }

  boolean json() {
    return global().output() == OutputFormat.json;
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** One client per command run; the caller closes it. */
  EcsClient ecs() {
    GlobalOptions g = global();
    ClientSettings settings = ClientSettings.of(g.region(), g.profile(), g.endpointUrl());
    return EcsClientFactory.create(environment().clientTuning().apply(settings));
  }
}

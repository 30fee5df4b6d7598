package dev.deepdive.ecs.ecsctl.cli;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Session Manager plugin ({@code session-manager-plugin}), which carries an ECS Exec session between the
 * terminal and the container, as the AWS CLI uses it. It is found on PATH; the session runs as a child process
 * with ecsctl's stdin, stdout and stderr.
 */
final class SessionManagerPlugin {
  static final String EXECUTABLE = "session-manager-plugin";
  /** Where AWS says how to install it, per operating system. */
  static final String INSTALL_URL =
      "https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager-working-with-install-plugin.html";
  /** Signals a terminal sends the whole foreground process group; during a session they belong to the plugin. */
  private static final List<String> TERMINAL_SIGNALS = List.of("INT", "QUIT", "TSTP");

  private final Path executable;

  private SessionManagerPlugin(Path executable) {
    this.executable = executable;
  }

  /** The plugin on {@code PATH} (from {@code variables}), if it is there and executable. */
  static Optional<SessionManagerPlugin> find(Map<String, String> variables) {
    String path = variables.getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      for (String name : List.of(EXECUTABLE, EXECUTABLE + ".exe")) {
        Path candidate = Path.of(dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(new SessionManagerPlugin(candidate));
        }
      }
    }
    return Optional.empty();
  }

  Path executable() {
    return executable;
  }

  /**
   * Runs the plugin with {@code arguments} and returns its exit code. Like the AWS CLI (which ignores the same
   * signals around its call), ecsctl ignores Ctrl-C, Ctrl-\ and Ctrl-Z meanwhile: the plugin receives them and
   * forwards them into the session, so Ctrl-C stops the remote command instead of ending ecsctl under it.
   */
  int run(List<String> arguments, Map<String, String> variables) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    builder.environment().clear();
    builder.environment().putAll(variables);
    List<Object[]> restore = ignoreTerminalSignals();
    try {
      return builder.start().waitFor();
    } finally {
      restoreSignals(restore);
    }
  }

  /**
   * sun.misc.Signal, by reflection: it is the JDK's only way to ignore a signal (module jdk.unsupported, exported
   * on every JDK since 9); reflection keeps javac's "internal proprietary API" warning out of the build, and if a
   * JDK lacks it the session still runs, only without the signals set aside.
   */
  private static List<Object[]> ignoreTerminalSignals() {
    List<Object[]> previous = new ArrayList<>();
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handler = Class.forName("sun.misc.SignalHandler");
      Constructor<?> of = signal.getConstructor(String.class);
      Method handle = signal.getMethod("handle", signal, handler);
      Object ignore = handler.getField("SIG_IGN").get(null);
      for (String name : TERMINAL_SIGNALS) {
        try {
          Object s = of.newInstance(name);
          previous.add(new Object[] {s, handle.invoke(null, s, ignore)});
        } catch (ReflectiveOperationException | IllegalArgumentException notOnThisPlatform) {
          // e.g. TSTP on Windows; that signal is simply not set aside.
        }
      }
    } catch (ReflectiveOperationException | LinkageError unavailable) {
      // No sun.misc.Signal: run the session without ignoring signals.
    }
    return previous;
  }

  private static void restoreSignals(List<Object[]> previous) {
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handler = Class.forName("sun.misc.SignalHandler");
      Method handle = signal.getMethod("handle", signal, handler);
      for (Object[] p : previous) {
        handle.invoke(null, p[0], p[1]);
      }
    } catch (ReflectiveOperationException | LinkageError unavailable) {
      // Nothing was set aside.
    }
  }
}

package dev.deepdive.ecs.ecsctl.cli;

import java.io.Console;

/** Where confirmation questions go; injectable so tests answer them. */
public interface Terminal {

  /** True if a person can answer (stdin and stdout are a terminal). */
  boolean interactive();

  /** Shows {@code prompt} and returns the answer, or null at end of input. */
  String ask(String prompt);

  /** The process's console, if any. */
  static Terminal system() {
    return new Terminal() {
      @Override public boolean interactive() {
        return System.console() != null;
      }

      @Override public String ask(String prompt) {
        Console console = System.console();
        return console == null ? null : console.readLine("%s", prompt);
      }
    };
  }

  /** No terminal: scripts, CI, pipes. */
  Terminal NONE = new Terminal() {
    @Override public boolean interactive() {
      return false;
    }

    @Override public String ask(String prompt) {
      return null;
    }
  };
}

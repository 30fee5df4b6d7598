package dev.deepdive.ecs.ecsctl.cli;

import java.util.Locale;

/** The "are you sure" rule for commands that delete: ask on a terminal, refuse without one unless --yes. */
final class Confirmation {
  private Confirmation() {}

  /**
   * Returns normally if the action may go ahead; throws {@link Refusal} otherwise.
   *
   * @param yes whether --yes was given
   * @param question e.g. "Drain and delete 2 services in cluster prod?"
   */
  static void require(Terminal terminal, boolean yes, String question) {
    if (yes) {
      return;
    }
    if (!terminal.interactive()) {
      throw new Refusal("no terminal to confirm on; pass --yes to go ahead without asking");
    }
    if (!answeredYes(terminal, question)) {
      throw new Refusal("not confirmed; nothing was changed");
    }
  }

  /** Asks {@code question} with a {@code [y/N]} suffix; true only for "y" or "yes" (any case). */
  static boolean answeredYes(Terminal terminal, String question) {
    String answer = terminal.ask(question + " [y/N] ");
    String a = answer == null ? "" : answer.trim().toLowerCase(Locale.ROOT);
    return a.equals("y") || a.equals("yes");
  }

  /** Fails early, before any AWS call, when confirmation is needed and nobody can give it. */
  static void requirePossible(Terminal terminal, boolean yes) {
    if (!yes && !terminal.interactive()) {
      throw new Refusal("no terminal to confirm on; pass --yes to go ahead without asking");
    }
  }
}

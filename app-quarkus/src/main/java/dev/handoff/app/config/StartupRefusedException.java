package dev.handoff.app.config;

import java.util.List;

/**
 * The service refuses to start because of its settings. The message is meant for the operator as it
 * stands: one line for one problem, a list for several.
 */
public final class StartupRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /**
   * @param problems every problem found, each naming the setting and the rule
   */
  public StartupRefusedException(List<String> problems) {
    super(message(problems), null, false, false);
    this.problems = List.copyOf(problems);
  }

  /**
   * @return every problem found
   */
  public List<String> problems() {
    return problems;
  }

  /**
   * @param problems the problems
   * @return the operator's message: one line for one problem, a list for several
   */
  public static String message(List<String> problems) {
    if (problems.size() == 1) {
      return "Handoff cannot start: " + problems.get(0);
    }
    return "Handoff cannot start; fix these "
        + problems.size()
        + " settings:\n  - "
        + String.join("\n  - ", problems);
  }
}

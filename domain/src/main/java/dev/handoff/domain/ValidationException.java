package dev.handoff.domain;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a value of the model is constructed from input that breaks one or more rules. It
 * lists every violation, not only the first.
 */
public final class ValidationException extends HandoffException {
  private static final long serialVersionUID = 1L;

  private final String subject;
  private final transient List<Violation> violations;

  /**
   * Creates the exception.
   *
   * @param subject what was being built, e.g. {@code CallTransfer}
   * @param violations every broken rule; not empty
   */
  public ValidationException(String subject, List<Violation> violations) {
    super(message(subject, violations));
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a ValidationException needs at least one violation");
    }
    this.subject = subject;
    this.violations = List.copyOf(violations);
  }

  private static String message(String subject, List<Violation> violations) {
    return "Invalid "
        + subject
        + ": "
        + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
  }

  /**
   * @return what was being built
   */
  public String subject() {
    return subject;
  }

  /**
   * @return every broken rule, in the order found
   */
  public List<Violation> violations() {
    return violations;
  }
}

package dev.handoff.domain;

/** Base of the exceptions Handoff throws for a request it will not carry out. */
public abstract class HandoffException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, for people
   */
  protected HandoffException(String message) {
    super(message);
  }
}

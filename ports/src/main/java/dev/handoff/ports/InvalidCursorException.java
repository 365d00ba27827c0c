package dev.handoff.ports;

/**
 * A page cursor is not one the store (or the service in front of it) issued: malformed, from
 * another store, or altered. The caller's fault; listing from the first page works.
 */
public final class InvalidCursorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param reason why the cursor cannot be read
   * @param cause what failed decoding it, if anything (may be null)
   */
  public InvalidCursorException(String reason, Throwable cause) {
    super("cursor: is not one this store issued: " + reason, cause);
  }
}

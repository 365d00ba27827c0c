package dev.handoff.app.callbacks;

/** A callback delivery refused before anything in it was recorded. */
public final class CallbackRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String reason;

  /**
   * @param status the HTTP status to answer with (401 unauthenticated, 400 malformed)
   * @param reason a short reason for metrics, e.g. {@code expired}
   * @param message what was wrong, for the caller and the log
   */
  public CallbackRefused(int status, String reason, String message) {
    super(message);
    this.status = status;
    this.reason = reason;
  }

  /**
   * @return the HTTP status
   */
  public int status() {
    return status;
  }

  /**
   * @return the short reason
   */
  public String reason() {
    return reason;
  }
}

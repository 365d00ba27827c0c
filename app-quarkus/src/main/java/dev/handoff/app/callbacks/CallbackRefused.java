package dev.handoff.app.callbacks;

import java.util.Optional;

/** A callback delivery refused before anything in it was recorded. */
public final class CallbackRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String reason;
  private final Integer retryAfterSeconds;

  /**
   * @param status the HTTP status to answer with (401 unauthenticated, 400 malformed)
   * @param reason a short reason for metrics, e.g. {@code expired}
   * @param message what was wrong, for the caller and the log
   */
  public CallbackRefused(int status, String reason, String message) {
    this(status, reason, message, null);
  }

  /**
   * @param status the HTTP status to answer with
   * @param reason a short reason for metrics
   * @param message what was wrong, for the caller and the log
   * @param retryAfterSeconds when the provider should deliver it again ({@code Retry-After}), or
   *     null when it should not
   */
  public CallbackRefused(int status, String reason, String message, Integer retryAfterSeconds) {
    super(message);
    this.status = status;
    this.reason = reason;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /**
   * @return the seconds after which to deliver it again, if it should be
   */
  public Optional<Integer> retryAfterSeconds() {
    return Optional.ofNullable(retryAfterSeconds);
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

package dev.handoff.ports.client;

import java.util.Objects;

/**
 * A callback delivery that was not applied, with the reason and the HTTP status to answer it with.
 * Nothing of it was recorded.
 */
public final class CallbackRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a delivery was rejected. */
  public enum Reason {
    /** Not proven to come from the provider (missing, forged, expired token; wrong secret): 401. */
    UNAUTHENTICATED(401),
    /** Authentic but not readable as the provider's events: 400. */
    MALFORMED(400),
    /**
     * Authentic, but its events concern another operation or call than its URL is bound to: 403.
     */
    REFUSED(403),
    /** The provider's signing keys could not be loaded; the provider should retry later: 503. */
    KEYS_UNAVAILABLE(503);

    private final int httpStatus;

    Reason(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    /**
     * @return the HTTP status to answer such a delivery with
     */
    public int httpStatus() {
      return httpStatus;
    }
  }

  private final Reason reason;

  /**
   * @param reason why
   * @param message what was wrong, in the provider's terms
   * @param cause the adapter's own exception, if any
   */
  public CallbackRejectedException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * @return why
   */
  public Reason reason() {
    return reason;
  }

  /**
   * @return the HTTP status to answer with: 401, 400, 403 or 503
   */
  public int httpStatus() {
    return reason.httpStatus();
  }
}

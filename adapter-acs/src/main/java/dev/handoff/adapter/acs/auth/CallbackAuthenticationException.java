package dev.handoff.adapter.acs.auth;

import java.util.Objects;

/**
 * A callback is not proven to come from ACS. Answer it with 401 and do not process it. The {@link
 * #reason()} says which check failed; the message says how, without echoing secrets.
 */
public final class CallbackAuthenticationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Which check failed. */
  public enum Reason {
    /** No {@code Authorization} header (or no token in it). */
    MISSING_TOKEN,
    /** The {@code Authorization} header is not {@code Bearer <token>}. */
    MALFORMED_HEADER,
    /** The token is not a JWT, or lacks a claim every ACS token has. */
    MALFORMED_TOKEN,
    /** The token is unsigned ({@code alg: none}) or signed with anything but RS256. */
    UNSUPPORTED_ALGORITHM,
    /** The token names no key, or a key the key source does not hold even after a refresh. */
    UNKNOWN_KEY,
    /** The signature does not verify. */
    BAD_SIGNATURE,
    /** The issuer is not the ACS issuer. */
    WRONG_ISSUER,
    /** The audience is not this ACS resource. */
    WRONG_AUDIENCE,
    /** The token expired (beyond the allowed clock skew). */
    EXPIRED,
    /** The token is not valid yet (beyond the allowed clock skew). */
    NOT_YET_VALID,
    /** The signing keys could not be fetched. */
    KEYS_UNAVAILABLE,
    /** The callback URI carries no secret. */
    MISSING_SECRET,
    /** The callback URI carries a wrong secret. */
    WRONG_SECRET
  }

  private final Reason reason;

  /**
   * @param reason which check failed
   * @param message how
   */
  public CallbackAuthenticationException(Reason reason, String message) {
    this(reason, message, null);
  }

  /**
   * @param reason which check failed
   * @param message how
   * @param cause the cause, or null
   */
  public CallbackAuthenticationException(Reason reason, String message, Throwable cause) {
    super(Objects.requireNonNull(reason, "reason") + ": " + message, cause);
    this.reason = reason;
  }

  /**
   * @return which check failed
   */
  public Reason reason() {
    return reason;
  }
}

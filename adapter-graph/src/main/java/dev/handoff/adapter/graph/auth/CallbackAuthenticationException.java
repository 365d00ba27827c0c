package dev.handoff.adapter.graph.auth;

import java.util.Objects;

/**
 * A notification's bearer token was not accepted. Answer the callback with 401 or 403 and do not
 * read the body.
 */
public final class CallbackAuthenticationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the token was refused. */
  public enum Reason {
    /** No {@code Authorization} header. */
    MISSING_HEADER,
    /** The header is not {@code Bearer <token>}. */
    NOT_BEARER,
    /** The token is not a JWT. */
    MALFORMED_TOKEN,
    /** The token is not signed ({@code alg: none}). */
    UNSIGNED,
    /** The token is signed (or encrypted) with something other than RS256. */
    UNSUPPORTED_ALGORITHM,
    /** The token's header names no key ({@code kid}). */
    MISSING_KEY_ID,
    /** No published signing key has the token's {@code kid}, even after refreshing the keys. */
    UNKNOWN_KEY,
    /** The signing keys could not be loaded. */
    KEYS_UNAVAILABLE,
    /** The signature does not verify. */
    BAD_SIGNATURE,
    /** The issuer is not an accepted one. */
    WRONG_ISSUER,
    /** The audience is not the bot's application id. */
    WRONG_AUDIENCE,
    /** The token has no expiry. */
    MISSING_EXPIRY,
    /** The token has expired (beyond the allowed clock skew). */
    EXPIRED,
    /** The token is not valid yet (beyond the allowed clock skew). */
    NOT_YET_VALID,
    /** The token has no tenant ({@code tid}) claim. */
    MISSING_TENANT,
    /** The token's tenant ({@code tid}) is not one the bot serves. */
    WRONG_TENANT
  }

  /** Why the token was refused. */
  private final Reason reason;

  /**
   * @param reason why
   * @param message details for people (never the token itself)
   * @param cause the underlying failure, if any
   */
  public CallbackAuthenticationException(Reason reason, String message, Throwable cause) {
    super(Objects.requireNonNull(reason, "reason") + ": " + message, cause);
    this.reason = reason;
  }

  /**
   * @return why the token was refused
   */
  public Reason reason() {
    return reason;
  }
}

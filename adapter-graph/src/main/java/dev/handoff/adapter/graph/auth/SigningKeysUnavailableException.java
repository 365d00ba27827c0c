package dev.handoff.adapter.graph.auth;

/**
 * The signing keys could not be loaded (the OpenID configuration or the key set is unreachable or
 * unreadable).
 */
public final class SigningKeysUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed
   * @param cause the underlying failure, if any
   */
  public SigningKeysUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}

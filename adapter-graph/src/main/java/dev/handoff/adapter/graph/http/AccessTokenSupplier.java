package dev.handoff.adapter.graph.http;

/**
 * Supplies the bearer token for Graph requests. Implementations must be thread-safe and should
 * cache: the adapter asks for a token before every request.
 */
@FunctionalInterface
public interface AccessTokenSupplier {

  /**
   * @return a valid access token for Microsoft Graph, without the {@code Bearer } prefix
   * @throws TokenAcquisitionException (or any runtime exception) when no token can be had; the
   *     request is then not sent and the command is rejected with reason AUTHENTICATION
   */
  String accessToken();

  /**
   * Tells the supplier that Graph refused this token (HTTP 401), so that a cached copy is dropped.
   * When the next {@link #accessToken()} returns a different token the request is sent once more: a
   * 401 proves the request was not carried out. The default does nothing.
   *
   * @param token the refused token
   */
  default void invalidate(String token) {}
}

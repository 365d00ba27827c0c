package dev.handoff.adapter.acs.auth;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What an authenticator needs of an incoming callback request.
 *
 * @param authorization the {@code Authorization} header, when present
 * @param uri the request URI, query included
 */
public record CallbackRequest(Optional<String> authorization, URI uri) {
  /** Validates the parts. */
  public CallbackRequest {
    authorization = authorization == null ? Optional.empty() : authorization;
    Objects.requireNonNull(uri, "uri");
  }

  /**
   * @param authorization the {@code Authorization} header, or null when absent
   * @param uri the request URI, query included
   * @return the request
   */
  public static CallbackRequest of(String authorization, URI uri) {
    return new CallbackRequest(Optional.ofNullable(authorization), uri);
  }
}
